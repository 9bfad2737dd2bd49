import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '@app/event-store';
import { openReadModelDb } from './db.js';
import { ALL_PROJECTIONS } from './index.js';
import { ProjectionRunner } from './runner.js';
import { dumpReadModels, generateHistory, rebuildInMemory, rng, seededIds } from './testing/index.js';
import { WriteBehindThread } from './write-behind-thread.js';
import { WriteBehindSink } from './write-behind.js';

async function storeWith(seed: number, bodies: number, meetings: number): Promise<MemoryEventStore> {
  const store = new MemoryEventStore();
  const random = rng(seed);
  for (const a of generateHistory(random, {
    bodies,
    meetingsPerBody: meetings,
    maxParagraphs: 8,
    newId: seededIds(random),
  }))
    await store.appendToStream(a.stream, a.events);
  return store;
}

async function inlineDump(store: MemoryEventStore) {
  const db = await rebuildInMemory(store);
  const dump = dumpReadModels(db);
  db.close();
  return dump;
}

const checkpointsInFile = (path: string) => {
  const db = openReadModelDb(path);
  const rows = db.prepare('SELECT name, commit_position FROM projection_checkpoints ORDER BY name').all();
  db.close();
  return rows;
};

describe('catch-up with the write-behind thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paragraf-wb-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a rebuild into a file equals the rebuild done in one thread, whatever the batch size', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.integer({ min: 1, max: 60 }), async (seed, batchSize) => {
        const store = await storeWith(seed, 2, 3);
        const path = join(dir, `rm-${run++}.db`);
        const db = openReadModelDb(path);
        const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { batchSize });
        runner.start();
        await runner.catchUp();
        runner.stop();
        expect(dumpReadModels(db)).toEqual(await inlineDump(store));
        db.close();
      }),
      { numRuns: 8 },
    );
  });

  it('the same when a batch holds several pages (batches larger than a catch-up page)', async () => {
    const store = await storeWith(5, 4, 6);
    const events = (await store.readAll({ maxCount: 100_000 })).length;
    expect(events).toBeGreaterThan(1500);
    const db = openReadModelDb(join(dir, 'large.db'));
    const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { batchSize: 700 });
    const sizes: number[] = [];
    runner.committed.subscribe((b) => sizes.push(b.events.length));
    runner.start();
    await runner.catchUp();
    runner.stop();
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(700); // several pages of 250 per batch
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(events);
    expect(dumpReadModels(db)).toEqual(await inlineDump(store));
    db.close();
  });

  it('stopped between batches, its checkpoints are those in the file, and a restart ends equal', async () => {
    const store = await storeWith(11, 3, 4);
    const path = join(dir, 'rm.db');
    const db = openReadModelDb(path);
    const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { batchSize: 25 });
    let batches = 0;
    const stopped = new Promise<void>((done) =>
      runner.committed.subscribe(() => {
        if (++batches === 3) {
          runner.stop(); // a batch is in flight now: stop waits for it
          done();
        }
      }),
    );
    runner.start();
    await stopped;
    const inMemory = Object.entries(runner.checkpoints()).map(([name, c]) => ({
      name,
      commit_position: Number(c.position),
    }));
    expect(checkpointsInFile(path)).toEqual(inMemory.sort((a, b) => a.name.localeCompare(b.name)));
    expect(batches).toBeGreaterThanOrEqual(3);

    // The same runner goes on (its caches were kept or discarded correctly), and so does a new one.
    runner.start();
    await runner.catchUp();
    runner.stop();
    expect(dumpReadModels(db)).toEqual(await inlineDump(store));
    const other = openReadModelDb(join(dir, 'other.db'));
    const fresh = new ProjectionRunner(store, other, ALL_PROJECTIONS, { batchSize: 25 });
    fresh.start();
    await fresh.catchUp();
    fresh.stop();
    expect(dumpReadModels(other)).toEqual(dumpReadModels(db));
    other.close();
    db.close();
  });

  it('a batch that fails in the thread is reported by settle; the next batch is written', () => {
    const path = join(dir, 'plain.db');
    const db = openReadModelDb(path);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const behind = new WriteBehindThread(path, 'NORMAL');
    behind.submit([
      ['INSERT INTO t (id, v) VALUES (?, ?)', [1, 'a']],
      ['INSERT INTO t (id, v) VALUES (?, ?)', [2, null]],
    ]);
    expect(() => behind.settle()).toThrow(/NOT NULL/);
    // The failed batch was one transaction: nothing of it is in the file.
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    behind.submit([['INSERT INTO t (id, v) VALUES (?, ?)', [3, 'c']]]);
    behind.settle();
    expect(db.prepare('SELECT id, v FROM t').all()).toEqual([{ id: 3, v: 'c' }]);
    behind.close();
    db.close();
  });

  it('holds one batch in flight at most, and refuses caches that keep fewer flushes than that needs', () => {
    const path = join(dir, 'rule.db');
    const db = openReadModelDb(path);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    const thread = new WriteBehindThread(path, 'NORMAL');
    thread.submit([['INSERT INTO t (id) VALUES (?)', [1]]]);
    expect(() => thread.submit([['INSERT INTO t (id) VALUES (?)', [2]]])).toThrow(/not settled/);
    thread.settle();
    thread.close();
    expect(WriteBehindSink.RETAINED_FLUSHES).toBe(WriteBehindThread.IN_FLIGHT + 1);
    const target = { apply() {}, flush() {}, advance() {}, discard() {}, wantsEvents: () => false };
    const shallow = { retainedFlushes: WriteBehindSink.RETAINED_FLUSHES - 1, run() {} };
    expect(() => new WriteBehindSink(target, shallow, path, 'NORMAL', 10)).toThrow(
      /caches keep 1 flushes, 2 are needed/,
    );
    db.close();
  });
});
