/**
 * House styles as data, end to end: an administrator adopts a new style for a body through the
 * API; the next document of an unjustified meeting is worded in it at once (no restart, no code),
 * while the §65 protocol, justified before the adoption, keeps the wording it was justified in.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { splitSealLine, wordDiff } from '../golden/normalise.js';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import type { ScenarioCommand } from '../scenarios/types.js';
import { toHttp } from './support/driver.js';
import { startApi, type TestApi } from './support/harness.js';

/** §65 is justified: its extract prints the Kontrollsumma line (docs/adr/0031), not in the golden. */
function withoutSeal(text: string): string {
  const { text: rest, sealed } = splitSealLine(text);
  expect(sealed).toBe(true);
  return rest;
}

const golden = readFileSync(new URL('../fixtures/ks-au-2024-s65-delarsrapport.txt', import.meta.url), 'utf8');

const later = {
  meetingId: '3f1d6a52-6c1e-4b0e-9f0a-66a000000001',
  paragraphId: '3f1d6a52-6c1e-4b0e-9f0a-66a000000066',
};

/** The §65 flow again at a later meeting (§66), up to the decision: not justified. */
function laterMeeting(): ScenarioCommand[] {
  const upToDecision = s65Commands.slice(0, s65Commands.findIndex((c) => c.type === 'AdoptDecision') + 1);
  return JSON.parse(
    JSON.stringify(upToDecision)
      .replaceAll(s65Ids.meetingId, later.meetingId)
      .replaceAll(s65Ids.paragraphId, later.paragraphId)
      .replaceAll('"number":65', '"number":66')
      .replaceAll('2024-05-27', '2024-06-10'),
  ) as ScenarioCommand[];
}

async function replay(api: TestApi, commands: readonly ScenarioCommand[]) {
  for (const command of commands) {
    const step = toHttp(command);
    if (!step) continue;
    const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
    if (res.status !== step.status)
      throw new Error(`${command.type}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

const newStyle = {
  id: 'ksau-2025',
  name: 'Arbetsutskottets husstil 2025',
  extends: 'default-sv',
  templates: {
    paragraphNumber: '§ {{ number }}/{{ year }}',
    caseNumber: 'Diarienummer: {{ dnr }}',
    'motion.fritt': '{{ proposer }} yrkar att {{ text | strip_att }}',
  },
};

describe('house styles through the API', () => {
  let api: TestApi;
  const extract = (paragraphId: string) =>
    api.http
      .get(`/paragraphs/${paragraphId}/extract`)
      .set('authorization', api.auth('clerk'))
      .set('accept', 'text/plain');

  beforeAll(async () => {
    api = await startApi();
    await replay(api, s65Commands);
    await replay(api, laterMeeting());
  }, 120_000);
  afterAll(() => api.close());

  it('starts with the shipped default, version 0', async () => {
    const res = await api.http.get('/bodies/ks-au/house-style').set('authorization', api.auth('clerk'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 0, style: { id: 'default-sv' } });
    expect(wordDiff(withoutSeal((await extract(s65Ids.paragraphId)).text), golden)).toBeNull();
  });

  it('lets only an administrator adopt a style', async () => {
    const res = await api.http
      .post('/bodies/ks-au/house-style')
      .set('authorization', api.auth('clerk'))
      .send({ style: newStyle });
    expect(res.status).toBe(403);
  });

  it('refuses a style with an unknown variable or a syntax error, naming the template', async () => {
    const res = await api.http
      .post('/bodies/ks-au/house-style')
      .set('authorization', api.auth('admin'))
      .send({ style: { ...newStyle, templates: { caseNumber: 'Dnr {{ diarienr }}', tabled: '{% if %}' } } });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['style.templates.caseNumber', 'style.templates.tabled']));
    const message = res.body.errors.find(
      (e: { field: string }) => e.field === 'style.templates.caseNumber',
    ).message;
    expect(message).toMatch(/Okänd variabel ”diarienr”/);
    expect(
      (await api.http.get('/bodies/ks-au/house-style/versions').set('authorization', api.auth('clerk'))).body
        .versions,
    ).toEqual([]);
  });

  it('previews a draft on a sample paragraph before it is adopted', async () => {
    const res = await api.http
      .post('/house-styles/preview')
      .set('authorization', api.auth('clerk'))
      .send({ style: newStyle, format: 'text' });
    expect(res.status).toBe(200);
    expect(res.body.document).toContain('§ 23/2025');
    expect(res.body.document).toContain('Diarienummer: MBN 2025/41');
  });

  it('words the next document in the adopted style at once, and keeps the justified one as it was', async () => {
    const adopted = await api.http
      .post('/bodies/ks-au/house-style')
      .set('authorization', api.auth('admin'))
      .send({ style: newStyle });
    expect(adopted.status).toBe(201);
    expect(adopted.body.version).toBe(1);

    const current = await extract(later.paragraphId);
    expect(current.status).toBe(200);
    expect(current.text).toContain('\n§ 66/2024\n');
    expect(current.text).toContain('Diarienummer: KS 2024-15');
    expect(current.text).toContain('Robert Beronius (L) yrkar att Kommunstyrelsens arbetsutskott beslutar');

    // §65 was justified on 2024-05-29, before the adoption: still the shipped wording, word for word.
    expect(wordDiff(withoutSeal((await extract(s65Ids.paragraphId)).text), golden)).toBeNull();

    // The public protocol comes from the read model, which follows the store: wait for it.
    const protocol = async (id: string) => {
      for (const deadline = Date.now() + 60_000; ;) {
        const res = await api.http.get(`/protocols/${id}`).set('accept', 'text/plain');
        if (res.status === 200 || Date.now() > deadline) return res.text;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    expect(await protocol(later.meetingId)).toContain('Arbetsutskottets husstil 2025, version 1.');
    const justified = await protocol(s65Ids.meetingId);
    expect(justified).toContain('§65 Delårsrapport');
    expect(justified).toContain('Standard, version 0.');
  }, 120_000);

  it('lists every version; adopting the same style again adds none', async () => {
    const again = await api.http
      .post('/bodies/ks-au/house-style')
      .set('authorization', api.auth('admin'))
      .send({ style: newStyle });
    expect(again.status).toBe(201);
    expect(again.body.version).toBe(1);
    const versions = await api.http
      .get('/bodies/ks-au/house-style/versions')
      .set('authorization', api.auth('auditor'));
    expect(versions.body.versions).toEqual([
      expect.objectContaining({ version: 1, name: 'Arbetsutskottets husstil 2025' }),
    ]);
  });
});
