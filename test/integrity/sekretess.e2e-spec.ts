/**
 * Sekretess (docs/adr/0030): a paragraph the clerk marks as containing sekretess shows the
 * public only its heading, its beslut and the provision cited — in the public protocol, the
 * public extract, the public page's data and the live stream replayed from position 0 — while
 * clerks and auditors still read everything. Lifting the marking makes it public again.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ScenarioCommand } from '../scenarios/types.js';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { toHttp } from '../api/support/driver.js';
import { startReadApi, type ReadApi } from '../projections/support/harness.js';
import { SseClient } from '../projections/support/sse.js';

const SECRET_NOTE = 'Uppgifter om den enskildes hälsotillstånd framgår av bilaga';
/** From the paragraph's summary (ärendebeskrivning): content, not heading or beslut. */
const SUMMARY = 'positiv budgetavvikelse om 31,1 mnkr';
const BESLUT = 'Godkänna förseningar av uppdrag/initiativ under 2024';
const TITLE = 'Delårsrapport 1 per april 2024 för kommunstyrelsen';
const SEKRETESS_LINE =
  'Paragrafens övriga innehåll omfattas av sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400) och visas inte här.';
const REASON = 'enskilds personliga förhållanden, socialtjänst';

/** §65 with a protocol note carrying what must not be published, entered before justering. */
function commands(): ScenarioCommand[] {
  const at = s65Commands.findIndex((c) => c.type === 'SetDistribution');
  const note = {
    type: 'EnterProtocolNote',
    data: {
      paragraphId: s65Ids.paragraphId,
      noteId: '3f1d6a52-6c1e-4b0e-9f0a-65a0000000d1',
      memberId: 'ksau-beronius',
      text: SECRET_NOTE,
    },
  } as unknown as ScenarioCommand;
  return [...s65Commands.slice(0, at), note, ...s65Commands.slice(at)];
}

