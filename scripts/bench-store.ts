/**
 * npm run bench:store — the SQLite adapter against raw better-sqlite3 on the same schema and
 * the same `synchronous` level, in one run, each workload on a fresh temp file.
 *
 *   single: 20,000 appends of one event, one transaction each, each to its own new stream
 *           (`paragraph-<uuid v4>`, expected revision no_stream) — a command creating a stream;
 *   batch:  100,000 events in batches of 100 (1,000 new streams, one transaction per batch);
 *   read:   readAll of 200,000 events (one call), JSON parsed.
 * Events: ≈300 B data + ≈150 B metadata, ids uuid v7 as the API produces them, hash-chained
 * before the timing as the command path hands them to every adapter (ADR 0024): the adapter
 * stores the canonical text the chain already made (ADR 0050); raw stores JSON.stringify's.
 * Prints a table, then as the very last line one JSON object with the figures at the default
 * level (FULL). Options: --quick (a tenth of the sizes), --runs=N (reads: median of N, default 5).
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { migrate } from '../libs/event-store/src/sqlite/schema.js';
import {
  SqliteEventStore,
  type SqliteSynchronous,
} from '../libs/event-store/src/sqlite/sqlite-event-store.js';
import type { EventData } from '../libs/event-store/src/port.js';
import { chainEvents } from '../libs/event-store/src/integrity/hash.js';
import { helpRequested } from './support/cli.js';

// Before anything is built, spawned or written.
helpRequested(`
Usage: npm run bench:store -- [--quick] [--runs=N]

The SQLite adapter against raw better-sqlite3 on the same schema and synchronous level, in one
run, on temp files: single-event appends, batches of 100, readAll. Prints a table, then one JSON
line. --quick: a tenth of the sizes; --runs=N: reads are the median of N (default 5).
`);

const quick = process.argv.includes('--quick');
const scale = quick ? 10 : 1;
const SINGLES = 20_000 / scale;
const BATCH_EVENTS = 100_000 / scale;
const BATCH = 100;
const READ_EVENTS = 200_000 / scale;
const READ_RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);

const root = mkdtempSync(join(tmpdir(), 'paragraf-bench-store-'));
let fileNo = 0;
const freshPath = () => join(root, `bench-${fileNo++}.db`);

function makeEvent(i: number): EventData {
  return {
    id: v7(),
    type: 'MotionProposed',
    data: {
      meetingId: '0191d4a6-7c1e-7a3b-9f2e-3c4d5e6f7a8b',
      paragraph: 65,
      motionId: `m-${i}`,
      proposer: { name: 'Robert Beronius', party: 'L' },
      kind: 'ändring',
      text: 'Yrkande om ändring: att kommunstyrelsens arbetsutskott föreslår kommunstyrelsen att godkänna delårsrapporten med tillägg om redovisning av åtgärder före årsskiftet.',
    },
    metadata: {
      userId: 'u-7f3a',
      role: 'clerk',
      commandId: '0191d4a6-7c1e-7a3b-9f2e-000000000001',
      correlationId: '0191d4a6-7c1e-7a3b-9f2e-000000000002',
    },
  };
}

function eventsFor(n: number): EventData[] {
  return Array.from({ length: n }, (_, i) => makeEvent(i));
}

/** The same file setup the adapter does: WAL, the level, the adapter's schema (all migrations). */
function openRaw(path: string, synchronous: SqliteSynchronous): Database.Database {
  const db = new Database(path, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  migrate(db);
  return db;
}

/**
 * A competent hand-written append, without the adapter: BEGIN IMMEDIATE, read the stream's
 * current revision, check it, insert the rows, COMMIT.
 */
function rawAppender(db: Database.Database) {
  const current = db
    .prepare<[string], number>(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    )
    .pluck();
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return db.transaction((stream: string, events: EventData[]) => {
    if (current.get(stream) !== undefined) throw new Error('stream exists');
    const created = Date.now();
    let position = 0;
    events.forEach((e, i) => {
      position = insert.run(
        stream,
        i,
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata ?? {}),
        created,
      ).lastInsertRowid as number;
    });
    return position;
  }).immediate;
}

const streamId = () => `paragraph-${randomUUID()}`;

/**
 * This machine is shared, so its load and disk latency drift during a run. Adapter and raw
 * therefore take turns append by append (alternating which goes first), each on its own fresh
 * file kept open for the whole workload, and each side's time is the sum of its own appends:
 * both meet the same noise.
 */
async function appendWorkload(
  sync: SqliteSynchronous,
  appends: EventData[][],
): Promise<{ adapter: number; raw: number }> {
  const store = new SqliteEventStore({ path: freshPath(), synchronous: sync });
  const db = openRaw(freshPath(), sync);
  const rawAppend = rawAppender(db);
  // The same events for both (separate files), each append to its own new stream.
  const streams = appends.map(() => streamId());
  // Chained as the command path does before it appends (not timed: it is the command's work).
  const chained = appends.map((a, i) => chainEvents(streams[i], a, null).events);
  const events = appends.reduce((n, a) => n + a.length, 0);
  let adapterMs = 0;
  let rawMs = 0;
  for (let i = 0; i < appends.length; i++) {
    if (i % 2 === 0) {
      let t = performance.now();
      await store.appendToStream(streams[i], chained[i], { expectedRevision: 'no_stream' });
      adapterMs += performance.now() - t;
      t = performance.now();
      rawAppend(streams[i], chained[i]);
      rawMs += performance.now() - t;
    } else {
      let t = performance.now();
      rawAppend(streams[i], chained[i]);
      rawMs += performance.now() - t;
      t = performance.now();
      await store.appendToStream(streams[i], chained[i], { expectedRevision: 'no_stream' });
      adapterMs += performance.now() - t;
    }
  }
  await store.close();
  db.close();
  return { adapter: events / (adapterMs / 1000), raw: events / (rawMs / 1000) };
}

