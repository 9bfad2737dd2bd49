/**
 * Verifiable extracts: a certified extract carries a verification code; GET /verify?code= and
 * POST /verify (the text) say whether it matches the record, who justified it and when, and
 * whether anything was corrected afterwards. A changed copy does not verify.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { toHttp } from '../api/support/driver.js';
import { startApi, type TestApi } from '../api/support/harness.js';

describe('verifiable extracts', () => {
  let api: TestApi;
  let text: string;
  let code: string;
  const paragraph = `/paragraphs/${s65Ids.paragraphId}`;

  beforeAll(async () => {
    api = await startApi();
    for (const [i, command] of s65Commands.entries()) {
      const step = toHttp(command);
      if (!step) continue;
      const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
      if (res.status !== step.status)
        throw new Error(`step ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const certified = await api.http
      .post(`${paragraph}/certify`)
      .set('authorization', api.auth('clerk'))
      .send({ by: { name: 'Karin Sjödin', title: 'nämndsekreterare' } });
    expect(certified.status).toBe(200);
    const res = await api.http
      .get(`${paragraph}/certified-extract`)
      .set('authorization', api.auth('auditor'));
    expect(res.status).toBe(200);
    text = res.text;
    code = res.headers['paragraf-verification-code'] as string;
  }, 180_000);
  afterAll(() => api.close(), 30_000);

  it('prints the code in the certified extract, and names the hash of what it served', () => {
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(text).toContain('§65');
    expect(text).toContain(`Kontrollkod: ${code}`);
  });

  it('the code verifies: the extract, who justified it and when, nothing corrected', async () => {
    const res = await api.http.get(`/verify?code=${code.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      valid: true,
      code,
      paragraph: { paragraphId: s65Ids.paragraphId, number: 65, year: 2024 },
      certified: { by: { name: 'Karin Sjödin' } },
      correctedAfterwards: [],
      seal: { found: true },
    });
    expect(res.body.justified.by.map((m: { memberId: string }) => m.memberId)).toContain('ksau-ordf');
  });

  it('the text of the certified extract matches the record; a changed copy does not', async () => {
    const same = await api.http.post('/verify').set('content-type', 'text/plain').send(text);
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ valid: true, matches: true, code });
    const changed = text.replace('§65', '§66');
    expect(changed).not.toBe(text);
    const forged = await api.http.post('/verify').send({ text: changed });
    expect(forged.status).toBe(200);
    expect(forged.body).toMatchObject({ valid: false, matches: false, code });
    const sha = createHash('sha256').update(changed).digest('hex');
    expect(sha).not.toBe(same.body.documentSha256);
  });

  it('a rättelse after certification is shown as made afterwards, with why', async () => {
    const res = await api.http
      .post(`${paragraph}/corrections`)
      .set('authorization', api.auth('clerk'))
      .send({
        field: 'caseNumber',
        from: 'KS 2024/123',
        to: 'KS 2024/124',
        why: 'Skrivfel',
        by: { name: 'Karin Sjödin' },
      });
    expect(res.status).toBe(201);
    const after = await api.http.get(`/verify?code=${code}`);
    expect(after.body.correctedAfterwards).toEqual([
      expect.objectContaining({ field: 'caseNumber', why: 'Skrivfel', to: 'KS 2024/124' }),
    ]);
    // The certified text is still the one recorded: the rättelse never touches it.
    expect((await api.http.post('/verify').send({ text })).body.matches).toBe(true);
  });

  it('bad or unknown codes: 400 and 404, never 500', async () => {
    expect((await api.http.get('/verify?code=nonsense')).status).toBe(400);
    expect((await api.http.get('/verify')).status).toBe(400);
    expect((await api.http.get('/verify?code=0000-0000-0000')).status).toBe(404);
    expect((await api.http.post('/verify').send({ text: 'no code here' })).status).toBe(400);
    expect((await api.http.post('/verify').send({})).status).toBe(400);
  });
});
