/**
 * Correct before it counts (issue 16): a yrkande is put right with an amending event until it
 * is put under proposition or the paragraph is decided; after that it can only be struck. Both
 * stay in the history the auditors read.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from './support/harness.js';
import { openMeeting } from './support/setup.js';

describe('amending a yrkande before the beslut', () => {
  let api: TestApi;
  let paragraphId: string;

  beforeAll(async () => {
    api = await startApi();
    ({
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
  });
  afterAll(() => api.close());

  const post = (path: string, body: object) =>
    api.http.post(`/paragraphs/${paragraphId}${path}`).set('authorization', api.auth('clerk')).send(body);
  const text = async () =>
    (
      await api.http
        .get(`/paragraphs/${paragraphId}/extract`)
        .set('authorization', api.auth('clerk'))
        .set('accept', 'text/plain')
    ).text;

  it('replaces the words in the protocol, keeps both in the history, and stops once it counts', async () => {
    const motionId = 'y-amend-1';
    expect(
      (
        await post('/motions', {
          motionId,
          proposerId: 'ksau-beronius',
          kind: 'fritt',
          text: 'cykelplanen kompleteras',
        })
      ).status,
    ).toBe(201);
    const amended = await post(`/motions/${motionId}/amend`, {
      kind: 'fritt',
      text: 'cykelplanen kompletteras',
      reason: 'Skrivfel',
    });
    expect(amended.status).toBe(200);
    expect(await text()).toContain('yrkar på följande: cykelplanen kompletteras');
    expect(await text()).not.toContain('kompleteras');
    const { body } = await api.http.get(`/paragraphs/${paragraphId}`).set('authorization', api.auth('clerk'));
    expect(body.paragraph.motions[0]).toMatchObject({ text: 'cykelplanen kompletteras', amended: true });

    // The audit trail has the yrkande as first given and the amendment with its reason.
    const audit = await api.http
      .get(`/audit/streams/paragraph-${paragraphId}/events`)
      .set('authorization', api.auth('auditor'));
    expect(audit.status).toBe(200);
    const events = JSON.stringify(audit.body);
    expect(events).toContain('"MotionAmended"');
    expect(events).toContain('kompleteras');
    expect(events).toContain('Skrivfel');

    // A fritt yrkande needs its words, amended or not.
    expect((await post(`/motions/${motionId}/amend`, { kind: 'fritt' })).body.code).toBe(
      'MOTION_TEXT_REQUIRED',
    );
    // Once put under proposition it counts: no amendment, only a strike.
    await post('/questions', {
      puts: [{ kind: 'proposal' }, { kind: 'motion', motionId }],
      finding: { kind: 'proposal' },
    });
    expect((await post(`/motions/${motionId}/amend`, { kind: 'fritt', text: 'x' })).body.code).toBe(
      'MOTION_ALREADY_PUT',
    );
    await post('/decision', { kind: 'sakbeslut', content: { ownDecisions: ['att godkänna rapporten.'] } });
    expect((await post(`/motions/${motionId}/amend`, { kind: 'fritt', text: 'x' })).body.code).toBe(
      'DECISION_ALREADY_ADOPTED',
    );
  });
});
