/**
 * Optimistic concurrency over HTTP: a conflicting writer between read and append makes the
 * handler re-read and decide again; when it keeps losing, 409 with the current revision.
 * `If-Match` turns any mismatch into 412 instead of a silent re-decision.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { v4 as uuidv4 } from 'uuid';
import type { AppendOptions, EventData, EventStore } from '@app/event-store';
import { startApi, type TestApi } from './support/harness.js';
import { MOTION, openMeeting } from './support/setup.js';

/** A store whose appends to paragraph streams are preceded by another clerk's motion, `times` times. */
function interfering(times: number) {
  let left = times;
  return (store: EventStore): EventStore =>
    new Proxy(store, {
      get(target, prop, receiver) {
        if (prop !== 'appendToStream') return Reflect.get(target, prop, receiver);
        return async (stream: string, events: readonly EventData[], options?: AppendOptions) => {
          if (left > 0 && stream.startsWith('paragraph-')) {
            left--;
            const paragraphId = stream.slice('paragraph-'.length);
            await target.appendToStream(stream, [
              {
                id: uuidv4(),
                type: 'MotionProposed',
                data: {
                  paragraphId,
                  motionId: uuidv4(),
                  proposer: { memberId: 'ksau-lindberg', name: 'Jonas Lindberg', party: 'C' },
                  kind: 'fritt',
                  text: 'Ett samtidigt yrkande.',
                },
                metadata: { userId: 'other-clerk' },
              },
            ]);
          }
          return target.appendToStream(stream, events, options);
        };
      },
    });
}

describe('concurrency', () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  async function setup(interferences: number) {
    let armed = false;
    let remaining = interferences;
    api = await startApi({
      wrapStore: (store) => {
        // Interfere only once the test arms it (setup must write undisturbed).
        const wrapped = interfering(Number.MAX_SAFE_INTEGER)(store);
        return new Proxy(store, {
          get(target, prop, receiver) {
            if (prop === 'appendToStream' && armed && remaining > 0) {
              remaining--;
              return Reflect.get(wrapped, prop, receiver);
            }
            return Reflect.get(target, prop, receiver);
          },
        });
      },
      config: { commandRetries: 2 },
    });
    const { paragraphIds } = await openMeeting(api);
    armed = true;
    return paragraphIds[0];
  }

  it('re-reads and decides again after a conflict, then succeeds', async () => {
    const paragraphId = await setup(1);
    const res = await api!.http
      .post(`/paragraphs/${paragraphId}/motions`)
      .set('authorization', api!.auth('clerk'))
      .send(MOTION);
    expect(res.status).toBe(201);
    // Opened (0), the other clerk's motion (1), ours (2).
    expect(res.body.revision).toBe(2);
    const stream = await api!.store.readStream(`paragraph-${paragraphId}`);
    expect(stream.map((e) => e.type)).toEqual(['ParagraphOpened', 'MotionProposed', 'MotionProposed']);
  });

  it('answers 409 with the current revision when it keeps losing', async () => {
    const paragraphId = await setup(3); // first try + 2 retries, all disturbed
    const res = await api!.http
      .post(`/paragraphs/${paragraphId}/motions`)
      .set('authorization', api!.auth('clerk'))
      .send(MOTION);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'CONCURRENCY_CONFLICT', currentRevision: 3 });
    const stream = await api!.store.readStream(`paragraph-${paragraphId}`);
    expect(stream.filter((e) => e.metadata.userId === 'clerk' && e.type === 'MotionProposed')).toHaveLength(
      0,
    );
  });

  it('If-Match: the current revision succeeds, a stale one is 412 with the current revision', async () => {
    api = await startApi();
    const { paragraphIds } = await openMeeting(api);
    const p = paragraphIds[0];
    const ok = await api.http
      .post(`/paragraphs/${p}/motions`)
      .set('authorization', api.auth('clerk'))
      .set('if-match', '"0"')
      .send(MOTION);
    expect(ok.status).toBe(201);
    expect(ok.headers.etag).toBe('"1"');

    const before = await api.eventCount();
    const stale = await api.http
      .post(`/paragraphs/${p}/motions`)
      .set('authorization', api.auth('clerk'))
      .set('if-match', '"0"')
      .send(MOTION);
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', currentRevision: 1 });
    expect(await api.eventCount()).toBe(before);
  });

  it('If-Match with a writer in between read and append → 412, not a retry', async () => {
    const paragraphId = await setup(1);
    const res = await api!.http
      .post(`/paragraphs/${paragraphId}/motions`)
      .set('authorization', api!.auth('clerk'))
      .set('if-match', '0')
      .send(MOTION);
    expect(res.status).toBe(412);
    expect(res.body.currentRevision).toBe(1);
  });

  it('parallel requests on one paragraph all land, each once', async () => {
    api = await startApi();
    const { paragraphIds } = await openMeeting(api);
    const p = paragraphIds[0];
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        api!.http.post(`/paragraphs/${p}/motions`).set('authorization', api!.auth('clerk')).send(MOTION),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((r) => r.body.revision)).size).toBe(8);
    expect(await api.store.readStream(`paragraph-${p}`)).toHaveLength(9);
  });
});
