/**
 * Documents over HTTP: the protocol, the extract and the omröstningsbilaga as PDF and HTML on
 * the authenticated and the public routes, by Accept and by `?format=`, with the file name a
 * clerk would use, and the same bytes every time from the same events.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Response } from 'supertest';
import { secondCommands, secondIds } from '../scenarios/second.js';
import { toHttp } from './support/driver.js';
import { startApi, type TestApi } from './support/harness.js';

// PDFs take a second or two each on a busy 2-core machine; the read models catch up meanwhile.
jest.setTimeout(120_000);

const { meetingId, p41 } = secondIds;
const sha = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** Collects any body as a Buffer (supertest leaves application/pdf unparsed otherwise). */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('documents over HTTP (second scenario)', () => {
  let api: TestApi;
  const get = (path: string, accept?: string, user: 'clerk' | null = 'clerk') => {
    let req = api.http
      .get(path)
      .buffer(true)
      .parse(binary as never);
    if (user) req = req.set('authorization', api.auth(user));
    if (accept) req = req.set('accept', accept);
    return req;
  };

  beforeAll(async () => {
    api = await startApi();
    for (const command of secondCommands) {
      const step = toHttp(command);
      if (!step) continue;
      const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
      if (res.status !== step.status)
        throw new Error(`${command.type}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  });
  afterAll(() => api.close());

  it('serves the protocol as PDF/A by Accept, inline, named as a clerk would, the same bytes twice', async () => {
    const one = await get(`/meetings/${meetingId}/protocol`, 'application/pdf');
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    expect(one.headers['content-disposition']).toBe(
      `inline; filename="Protokoll UN 2024-06-11.pdf"; filename*=UTF-8''Protokoll%20UN%202024-06-11.pdf`,
    );
    const body = one.body as Buffer;
    expect(body.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(body.toString('latin1')).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(one.headers.etag).toBe(`"${sha(body)}"`);
    const two = await get(`/meetings/${meetingId}/protocol?format=pdf&download=1`);
    expect(two.headers['content-disposition']).toMatch(/^attachment; /);
    expect(sha(two.body as Buffer)).toBe(sha(body));
  });

  it('serves the extract as PDF with § in the file name (RFC 5987) and as HTML', async () => {
    const pdf = await get(`/paragraphs/${p41}/extract?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-disposition']).toBe(
      `inline; filename="Protokollsutdrag UN 2024-06-11 par41.pdf"; ` +
        `filename*=UTF-8''Protokollsutdrag%20UN%202024-06-11%20%C2%A741.pdf`,
    );
    const html = await get(`/paragraphs/${p41}/extract`, 'text/html');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect((html.body as Buffer).toString('utf8')).toContain('<th scope="row">Anders Nilsson</th>');
  });

  it('serves the omröstningsbilaga with a table per votering', async () => {
    const res = await get(`/meetings/${meetingId}/voting-appendix?format=html`);
    expect(res.status).toBe(200);
    const html = (res.body as Buffer).toString('utf8');
    expect(html).toContain('<caption>Votering, huvudvotering</caption>');
    expect(html).toContain('<th scope="col">Tjänstgörande ersättare</th>');
    expect(html).toContain(
      '<tr><th scope="row">Fredrik Sand (M)</th> <td>Cecilia Ström (M)</td> <td class="mark">X</td>',
    );
    const pdf = await get(`/meetings/${meetingId}/voting-appendix`, 'application/pdf');
    expect(pdf.headers['content-disposition']).toBe(
      `inline; filename="Omrostningsbilaga UN 2024-06-11.pdf"; ` +
        `filename*=UTF-8''Omr%C3%B6stningsbilaga%20UN%202024-06-11.pdf`,
    );
  });

  it('answers 400 naming the field for an unknown ?format, 406 for an Accept it cannot serve', async () => {
    const bad = await get(`/meetings/${meetingId}/protocol?format=docx`);
    expect(bad.status).toBe(400);
    expect(JSON.parse((bad.body as Buffer).toString('utf8')).errors[0].field).toBe('format');
    expect((await get(`/meetings/${meetingId}/protocol`, 'image/png')).status).toBe(406);
  });

  it('serves the public protocol, extract and omröstningsbilaga as PDF without signing in', async () => {
    // The read models catch up in their own thread: wait until the protocol has both §§.
    const deadline = Date.now() + 60_000;
    let json: { paragraphs?: unknown[] } = {};
    while (Date.now() < deadline) {
      const res = await get(`/protocols/${meetingId}`, 'application/json', null);
      if (res.status === 200) json = JSON.parse((res.body as Buffer).toString('utf8'));
      if ((json.paragraphs ?? []).length === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(json.paragraphs).toHaveLength(2);
    const protocol = await get(`/protocols/${meetingId}?format=pdf`, undefined, null);
    expect(protocol.status).toBe(200);
    expect(protocol.headers['content-type']).toBe('application/pdf');
    const extract = await get(`/meetings/${meetingId}/paragraphs/${p41}/extract`, 'application/pdf', null);
    expect(extract.status).toBe(200);
    expect(extract.headers['content-disposition']).toContain("filename*=UTF-8''Protokollsutdrag%20UN");
    const appendix = await get(`/protocols/${meetingId}/voting-appendix?format=pdf`, undefined, null);
    expect(appendix.status).toBe(200);
    expect((appendix.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('exports the register for Swedish Excel (semicolons, BOM), the comma form on request', async () => {
    const text = (res: { body: unknown }) => (res.body as Buffer).toString('utf8');
    const deadline = Date.now() + 60_000;
    let excel = '';
    while (Date.now() < deadline) {
      excel = text(await get('/register?format=csv'));
      if (excel.split('\r\n').length > 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(excel.startsWith('\uFEFFOrgan;Sammanträdesdatum;')).toBe(true);
    expect(excel).toContain(';2024-06-11;2024;41;');
    const comma = text(await get('/register?format=csv&separator=comma'));
    expect(comma.startsWith('\uFEFFOrgan,Sammanträdesdatum,')).toBe(true);
    expect((await get('/register?format=csv&separator=tab')).status).toBe(400);
  });
});
