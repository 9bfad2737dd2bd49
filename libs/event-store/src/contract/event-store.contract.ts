import type { Observable, Subscription } from 'rxjs';
import { v4, v7 } from 'uuid';
import {
  DuplicateEventIdError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventData,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  type StoredEvent,
} from '../port.js';

export interface ContractOptions {
  /**
   * Also run the cases only the embedded adapters (sqlite, memory) promise beyond
   * EventStoreDB: idempotent retry with 'any', event ids unique across streams.
   */
  readonly embedded?: boolean;
}

/** Unique stream names per test, so the suite can run against a shared EventStoreDB server. */
const streamName = (prefix = 'contract'): string => `${prefix}-${v4()}`;

const event = (type = 'Tested', data: JsonObject = {}, metadata?: JsonObject): EventData => ({
  id: v7(),
  type,
  data,
  ...(metadata ? { metadata } : {}),
});

const events = (n: number, type = 'Tested'): EventData[] =>
  Array.from({ length: n }, (_, i) => event(type, { i }));

async function expectWrongVersion(
  attempt: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): Promise<void> {
  const err = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WrongExpectedVersionError);
  const wev = err as WrongExpectedVersionError;
  expect(wev.name).toBe('WrongExpectedVersionError');
  expect(wev.streamId).toBe(stream);
  expect(wev.expected).toBe(expected);
  expect(wev.actual).toBe(actual);
}

