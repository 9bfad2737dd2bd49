/**
 * Bad input gets a clear 4xx (problem+json naming the field or rule), never a 500, and never
 * a partial write: the store's event count is the same after every refused request.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from './support/harness.js';
import { MOTION, openMeeting, PARAGRAPH_BODY, unknownId } from './support/setup.js';

describe('bad input', () => {
  let api: TestApi;
  let meetingId: string;
  let paragraphId: string;
  let before: number;

  beforeAll(async () => {
    api = await startApi();
    ({
      meetingId,
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
    before = await api.eventCount();
  });
  afterAll(() => api.close());

  const post = (path: string) => api.http.post(path).set('authorization', api.auth('clerk'));

  async function expectProblem(
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
  ) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
    expect(await api.eventCount()).toBe(before);
  }

  it('malformed JSON → 400 naming the body', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`)
      .set('content-type', 'application/json')
      .send('{"proposerId": "ksau-beronius", ');
    await expectProblem(res, 400);
    expect(res.body).toMatchObject({ code: 'MALFORMED_JSON', errors: [{ field: 'body' }] });
  });

  it('a body nested 2,000 levels deep → 400 before validation, on every kind of route', async () => {
    const deep = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
    for (const path of [
      '/meetings',
      `/meetings/${meetingId}/paragraphs`,
      `/paragraphs/${paragraphId}/motions`,
    ]) {
      const res = await post(path).set('content-type', 'application/json').send(deep);
      await expectProblem(res, 400);
      expect(res.body).toMatchObject({ code: 'BODY_TOO_DEEP', errors: [{ field: 'body' }] });
      expect(res.body.detail).toMatch(/för djupt nästlat/);
    }
    const arrays = '['.repeat(100) + ']'.repeat(100);
    await expectProblem(await post('/meetings').set('content-type', 'application/json').send(arrays), 400);
  });

  it('a body with too many values → 400', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`)
      .set('content-type', 'application/json')
      .send(`{"proposerId":"ksau-beronius","kind":"bifall","text":[${'0,'.repeat(30_000)}0]}`);
    await expectProblem(res, 400);
    expect(res.body).toMatchObject({ code: 'BODY_TOO_MANY_VALUES' });
  });

  it.each([
    ['application/x-www-form-urlencoded', 'proposerId=ksau-beronius&kind=bifall&text=x'],
    ['text/plain', JSON.stringify(MOTION)],
    ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
  ])('a body sent as %s → 415', async (type, body) => {
    const res = await post(`/paragraphs/${paragraphId}/motions`).set('content-type', type).send(body);
    await expectProblem(res, 415);
    expect(res.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('JSON with a charset parameter is accepted', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`)
      .set('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ ...MOTION, text: 'Med teckenuppsättning.' }));
    expect(res.status).toBe(201);
    before = await api.eventCount();
  });

  it('wrong types → 400 listing each field', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`).send({
      proposerId: 42,
      kind: 'shout',
      text: ['x'],
    });
    await expectProblem(res, 400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['kind', 'proposerId', 'text']);
  });

  it('nested fields are named with their path', async () => {
    const res = await post(`/meetings/${meetingId}/paragraphs`).send({
      ...PARAGRAPH_BODY,
      proposal: { proposer: 'x', decision: { proposesTo: { body: 'KS', items: [1] } } },
    });
    await expectProblem(res, 400);
    expect(res.body.errors).toEqual([
      { field: 'proposal.decision.proposesTo.items', message: expect.any(String) },
    ]);
  });

  it('a date that is not in the calendar → 400 naming it', async () => {
    for (const announcedOn of ['2024-13-01', '2023-02-29']) {
      const res = await post(`/meetings/${meetingId}/announce`).send({
        announcedOn,
        protocolKeptAt: 'Kommunkansliet',
      });
      await expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'announcedOn', message: expect.any(String) }]);
    }
  });

  it('unknown fields → 400, not silently dropped', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`).send({ ...MOTION, votes: 99 });
    await expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'votes', message: 'property votes should not exist' }]);
  });

  it('missing required fields → 400 naming them', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`).send({});
    await expectProblem(res, 400);
    expect((res.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'kind',
      'proposerId',
    ]);
  });

  it('huge strings → 400 (field limit) or 413 (body limit)', async () => {
    const long = await post(`/paragraphs/${paragraphId}/motions`).send({
      ...MOTION,
      text: 'a'.repeat(10_001),
    });
    await expectProblem(long, 400);
    expect(long.body.errors).toEqual([{ field: 'text', message: expect.stringContaining('10000') }]);

    const huge = await post(`/paragraphs/${paragraphId}/motions`).send({
      ...MOTION,
      text: 'a'.repeat(300_000),
    });
    await expectProblem(huge, 413);
  });

  it('too many list items → 400', async () => {
    const res = await post(`/paragraphs/${paragraphId}/recipients`).send({
      recipients: Array.from({ length: 51 }, (_, i) => `R${i}`),
    });
    await expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ field: 'recipients', message: expect.any(String) }]);
  });

  it('a body that is not an object → 400', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`).send([1, 2]);
    expect([400]).toContain(res.status);
    await expectProblem(res, 400);
  });

  it('a non-UUID id in the path → 400 naming the parameter; unknown ids → 404', async () => {
    const bad = await post('/paragraphs/not-a-uuid/motions').send(MOTION);
    await expectProblem(bad, 400);
    expect(bad.body.errors).toEqual([{ field: 'paragraphId', message: 'must be a UUID' }]);

    const unknownParagraph = await post(`/paragraphs/${unknownId()}/motions`).send(MOTION);
    await expectProblem(unknownParagraph, 404);
    const unknownMeeting = await post(`/meetings/${unknownId()}/open`).send({});
    await expectProblem(unknownMeeting, 404);
    const get = await api.http.get(`/meetings/${unknownId()}`).set('authorization', api.auth('auditor'));
    await expectProblem(get, 404);
    const route = await api.http.get('/nowhere').set('authorization', api.auth('auditor'));
    await expectProblem(route, 404);
  });

  it('commands in the wrong state → 422 with the rule code and Swedish detail', async () => {
    // Support for a motion that does not exist.
    const support = await post(`/paragraphs/${paragraphId}/motions/y-none/support`).send({
      memberId: 'ksau-ordf',
    });
    await expectProblem(support, 422);
    expect(support.body).toMatchObject({ code: 'UNKNOWN_MOTION', detail: 'Yrkandet finns inte i ärendet.' });

    // A motion by someone absent from the meeting.
    const absent = await post(`/paragraphs/${paragraphId}/motions`).send({
      ...MOTION,
      proposerId: 'ksau-farah',
    });
    await expectProblem(absent, 422);
    expect(absent.body.code).toBe('MEMBER_NOT_ENTITLED');

    // A decision before any question.
    const decision = await post(`/paragraphs/${paragraphId}/decision`).send({
      kind: 'sakbeslut',
      content: { ownDecisions: ['att godkänna'] },
    });
    await expectProblem(decision, 422);
    expect(decision.body.code).toBe('DECISION_WITHOUT_QUESTION');

    // Opening the meeting twice.
    const reopen = await post(`/meetings/${meetingId}/open`).send({});
    await expectProblem(reopen, 422);
    expect(reopen.body.code).toBe('MEETING_ALREADY_OPENED');

    // A § number already taken (and no stray reservation left behind).
    const again = await post(`/meetings/${meetingId}/paragraphs`).send({ ...PARAGRAPH_BODY, number: 1 });
    await expectProblem(again, 422);
    expect(again.body.code).toBe('PARAGRAPH_NUMBER_TAKEN');
  });

  it('an opening the rules refuse reserves no § number', async () => {
    const res = await post(`/meetings/${meetingId}/paragraphs`).send({
      ...PARAGRAPH_BODY,
      previousParagraphId: paragraphId,
    });
    await expectProblem(res, 422);
    expect(res.body.code).toBe('PREVIOUS_PARAGRAPH_NOT_DEFERRED');
  });

  it('a bad If-Match or Idempotency-Key header → 400 naming the header', async () => {
    const ifMatch = await post(`/paragraphs/${paragraphId}/motions`)
      .set('if-match', 'yesterday')
      .send(MOTION);
    await expectProblem(ifMatch, 400);
    expect(ifMatch.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    const key = await post(`/paragraphs/${paragraphId}/motions`)
      .set('idempotency-key', 'x'.repeat(201))
      .send(MOTION);
    await expectProblem(key, 400);
    expect(key.body.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('a non-JSON content type → 4xx problem', async () => {
    const res = await post(`/paragraphs/${paragraphId}/motions`).set('content-type', 'text/csv').send('a,b');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await expectProblem(res, res.status);
  });
});