/** Fills a fresh file with READ_EVENTS events (raw, in batches) for both readers to share. */
function prepareReadFile(sync: SqliteSynchronous): string {
  const path = freshPath();
  const db = openRaw(path, sync);
  const append = rawAppender(db);
  for (let i = 0; i < READ_EVENTS / BATCH; i++) append(streamId(), eventsFor(BATCH));
  db.close();
  return path;
}

async function adapterRead(path: string, sync: SqliteSynchronous): Promise<number> {
  const store = new SqliteEventStore({ path, synchronous: sync });
  const t = performance.now();
  const all = await store.readAll();
  const s = (performance.now() - t) / 1000;
  if (all.length !== READ_EVENTS) throw new Error(`adapter read ${all.length}`);
  await store.close();
  return all.length / s;
}

/** The plain way to read the log: SELECT everything in position order, parse the JSON columns. */
function rawRead(path: string, sync: SqliteSynchronous): number {
  const db = new Database(path);
  db.pragma(`synchronous = ${sync}`);
  const stmt = db.prepare<[number], Record<string, unknown>>(
    'SELECT position, stream_id, revision, event_id, type, data, metadata, created FROM events WHERE position >= ? ORDER BY position',
  );
  const t = performance.now();
  const rows = stmt.all(0);
  for (const r of rows) {
    r.data = JSON.parse(r.data as string);
    r.metadata = JSON.parse(r.metadata as string);
  }
  const s = (performance.now() - t) / 1000;
  if (rows.length !== READ_EVENTS) throw new Error(`raw read ${rows.length}`);
  db.close();
  return rows.length / s;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Figures {
  append: number;
  rawAppend: number;
  batch: number;
  rawBatch: number;
  read: number;
  rawRead: number;
}

async function measure(sync: SqliteSynchronous): Promise<Figures> {
  const singles = await appendWorkload(
    sync,
    eventsFor(SINGLES).map((e) => [e]),
  );
  const batches = await appendWorkload(
    sync,
    Array.from({ length: BATCH_EVENTS / BATCH }, () => eventsFor(BATCH)),
  );
  const path = prepareReadFile(sync);
  const reads: number[] = [];
  const rawReads: number[] = [];
  for (let i = 0; i < READ_RUNS; i++) {
    if (i % 2 === 0) {
      reads.push(await adapterRead(path, sync));
      rawReads.push(rawRead(path, sync));
    } else {
      rawReads.push(rawRead(path, sync));
      reads.push(await adapterRead(path, sync));
    }
  }
  return {
    append: singles.adapter,
    rawAppend: singles.raw,
    batch: batches.adapter,
    rawBatch: batches.raw,
    read: median(reads),
    rawRead: median(rawReads),
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

function table(level: string, f: Figures): string {
  const row = (name: string, a: number, r: number) =>
    `| ${level.padEnd(6)} | ${name.padEnd(32)} | ${fmt(a)} | ${fmt(r)} | ${ratio(a, r).toFixed(2).padStart(5)} |`;
  return [
    row(`${SINGLES.toLocaleString('en-US')} single-event appends`, f.append, f.rawAppend),
    row(`${BATCH_EVENTS.toLocaleString('en-US')} events, batches of ${BATCH}`, f.batch, f.rawBatch),
    row(`readAll ${READ_EVENTS.toLocaleString('en-US')} events`, f.read, f.rawRead),
  ].join('\n');
}

try {
  console.log(
    `bench:store — node ${process.version}, ${quick ? 'QUICK (1/10 sizes), ' : ''}files in ${root}`,
  );
  const full = await measure('FULL');
  const normal = await measure('NORMAL');
  console.log('');
  console.log('| level  | workload                         | adapter ev/s |  raw ev/s | ratio |');
  console.log('|--------|----------------------------------|-----------:|----------:|------:|');
  console.log(table('FULL', full));
  console.log(table('NORMAL', normal));
  console.log('');
  console.log('(FULL is the default level; the JSON line reports it.)');
  console.log(
    JSON.stringify({
      append_eps: Math.round(full.append),
      raw_append_eps: Math.round(full.rawAppend),
      append_ratio: ratio(full.append, full.rawAppend),
      batch_eps: Math.round(full.batch),
      raw_batch_eps: Math.round(full.rawBatch),
      batch_ratio: ratio(full.batch, full.rawBatch),
      read_eps: Math.round(full.read),
      raw_read_eps: Math.round(full.rawRead),
      read_ratio: ratio(full.read, full.rawRead),
    }),
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