async function waitFor(what: string, done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Subscribes and records what arrives, so a test can wait for counts and inspect order. */
function record(source: Observable<StoredEvent>) {
  const seen: StoredEvent[] = [];
  const state = { completed: false, error: undefined as unknown };
  const sub: Subscription = source.subscribe({
    next: (e) => seen.push(e),
    error: (e: unknown) => (state.error = e),
    complete: () => (state.completed = true),
  });
  return { seen, state, sub, ids: () => seen.map((e) => e.id) };
}

function expectIncreasing(positions: bigint[]): void {
  for (let i = 1; i < positions.length; i++) expect(positions[i] > positions[i - 1]).toBe(true);
}

async function streamLength(store: EventStore, stream: string): Promise<number> {
  return (await store.readStream(stream)).length;
}

export function describeEventStoreContract(
  name: string,
  factory: () => Promise<EventStore>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('expected revision', () => {
      it("'any' appends to a new stream and to an existing one", async () => {
        const s = streamName();
        const first = await store.appendToStream(s, [event()], { expectedRevision: 'any' });
        expect(first.nextExpectedRevision).toBe(0n);
        const second = await store.appendToStream(s, events(2), { expectedRevision: 'any' });
        expect(second.nextExpectedRevision).toBe(2n);
        expect(second.position.commit > first.position.commit).toBe(true);
        // The default is 'any' too.
        expect((await store.appendToStream(s, [event()])).nextExpectedRevision).toBe(3n);
      });

      it("'no_stream' creates a stream and is refused once it exists", async () => {
        const s = streamName();
        const r = await store.appendToStream(s, [event()], { expectedRevision: 'no_stream' });
        expect(r.nextExpectedRevision).toBe(0n);
        await expectWrongVersion(
          store.appendToStream(s, [event()], { expectedRevision: 'no_stream' }),
          s,
          'no_stream',
          0n,
        );
        expect(await streamLength(store, s)).toBe(1);
      });

      it("'stream_exists' is refused on a missing stream and allowed on an existing one", async () => {
        const s = streamName();
        await expectWrongVersion(
          store.appendToStream(s, [event()], { expectedRevision: 'stream_exists' }),
          s,
          'stream_exists',
          'no_stream',
        );
        await expect(store.readStream(s)).rejects.toBeInstanceOf(StreamNotFoundError);
        await store.appendToStream(s, [event()]);
        const r = await store.appendToStream(s, [event()], { expectedRevision: 'stream_exists' });
        expect(r.nextExpectedRevision).toBe(1n);
      });

      it('an exact revision is allowed when it is the last revision, refused when behind or ahead', async () => {
        const s = streamName();
        await store.appendToStream(s, events(3), { expectedRevision: 'no_stream' });
        const ok = await store.appendToStream(s, [event()], { expectedRevision: 2n });
        expect(ok.nextExpectedRevision).toBe(3n);
        await expectWrongVersion(store.appendToStream(s, [event()], { expectedRevision: 1n }), s, 1n, 3n);
        await expectWrongVersion(store.appendToStream(s, [event()], { expectedRevision: 7n }), s, 7n, 3n);
        expect(await streamLength(store, s)).toBe(4);
      });

      it('an exact revision on a missing stream is refused with actual no_stream', async () => {
        const s = streamName();
        await expectWrongVersion(
          store.appendToStream(s, [event()], { expectedRevision: 0n }),
          s,
          0n,
          'no_stream',
        );
      });

      it('the conflict error carries stream, expected and actual in its message', async () => {
        const s = streamName();
        await store.appendToStream(s, events(2));
        const err = await store.appendToStream(s, [event()], { expectedRevision: 0n }).catch((e) => e);
        expect(err).toBeInstanceOf(WrongExpectedVersionError);
        expect(err).toBeInstanceOf(Error);
        expect(String(err.message)).toContain(s);
        expect(String(err.message)).toContain('expected 0');
        expect(String(err.message)).toContain('actual 1');
      });
    });

    describe('idempotent re-append', () => {
      it('re-appending the same ids after no_stream succeeds with the original result and writes nothing', async () => {
        const s = streamName();
        const batch = events(3);
        const original = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
        const from = (await store.readStream(s))[0].position;
        const countInAll = async () =>
          (await store.readAll({ fromPosition: from, maxCount: 1000 })).filter((e) => e.streamId === s)
            .length;
        const before = await countInAll();

        const retry = await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
        expect(retry.nextExpectedRevision).toBe(original.nextExpectedRevision);
        expect((await store.readStream(s)).map((e) => e.id)).toEqual(batch.map((e) => e.id));
        expect(await countInAll()).toBe(before);
        expect(before).toBe(3);
      });

      it('re-appending at an exact revision, or a tail of the batch, succeeds without writing', async () => {
        const s = streamName();
        const head = events(1);
        await store.appendToStream(s, head, { expectedRevision: 'no_stream' });
        const batch = events(3);
        const original = await store.appendToStream(s, batch, { expectedRevision: 0n });
        expect(original.nextExpectedRevision).toBe(3n);

        const retry = await store.appendToStream(s, batch, { expectedRevision: 0n });
        expect(retry.nextExpectedRevision).toBe(3n);
        // The first two events of the batch sit right after revision 0.
        const part = await store.appendToStream(s, batch.slice(0, 2), { expectedRevision: 0n });
        expect(part.nextExpectedRevision).toBe(2n);
        expect(await streamLength(store, s)).toBe(4);
      });

      it('the same ids at a different place are a conflict, not a retry', async () => {
        const s = streamName();
        const batch = events(2);
        await store.appendToStream(s, batch, { expectedRevision: 'no_stream' });
        await store.appendToStream(s, events(1), { expectedRevision: 1n });
        // batch[0] is stored at revision 0, not right after revision 1.
        await expectWrongVersion(store.appendToStream(s, [batch[0]], { expectedRevision: 1n }), s, 1n, 2n);
        expect(await streamLength(store, s)).toBe(3);
      });

      if (options.embedded) {
        it("re-appending the same ids with 'any' succeeds when they are stored in order in that stream", async () => {
          const s = streamName();
          await store.appendToStream(s, events(1));
          const batch = events(2);
          const original = await store.appendToStream(s, batch);
          await store.appendToStream(s, events(1));
          const retry = await store.appendToStream(s, batch, { expectedRevision: 'any' });
          expect(retry).toEqual(original);
          expect(await streamLength(store, s)).toBe(4);
        });

        it('an event id already stored in another stream is refused', async () => {
          const a = streamName();
          const b = streamName();
          const e = event();
          await store.appendToStream(a, [e]);
          const err = await store.appendToStream(b, [event(), e]).catch((x) => x);
          expect(err).toBeInstanceOf(DuplicateEventIdError);
          expect(err.eventId).toBe(e.id);
          expect(err.existingStreamId).toBe(a);
          // Nothing of the refused batch was written.
          await expect(store.readStream(b)).rejects.toBeInstanceOf(StreamNotFoundError);
        });
      }
    });

    describe('readStream', () => {
      it('reads forwards and backwards from a revision with a max count', async () => {
        const s = streamName();
        const batch = events(5);
        await store.appendToStream(s, batch);
        const ids = batch.map((e) => e.id);

        const all = await store.readStream(s);
        expect(all.map((e) => e.id)).toEqual(ids);
        expect(all.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);

        const mid = await store.readStream(s, { fromRevision: 2n, maxCount: 2 });
        expect(mid.map((e) => e.revision)).toEqual([2n, 3n]);

        const tail = await store.readStream(s, { direction: 'backwards', fromRevision: 'end', maxCount: 2 });
        expect(tail.map((e) => e.id)).toEqual([ids[4], ids[3]]);

        const back = await store.readStream(s, { direction: 'backwards', fromRevision: 2n });
        expect(back.map((e) => e.revision)).toEqual([2n, 1n, 0n]);

        const past = await store.readStream(s, { fromRevision: 9n });
        expect(past).toEqual([]);
      });

      it('returns every stored field', async () => {
        const s = streamName();
        const before = Date.now();
        const e = event('MotionProposed', { motionId: 'm1', kind: 'bifall' }, { userId: 'u1' });
        const r = await store.appendToStream(s, [e]);
        const [stored] = await store.readStream(s);
        expect(stored).toMatchObject({
          id: e.id,
          type: 'MotionProposed',
          data: { motionId: 'm1', kind: 'bifall' },
          metadata: { userId: 'u1' },
          streamId: s,
          revision: 0n,
        });
        expect(stored.position).toEqual(r.position);
        expect(stored.created).toBeInstanceOf(Date);
        // Server clocks may differ a little from ours.
        expect(Math.abs(stored.created.getTime() - before)).toBeLessThan(60_000);
      });

      it('metadata defaults to an empty object', async () => {
        const s = streamName();
        await store.appendToStream(s, [event('Tested', { a: 1 })]);
        expect((await store.readStream(s))[0].metadata).toEqual({});
      });

      it('a missing stream throws StreamNotFoundError', async () => {
        const s = streamName();
        const err = await store.readStream(s).catch((e) => e);
        expect(err).toBeInstanceOf(StreamNotFoundError);
        expect(err.streamId).toBe(s);
      });
    });

    describe('readAll', () => {
      it('reads forwards from a position (inclusive) in order with strictly increasing positions', async () => {
        const a = streamName();
        const b = streamName();
        const batchA = events(3);
        const batchB = events(2);
        await store.appendToStream(a, batchA.slice(0, 2));
        await store.appendToStream(b, batchB);
        await store.appendToStream(a, batchA.slice(2));
        const first = (await store.readStream(a))[0];

        const page = await store.readAll({ fromPosition: first.position, maxCount: 1000 });
        expect(page[0].id).toBe(first.id);
        expectIncreasing(page.map((e) => e.position.commit));
        const mine = page.filter((e) => e.streamId === a || e.streamId === b).map((e) => e.id);
        expect(mine).toEqual([batchA[0].id, batchA[1].id, batchB[0].id, batchB[1].id, batchA[2].id]);

        const bounded = await store.readAll({ fromPosition: first.position, maxCount: 2 });
        expect(bounded).toHaveLength(2);
        expect(bounded[0].id).toBe(first.id);

        // Positions in $all are the ones the stream reads report.
        const fromStream = await store.readStream(b);
        const inAll = page.filter((e) => e.streamId === b);
        expect(inAll.map((e) => e.position)).toEqual(fromStream.map((e) => e.position));
      });

      it('reads backwards from a position (inclusive) with strictly decreasing positions', async () => {
        const s = streamName();
        const batch = events(4);
        await store.appendToStream(s, batch);
        const last = (await store.readStream(s, { direction: 'backwards', maxCount: 1 }))[0];

        const page = await store.readAll({
          direction: 'backwards',
          fromPosition: last.position,
          maxCount: 3,
        });
        expect(page).toHaveLength(3);
        expect(page[0].id).toBe(last.id);
        const positions = page.map((e) => e.position.commit);
        expectIncreasing([...positions].reverse());

        const many = await store.readAll({
          direction: 'backwards',
          fromPosition: last.position,
          maxCount: 100,
        });
        const mine = many.filter((e) => e.streamId === s).map((e) => e.id);
        expect(mine).toEqual(batch.map((e) => e.id).reverse());
      });

      it('reads from the ends of the log', async () => {
        const s = streamName();
        const batch = events(2);
        await store.appendToStream(s, batch);
        const newest = await store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
        expect(newest).toHaveLength(1);
        const oldest = await store.readAll({ fromPosition: 'start', maxCount: 1 });
        expect(oldest).toHaveLength(1);
        expect(oldest[0].position.commit <= newest[0].position.commit).toBe(true);
        expect(await store.readAll({ fromPosition: 'end', maxCount: 5 })).toEqual([]);
      });
    });

    describe('readAllPages', () => {
      it('yields what readAll yields, in full pages but the last', async () => {
        const a = streamName();
        const b = streamName();
        await store.appendToStream(a, [event('Tested', { å: 'ärende' }, { userId: 'u1' }), ...events(3)]);
        await store.appendToStream(b, events(2));
        await store.appendToStream(a, events(2));
        const first = (await store.readStream(a))[0];

        const pages: StoredEvent[][] = [];
        for await (const page of store.readAllPages({ fromPosition: first.position, pageSize: 3 }))
          pages.push(page);
        expect(pages.length).toBeGreaterThanOrEqual(3);
        for (const page of pages.slice(0, -1)) expect(page).toHaveLength(3);
        expect(pages[pages.length - 1].length).toBeGreaterThan(0);
        const all = await store.readAll({ fromPosition: first.position, maxCount: 10_000 });
        expect(pages.flat()).toEqual(all);
        expect(pages[0][0]).toEqual(first); // data, metadata, revision and time survive the paging
      });

      it('leaves the metadata out when asked, but for schemaVersion, and nothing else', async () => {
        const s = streamName();
        await store.appendToStream(s, [
          event('Tested', { n: 1 }, { userId: 'u1' }),
          ...events(6),
          // On a later page (the read-ahead's, where there is one): its version is kept, to upcast by.
          event('Tested', { n: 2 }, { userId: 'u2', schemaVersion: 3 }),
        ]);
        const first = (await store.readStream(s))[0];
        const pages: StoredEvent[][] = [];
        for await (const page of store.readAllPages({
          fromPosition: first.position,
          pageSize: 2,
          metadata: false,
        }))
          pages.push(page);
        const all = await store.readAll({ fromPosition: first.position, maxCount: 10_000 });
        const versionOnly = (e: StoredEvent) =>
          e.metadata.schemaVersion === undefined ? {} : { schemaVersion: e.metadata.schemaVersion };
        expect(pages.flat()).toEqual(all.map((e) => ({ ...e, metadata: versionOnly(e) })));
        expect(all[0].metadata).toMatchObject({ userId: 'u1' }); // it was there to leave out
        expect(pages.flat()[7]!.metadata).toEqual({ schemaVersion: 3 });
      });

      it('stops reading when the caller breaks out, and the store goes on working', async () => {
        const s = streamName();
        await store.appendToStream(s, events(9));
        const first = (await store.readStream(s))[0];
        let seen = 0;
        for await (const page of store.readAllPages({ fromPosition: first.position, pageSize: 2 })) {
          seen += page.length;
          if (seen >= 4) break;
        }
        expect(seen).toBe(4);
        await store.appendToStream(s, events(1));
        expect(await streamLength(store, s)).toBe(10);
      });

      it('refuses a page size that is not a positive integer', async () => {
        const pages = store.readAllPages({ pageSize: 0 });
        await expect(pages[Symbol.asyncIterator]().next()).rejects.toThrow(RangeError);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, then delivers live events with no gap and no duplicate', async () => {
        const prefix = streamName('sub');
        const s = `${prefix}-a`;
        const early = events(30);
        await store.appendToStream(s, early);
        const rec = record(
          store.subscribeToAll({ fromPosition: 'start', filter: { streamPrefixes: [prefix] } }),
        );
        // Appends racing the catch-up.
        const late = events(30);
        for (const e of late) await store.appendToStream(s, [e]);
        const expected = [...early, ...late].map((e) => e.id);
        await waitFor('60 events', () => rec.seen.length >= 60);
        await sleep(50);
        rec.sub.unsubscribe();
        expect(rec.ids()).toEqual(expected);
        expectIncreasing(rec.seen.map((e) => e.position.commit));
        expect(rec.seen[5].data).toEqual({ i: 5 });
        expect(rec.state.error).toBeUndefined();
      });

      it('starts after the given position (exclusive)', async () => {
        const prefix = streamName('sub');
        const batch = events(4);
        await store.appendToStream(`${prefix}-x`, batch);
        const stored = await store.readStream(`${prefix}-x`);
        const rec = record(
          store.subscribeToAll({ fromPosition: stored[1].position, filter: { streamPrefixes: [prefix] } }),
        );
        await waitFor('2 events', () => rec.seen.length >= 2);
        const more = event();
        await store.appendToStream(`${prefix}-x`, [more]);
        await waitFor('3 events', () => rec.seen.length >= 3);
        rec.sub.unsubscribe();
        expect(rec.ids()).toEqual([batch[2].id, batch[3].id, more.id]);
      });

      it("from 'end' delivers only what is appended afterwards", async () => {
        const prefix = streamName('sub');
        await store.appendToStream(`${prefix}-x`, events(2));
        const rec = record(
          store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [prefix] } }),
        );
        await sleep(100);
        const later = event();
        await store.appendToStream(`${prefix}-x`, [later]);
        await waitFor('1 event', () => rec.seen.length >= 1);
        await sleep(50);
        rec.sub.unsubscribe();
        expect(rec.ids()).toEqual([later.id]);
      });

      it('filters by stream prefix', async () => {
        const prefix = streamName('sub');
        const wanted = event();
        const other = event();
        const wantedToo = event();
        await store.appendToStream(`${prefix}-meeting`, [wanted]);
        await store.appendToStream(`other-${prefix}`, [other]);
        const rec = record(
          store.subscribeToAll({ fromPosition: 'start', filter: { streamPrefixes: [`${prefix}-m`] } }),
        );
        await store.appendToStream(`${prefix}-motion`, [wantedToo]);
        await store.appendToStream(`${prefix}-paragraph`, [event()]);
        await waitFor('2 events', () => rec.seen.length >= 2);
        await sleep(50);
        rec.sub.unsubscribe();
        expect(rec.ids()).toEqual([wanted.id, wantedToo.id]);
      });

      it('filters by event type, alone and with a prefix', async () => {
        const prefix = streamName('sub');
        const type = `Marked_${v4().replaceAll('-', '')}`;
        const a = event(type);
        const b = event('Unmarked');
        const c = event(type);
        const d = event(type);
        const byType = record(store.subscribeToAll({ fromPosition: 'end', filter: { eventTypes: [type] } }));
        const both = record(
          store.subscribeToAll({
            fromPosition: 'end',
            filter: { eventTypes: [type], streamPrefixes: [`${prefix}-x`] },
          }),
        );
        await sleep(100);
        await store.appendToStream(`${prefix}-x`, [a, b]);
        await store.appendToStream(`${prefix}-y`, [c]);
        await store.appendToStream(`${prefix}-x`, [d]);
        await waitFor('3 typed events', () => byType.seen.length >= 3);
        await waitFor('2 typed events in x', () => both.seen.length >= 2);
        await sleep(50);
        byType.sub.unsubscribe();
        both.sub.unsubscribe();
        expect(byType.ids()).toEqual([a.id, c.id, d.id]);
        expect(both.ids()).toEqual([a.id, d.id]);
      });

      it('unsubscribing stops delivery', async () => {
        const prefix = streamName('sub');
        const rec = record(
          store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [prefix] } }),
        );
        await sleep(100);
        await store.appendToStream(`${prefix}-x`, [event()]);
        await waitFor('1 event', () => rec.seen.length >= 1);
        rec.sub.unsubscribe();
        await store.appendToStream(`${prefix}-x`, events(3));
        await sleep(300);
        expect(rec.seen).toHaveLength(1);
      });

      it('closing the store completes its subscriptions', async () => {
        const rec = record(store.subscribeToAll({ fromPosition: 'end' }));
        await sleep(50);
        await store.close();
        await waitFor('completion', () => rec.state.completed);
        expect(rec.state.error).toBeUndefined();
      });
    });

    describe('concurrency', () => {
      it('concurrent read-then-append on one stream: one winner per revision, losers get the conflict, nothing lost', async () => {
        const s = streamName();
        const target = 25;
        const winners: { revision: bigint; id: string }[] = [];
        const losers: unknown[] = [];

        const worker = async () => {
          for (;;) {
            let expected: ExpectedRevision;
            try {
              const current = await store.readStream(s);
              if (current.length >= target) return;
              expected = current[current.length - 1].revision;
            } catch (e) {
              if (!(e instanceof StreamNotFoundError)) throw e;
              expected = 'no_stream';
            }
            const e = event('Counted');
            try {
              const r = await store.appendToStream(s, [e], { expectedRevision: expected });
              winners.push({ revision: r.nextExpectedRevision, id: e.id });
            } catch (err) {
              losers.push(err);
              expect(err).toBeInstanceOf(WrongExpectedVersionError);
              const wev = err as WrongExpectedVersionError;
              expect(wev.streamId).toBe(s);
              expect(wev.expected).toBe(expected);
              expect(typeof wev.actual).toBe('bigint');
              const behind = expected === 'no_stream' ? -1n : (expected as bigint);
              expect((wev.actual as bigint) > behind).toBe(true);
            }
          }
        };
        await Promise.all(Array.from({ length: 8 }, worker));

        const revisions = winners.map((w) => w.revision).sort((x, y) => (x < y ? -1 : 1));
        expect(revisions).toEqual(Array.from({ length: target }, (_, i) => BigInt(i)));
        expect(losers.length).toBeGreaterThan(0);
        const stored = await store.readStream(s);
        const byRevision = [...winners].sort((x, y) => (x.revision < y.revision ? -1 : 1));
        expect(stored.map((e) => e.id)).toEqual(byRevision.map((w) => w.id));
      });
    });

    describe('round-trips', () => {
      it('keeps metadata and Unicode (å ä ö, emoji) intact', async () => {
        const s = streamName('unicode-åäö');
        const data = {
          title: 'Delårsrapport för kommunstyrelsens arbetsutskott — Å Ä Ö å ä ö é ü',
          emoji: '✅👍🏽🇸🇪 👨‍👩‍👧',
          nested: { list: ['bifall', 'avslag', 'återremiss'], n: 65, ok: true, nothing: null },
        };
        const metadata = { userId: 'ö-42', role: 'nämndsekreterare', correlationId: v4(), note: '§65 🎉' };
        const type = 'DecisionAdopted';
        const e = event(type, data, metadata);
        await store.appendToStream(s, [e]);
        const [viaStream] = await store.readStream(s);
        expect(viaStream.streamId).toBe(s);
        expect(viaStream.data).toEqual(data);
        expect(viaStream.metadata).toEqual(metadata);
        const viaAll = await store.readAll({ fromPosition: viaStream.position, maxCount: 1 });
        expect(viaAll[0].data).toEqual(data);
        expect(viaAll[0].metadata).toEqual(metadata);
        const rec = record(store.subscribeToAll({ fromPosition: 'start', filter: { streamPrefixes: [s] } }));
        await waitFor('the event', () => rec.seen.length >= 1);
        rec.sub.unsubscribe();
        expect(rec.seen[0].data).toEqual(data);
        expect(rec.seen[0].metadata).toEqual(metadata);
      });

      it('stores and reads back a 1 MB event', async () => {
        const s = streamName();
        // 1,000,000 bytes of UTF-8, under EventStoreDB's default 1 MiB append limit.
        const blob = 'Protokoll 65 '.repeat(80_000).slice(0, 999_994) + 'åäö';
        expect(Buffer.byteLength(blob)).toBe(1_000_000);
        const e = event('LargeAttachment', { blob });
        await store.appendToStream(s, [e]);
        const [stored] = await store.readStream(s);
        expect(stored.data.blob).toBe(blob);
      });
    });
  });
}
