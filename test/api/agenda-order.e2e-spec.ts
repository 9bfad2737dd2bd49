/**
 * The agenda in a new order (issue 16, docs/adr/0055): the paragraphs not yet handled take the
 * meeting's § numbers in that order, on the numbering stream and on each paragraph; a handled
 * paragraph keeps its number; an order that leaves one out is refused and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from './support/harness.js';
import { eventually } from '../support/eventually.js';
import { MOTION, openMeeting, PARAGRAPH_BODY, unknownId } from './support/setup.js';

describe('the agenda in a new order', () => {
  let api: TestApi;
  let meetingId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi();
    ({ meetingId } = await openMeeting(api, 0));
    for (const title of ['Anmälningar', 'Delårsrapport', 'Val av justerare']) {
      const res = await post(`/meetings/${meetingId}/paragraphs`, { ...PARAGRAPH_BODY, title });
      expect(res.status).toBe(201);
      ids[title] = (res.body as { paragraphId: string }).paragraphId;
    }
  });
  afterAll(() => api.close());

  const post = (path: string, body: object) =>
    api.http.post(path).set('authorization', api.auth('clerk')).send(body);
  const reorder = (...titles: string[]) =>
    post(`/meetings/${meetingId}/agenda-order`, { order: titles.map((t) => ids[t] ?? t) });
  /** Title by § number, as the clerk's page reads the meeting. */
  const agenda = async () => {
    const res = await api.http.get(`/meetings/${meetingId}`).set('authorization', api.auth('clerk'));
    const paragraphs = (res.body as { paragraphs: { number: number; title: string }[] }).paragraphs;
    return paragraphs.map((p) => `§${p.number} ${p.title}`);
  };

  it('renumbers the paragraphs in the new order, in the meeting view and the protocol', async () => {
    expect(await agenda()).toEqual(['§1 Anmälningar', '§2 Delårsrapport', '§3 Val av justerare']);
    const res = await reorder('Val av justerare', 'Anmälningar', 'Delårsrapport');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ meetingId, renumbered: 3 });
    expect(await agenda()).toEqual(['§1 Val av justerare', '§2 Anmälningar', '§3 Delårsrapport']);

    const protocol = await api.http
      .get(`/meetings/${meetingId}/protocol`)
      .set('authorization', api.auth('clerk'))
      .set('accept', 'text/plain');
    expect(protocol.status).toBe(200);
    const at = (title: string) => protocol.text.indexOf(title);
    expect(at('Val av justerare')).toBeGreaterThan(-1);
    expect(at('Val av justerare')).toBeLessThan(at('Anmälningar'));
    expect(at('Anmälningar')).toBeLessThan(at('Delårsrapport'));
  });

  it('gives the next paragraph the next free number (no number held twice)', async () => {
    const res = await post(`/meetings/${meetingId}/paragraphs`, { ...PARAGRAPH_BODY, title: 'Övrigt' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 4 });
    ids['Övrigt'] = (res.body as { paragraphId: string }).paragraphId;
  });

  it('keeps the number of a handled paragraph, and writes nothing when refused', async () => {
    const p = `/paragraphs/${ids['Val av justerare']}`;
    expect((await post(`${p}/motions`, MOTION)).status).toBe(201);
    const puts = { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } };
    expect((await post(`${p}/questions`, puts)).status).toBe(201);
    const decision = {
      kind: 'sakbeslut',
      content: { ownDecisions: ['att utse Marie Åkesson att justera.'] },
    };
    expect((await post(`${p}/decision`, decision)).status).toBe(201);
    // The register has the number the new order gave it.
    const entry = await eventually(
      async () =>
        (
          (await api.http.get('/register?body=ks-au&year=2024').set('authorization', api.auth('clerk'))).body
            .entries as { paragraphId: string; number: number }[]
        ).find((e) => e.paragraphId === ids['Val av justerare']),
      (e) => e !== undefined,
      'the register to list the decided paragraph',
    );
    expect(entry?.number).toBe(1);

    const refused = await reorder('Anmälningar', 'Val av justerare', 'Delårsrapport', 'Övrigt');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'PARAGRAPH_ALREADY_HANDLED' });
    expect(String(refused.body.detail)).toContain('behåller sitt paragrafnummer');
    expect(await agenda()).toEqual([
      '§1 Val av justerare',
      '§2 Anmälningar',
      '§3 Delårsrapport',
      '§4 Övrigt',
    ]);
    // Justerad at once (omedelbar justering): nothing may be recorded in it any more; moving
    // the others around it must leave it untouched.
    const justify = await api.http
      .post(`${p}/justify`)
      .set('authorization', api.auth('chair'))
      .send({ byMemberIds: ['ksau-ordf', 'ksau-akesson'], immediate: true });
    expect(justify.status).toBeLessThan(300);
    // Moving only the paragraphs not yet handled is recorded.
    const moved = await reorder('Val av justerare', 'Övrigt', 'Anmälningar', 'Delårsrapport');
    expect(moved.status).toBe(200);
    expect(await agenda()).toEqual([
      '§1 Val av justerare',
      '§2 Övrigt',
      '§3 Anmälningar',
      '§4 Delårsrapport',
    ]);
  });

  it('refuses an order that leaves out a paragraph or names another, with the rule in Swedish', async () => {
    const partial = await reorder('Val av justerare', 'Övrigt', 'Anmälningar');
    expect(partial.status).toBe(422);
    expect(partial.body).toMatchObject({ code: 'AGENDA_ORDER_INCOMPLETE' });
    expect(String(partial.body.detail)).toContain('alla sammanträdets ärenden');
    const foreign = await reorder('Val av justerare', 'Övrigt', 'Anmälningar', unknownId());
    expect(foreign.status).toBe(422);
    const twice = await reorder('Val av justerare', 'Övrigt', 'Övrigt', 'Anmälningar');
    expect(twice.status).toBe(400);
    const notIds = await post(`/meetings/${meetingId}/agenda-order`, { order: ['§1'] });
    expect(notIds.status).toBe(400);
    expect(JSON.stringify(notIds.body)).toContain('order');
    expect((await post(`/meetings/${unknownId()}/agenda-order`, { order: [unknownId()] })).status).toBe(404);
    expect(await agenda()).toEqual([
      '§1 Val av justerare',
      '§2 Övrigt',
      '§3 Anmälningar',
      '§4 Delårsrapport',
    ]);
  });

  it('is recorded once when the same request is sent again (Idempotency-Key)', async () => {
    const send = () =>
      api.http
        .post(`/meetings/${meetingId}/agenda-order`)
        .set('authorization', api.auth('clerk'))
        .set('idempotency-key', 'agenda-once')
        .send({ order: ['Val av justerare', 'Delårsrapport', 'Anmälningar', 'Övrigt'].map((t) => ids[t]) });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await agenda()).toEqual([
      '§1 Val av justerare',
      '§2 Delårsrapport',
      '§3 Anmälningar',
      '§4 Övrigt',
    ]);
  });
});
