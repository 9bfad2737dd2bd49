import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryEventStore } from '@app/event-store';
import { BackgroundCheckpointer } from './checkpointer.js';
import { AUTOCHECKPOINT_PAGES, openReadModelDb } from './db.js';
import { ALL_PROJECTIONS } from './index.js';
import { ProjectionRunner } from './runner.js';
import { generateHistory, rng, seededIds } from './testing/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('background checkpoints of the read-model file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'paragraf-ckpt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a running runner leaves checkpoints to its thread, which copies the WAL into the file', async () => {
    const store = new MemoryEventStore();
    const random = rng(7);
    for (const a of generateHistory(random, {
      bodies: 2,
      meetingsPerBody: 3,
      maxParagraphs: 8,
      newId: seededIds(random),
    }))
      await store.appendToStream(a.stream, a.events);
    const path = join(dir, 'rm.db');
    const db = openReadModelDb(path);
    const sizeBefore = statSync(path).size;
    const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS);
    runner.start();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await runner.catchUp();
    // The runner never checkpoints now; the database file grows only through the thread.
    for (let i = 0; i < 1500 && statSync(path).size === sizeBefore; i++) await sleep(20);
    expect(statSync(path).size).toBeGreaterThan(sizeBefore);
    runner.stop();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    db.close();
  });

  it('is not used for an in-memory database or when turned off', () => {
    const store = new MemoryEventStore();
    const memory = openReadModelDb(':memory:');
    const file = openReadModelDb(join(dir, 'off.db'));
    const a = new ProjectionRunner(store, memory, ALL_PROJECTIONS);
    const b = new ProjectionRunner(store, file, ALL_PROJECTIONS, { checkpointInBackground: false });
    a.start();
    b.start();
    // A runner that takes the checkpoints over turns SQLite's own off (0); neither did.
    expect(BackgroundCheckpointer.suits(memory)).toBe(false);
    expect(memory.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    expect(file.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    a.stop();
    b.stop();
    memory.close();
    file.close();
  });
});