describe('sekretess: the public sees the heading and the beslut', () => {
  let api: ReadApi;
  const p = `/paragraphs/${s65Ids.paragraphId}`;
  const publicProtocol = `/protocols/${s65Ids.meetingId}`;
  const publicExtract = `/meetings/${s65Ids.meetingId}/paragraphs/${s65Ids.paragraphId}/extract`;

  const caughtUp = async () => api.models.runner.waitFor(BigInt(await api.eventCount()), 60_000);
  const text = async (path: string, user?: 'clerk' | 'auditor') => {
    const req = api.http.get(path).set('accept', 'text/plain');
    const res = user ? await req.set('authorization', api.auth(user)) : await req;
    expect(res.status).toBe(200);
    return res.text;
  };
  const replayFromZero = async (): Promise<string> => {
    const client = new SseClient();
    await client.open(`${api.baseUrl}/meetings/${s65Ids.meetingId}/live`, { 'last-event-id': '0' });
    const deadline = Date.now() + 30_000;
    while (!client.events.some((e) => e.type === 'ParagraphJustified') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    client.close();
    return client.events.map((e) => `${e.type} ${e.data}`).join('\n');
  };

  beforeAll(async () => {
    api = await startReadApi();
    for (const [i, command] of commands().entries()) {
      const step = toHttp(command);
      if (!step) continue;
      const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
      if (res.status !== step.status)
        throw new Error(`step ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    await caughtUp();
  }, 120_000);
  afterAll(() => api?.close(), 30_000);

  it('before the marking the public reads the note and the summary (the test can see them)', async () => {
    const pub = await text(publicExtract);
    expect(pub).toContain(SECRET_NOTE);
    expect(pub).toContain(SUMMARY);
    expect(await replayFromZero()).toContain(SECRET_NOTE);
  });

  it('refuses what is wrong: no provision (400), a chair (403), a lift of nothing (422)', async () => {
    const none = await api.http.post(`${p}/confidential`).set('authorization', api.auth('clerk')).send({});
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain('provision');
    const chair = await api.http
      .post(`${p}/confidential`)
      .set('authorization', api.auth('chair'))
      .send({ provision: '26 kap. 1 §' });
    expect(chair.status).toBe(403);
    const lift = await api.http
      .post(`${p}/confidential/lift`)
      .set('authorization', api.auth('clerk'))
      .send({ reason: 'ingen sekretess' });
    expect(lift.status).toBe(422);
    expect(lift.body.code).toBe('NOT_CONFIDENTIAL');
  });

  it('marked (after justering): the public protocol, extract, page data and live replay hold heading and beslut only', async () => {
    const res = await api.http
      .post(`${p}/confidential`)
      .set('authorization', api.auth('clerk'))
      .send({ provision: '26 kap. 1 §', reason: REASON });
    expect(res.status).toBe(200);
    await caughtUp();

    for (const doc of [await text(publicProtocol), await text(publicExtract)]) {
      expect(doc).toContain(TITLE);
      expect(doc).toContain('§65');
      expect(doc).toContain(BESLUT);
      expect(doc).toContain(SEKRETESS_LINE);
      expect(doc).not.toContain(SECRET_NOTE);
      expect(doc).not.toContain(SUMMARY);
      expect(doc).not.toContain(REASON);
    }
    // The PDF too (its text is compressed; the HTML carries the same blocks).
    const html = await api.http.get(`${publicProtocol}?format=html`);
    expect(html.text).toContain('omfattas av sekretess');
    expect(html.text).not.toContain(SECRET_NOTE);
    expect(html.headers.vary).toMatch(/Authorization/);

    // The #/public page's data: the protocol as JSON and each paragraph's public extract.
    const json = await api.http.get(publicProtocol).set('accept', 'application/json');
    expect(json.status).toBe(200);
    expect(json.body.paragraphs[0]).toMatchObject({ number: 65, confidential: { provision: '26 kap. 1 §' } });
    expect(JSON.stringify(json.body)).not.toContain(SECRET_NOTE);
    expect(JSON.stringify(json.body)).not.toContain(REASON);

    const live = await replayFromZero();
    expect(live).toContain('ParagraphOpened');
    expect(live).toContain(TITLE);
    expect(live).toContain('DecisionAdopted');
    expect(live).toContain(BESLUT);
    expect(live).toContain('ParagraphMarkedConfidential');
    expect(live).toContain('26 kap. 1 §');
    expect(live).not.toContain(SECRET_NOTE);
    expect(live).not.toContain(SUMMARY);
    expect(live).not.toContain(REASON);
    expect(live).not.toContain('MotionProposed');
    expect(live).not.toContain('ProtocolNoteEntered');
  });

  it('clerks and auditors still read everything, on the public routes and their own', async () => {
    for (const doc of [
      await text(publicProtocol, 'clerk'),
      await text(publicExtract, 'auditor'),
      await text(`/meetings/${s65Ids.meetingId}/protocol`, 'clerk'),
      await text(`${p}/extract`, 'auditor'),
    ]) {
      expect(doc).toContain(SECRET_NOTE);
      expect(doc).toContain(SUMMARY);
      expect(doc).not.toContain(SEKRETESS_LINE);
    }
    const view = await api.http.get(p).set('authorization', api.auth('clerk'));
    expect(view.body.paragraph.confidential).toMatchObject({ provision: '26 kap. 1 §', reason: REASON });
  });

  it('marking twice is refused; lifted, the paragraph is public again', async () => {
    const again = await api.http
      .post(`${p}/confidential`)
      .set('authorization', api.auth('clerk'))
      .send({ provision: '26 kap. 2 §' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('ALREADY_CONFIDENTIAL');
    const lift = await api.http
      .post(`${p}/confidential/lift`)
      .set('authorization', api.auth('clerk'))
      .send({ reason: 'sekretesstiden har löpt ut' });
    expect(lift.status).toBe(200);
    await caughtUp();
    const pub = await text(publicExtract);
    expect(pub).toContain(SECRET_NOTE);
    expect(pub).not.toContain(SEKRETESS_LINE);
    const events = await api.store.readStream(`paragraph-${s65Ids.paragraphId}`);
    expect(events.slice(-2).map((e) => e.type)).toEqual([
      'ParagraphMarkedConfidential',
      'ParagraphConfidentialityLifted',
    ]);
  });
});
