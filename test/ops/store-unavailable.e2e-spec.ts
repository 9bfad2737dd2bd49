/** A store that cannot be reached (EventStoreDB without a leader, say) is 503 with Retry-After, not 500. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StoreUnavailableError, type EventStore } from '@app/event-store';
import { startApi, type TestApi } from '../api/support/harness.js';
import { MOTION, openMeeting } from '../api/support/setup.js';

describe('event store unavailable', () => {
  let api: TestApi;
  let paragraphId: string;
  let down = false;
  beforeAll(async () => {
    api = await startApi({
      wrapStore: (store: EventStore) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            const value = Reflect.get(target, prop, receiver) as unknown;
            if (!down || (prop !== 'appendToStream' && prop !== 'readStream')) return value;
            return () => Promise.reject(new StoreUnavailableError('not-leader: no leader elected', 1));
          },
        }),
    });
    ({
      paragraphIds: [paragraphId],
    } = await openMeeting(api, 1));
  });
  afterAll(() => api.close());

  it('answers 503 with Retry-After and a Swedish detail; nothing is written', async () => {
    const before = await api.eventCount();
    down = true;
    try {
      const res = await api.http
        .post(`/paragraphs/${paragraphId}/motions`)
        .set('authorization', api.auth('clerk'))
        .send(MOTION);
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'STORE_UNAVAILABLE', retryAfter: 1 });
      expect(res.body.detail).toMatch(/Försök igen/);
    } finally {
      down = false;
    }
    expect(await api.eventCount()).toBe(before);
  });
});
