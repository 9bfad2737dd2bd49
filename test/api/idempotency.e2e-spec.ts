/**
 * Retries are safe: the same Idempotency-Key and body gives the same answer and writes nothing
 * new; the same key with another request is 422. The derived event ids keep that true even when
 * the stored answer is gone (a restart on a fresh idempotency file).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from './support/harness.js';
import { MOTION, openMeeting, PARAGRAPH_BODY } from './support/setup.js';

describe('Idempotency-Key', () => {
  let api: TestApi;
  let meetingId: string;
  let paragraphId: string;

  beforeAll(async () => {
    api = await startApi();
    ({
      meetingId,
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
  });
  afterAll(() => api.close());

  const motion = (key: string, body: object = MOTION, user: 'clerk' | 'admin' = 'clerk') =>
    api.http
      .post(`/paragraphs/${paragraphId}/motions`)
      .set('authorization', api.auth(user))
      .set('idempotency-key', key)
      .send(body);

  it('a retried request gets the same answer and writes nothing new', async () => {
    const first = await motion('retry-1');
    expect(first.status).toBe(201);
    const count = await api.eventCount();
    const second = await motion('retry-1');
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await api.eventCount()).toBe(count);
  });

  it('the same key with a different body → 422', async () => {
    await motion('retry-2');
    const count = await api.eventCount();
    const other = await motion('retry-2', { ...MOTION, text: 'Ett annat yrkande.' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await api.eventCount()).toBe(count);
  });

  it('the same key on another endpoint → 422', async () => {
    await motion('retry-3');
    const other = await api.http
      .post(`/paragraphs/${paragraphId}/notes`)
      .set('authorization', api.auth('clerk'))
      .set('idempotency-key', 'retry-3')
      .send({ memberId: 'ksau-akesson', text: 'Anteckning.' });
    expect(other.status).toBe(422);
  });

  it('keys are per user: two users may pick the same key', async () => {
    const a = await motion('shared-key');
    const b = await motion('shared-key', MOTION, 'admin');
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.motionId).not.toBe(a.body.motionId);
  });

  it('opening a paragraph twice with one key gives one paragraph and one § number', async () => {
    const open = () =>
      api.http
        .post(`/meetings/${meetingId}/paragraphs`)
        .set('authorization', api.auth('clerk'))
        .set('idempotency-key', 'open-1')
        .send(PARAGRAPH_BODY);
    const first = await open();
    expect(first.status).toBe(201);
    const count = await api.eventCount();
    const second = await open();
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await api.eventCount()).toBe(count);
  });

  it('a replay answers the status of the first answer (200 here) and the same ETag', async () => {
    const { body: m } = await motion('support-target');
    const support = () =>
      api.http
        .post(`/paragraphs/${paragraphId}/motions/${m.motionId}/support`)
        .set('authorization', api.auth('clerk'))
        .set('idempotency-key', 'support-1')
        .send({ memberId: 'ksau-lindberg' });
    const first = await support();
    expect(first.status).toBe(200);
    const second = await support();
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toEqual(first.body);
  });

  it('a key with no valid token is not looked at: the answer is 401, not a replay', async () => {
    await motion('token-check');
    const res = await api.http
      .post(`/paragraphs/${paragraphId}/motions`)
      .set('authorization', 'Bearer not-a-token')
      .set('idempotency-key', 'token-check')
      .send(MOTION);
    expect(res.status).toBe(401);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('without the stored answer (restart, fresh records) the event ids still prevent a second write', async () => {
    const first = await motion('survives-restart');
    expect(first.status).toBe(201);
    const count = await api.eventCount();
    const restarted = await startApi({ dir: api.dir, idempotencyFile: 'fresh-idempotency.db' });
    try {
      const retry = await restarted.http
        .post(`/paragraphs/${paragraphId}/motions`)
        .set('authorization', restarted.auth('clerk'))
        .set('idempotency-key', 'survives-restart')
        .send(MOTION);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await restarted.eventCount()).toBe(count);
    } finally {
      await restarted.close();
    }
  });

  it('the same for an opening whose answer was lost', async () => {
    const open = (a: TestApi) =>
      a.http
        .post(`/meetings/${meetingId}/paragraphs`)
        .set('authorization', a.auth('clerk'))
        .set('idempotency-key', 'open-restart')
        .send(PARAGRAPH_BODY);
    const first = await open(api);
    const count = await api.eventCount();
    const restarted = await startApi({ dir: api.dir, idempotencyFile: 'fresh-2.db' });
    try {
      const retry = await open(restarted);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(await restarted.eventCount()).toBe(count);
    } finally {
      await restarted.close();
    }
  });
});
