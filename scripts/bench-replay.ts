/**
 * Replay benchmark (a script, not a test): generate a realistic history into a temporary
 * SQLite event store, then rebuild every read model from position 0 and compare with a bare
 * `readAll` of the same history in the same run. The baseline and the rebuild each run in a fresh
 * process, as `npm run projections:rebuild` and the API's projection thread do, not in the heap
 * the generation left behind (which slowed the rebuild by 10–15 %).
 *
 *   npm run bench:replay                 ≥ 200,000 events
 *   npm run bench:replay -- --large      ≥ 1,000,000 events
 *   npm run bench:replay -- --events N   ≥ N events
 *
 * The last line printed is one JSON object with the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, openReadModelDb } from '@app/projections';
import { generateHistory, rng } from '../libs/projections/src/testing/history.js';
import { helpRequested } from './support/cli.js';

// Before anything is built, spawned or written.
helpRequested(`
Usage: npm run bench:replay -- [--large | --events N]

Generates a history into a temp SQLite store, then rebuilds every read model from position 0 and
compares with a bare readAll in the same run. Default ≥ 200,000 events; --large ≥ 1,000,000.
Prints a table, then one JSON line.
`);

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = Number(value('--events') ?? (flag('--large') ? 1_000_000 : 200_000));
const synchronous = (value('--synchronous') ?? 'NORMAL') as 'NORMAL' | 'FULL';

const mode = process.argv[2];
const isChild = mode === '--baseline' || mode === '--rebuild';
const dir = isChild ? process.argv[3] : mkdtempSync(join(tmpdir(), 'paragraf-bench-replay-'));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db'), synchronous });

  // 1. History: bodies of 7–12 members meeting monthly, 1–16 paragraphs a meeting.
  const t0 = performance.now();
  let events = 0;
  let appends = 0;
  let paragraphs = 0;
  let meetings = 0;
  const bodies = Math.max(8, Math.ceil(target / 25_000));
  const random = rng(20240514);
  for (let round = 0; events < target; round++) {
    for (const a of generateHistory(random, {
      bodies,
      meetingsPerBody: 11,
      maxParagraphs: 16,
      startYear: 2000 + round,
    })) {
      await store.appendToStream(a.stream, a.events);
      appends++;
      events += a.events.length;
      for (const e of a.events) {
        if (e.type === 'ParagraphOpened') paragraphs++;
        else if (e.type === 'MeetingScheduled') meetings++;
      }
      if (events >= target && a.stream.startsWith('meeting-') && a.events[0].type === 'MeetingClosed') break;
    }
  }
  const appendSeconds = (performance.now() - t0) / 1000;
  const rssAfterAppend = peakRssMb();

  await store.close();

  // 2. Baseline: a bare readAll of the whole history, page by page (fresh process).
  const baseline = child<{ read: number; seconds: number; rssMb: number }>('--baseline', dir);
  const baselineSeconds = baseline.seconds;
  if (baseline.read !== events)
    throw new Error(`readAll returned ${baseline.read} events, expected ${events}`);

  // 3. Rebuild every read model from position 0 into a fresh read-model file (fresh process).
  const rebuild = child<{ seconds: number; counts: Record<string, number>; rssMb: number }>('--rebuild', dir);
  const rebuildSeconds = rebuild.seconds;
  const counts = rebuild.counts;
  const peakRss = Math.max(peakRssMb(), baseline.rssMb, rebuild.rssMb);

  const baselineEps = Math.round(events / baselineSeconds);
  const rebuildEps = Math.round(events / rebuildSeconds);
  const rows: [string, string][] = [
    ['events', events.toLocaleString('en')],
    ['bodies / meetings / paragraphs', `${bodies} / ${meetings} / ${paragraphs}`],
    ['events per paragraph (all streams)', (events / paragraphs).toFixed(1)],
    ['appends (one per stream write)', appends.toLocaleString('en')],
    [
      `append time (synchronous=${synchronous})`,
      `${appendSeconds.toFixed(1)} s (${Math.round(events / appendSeconds)} ev/s)`,
    ],
    ['baseline readAll', `${baselineSeconds.toFixed(2)} s (${baselineEps} ev/s)`],
    ['rebuild all read models', `${rebuildSeconds.toFixed(2)} s (${rebuildEps} ev/s)`],
    ['ratio rebuild / readAll', (rebuildEps / baselineEps).toFixed(2)],
    [
      'read-model rows',
      Object.entries(counts)
        .map(([k, v]) => `${k}=${v}`)
        .join(' '),
    ],
    [
      'event store / read-model file',
      `${mb(statSync(join(dir, 'events.db')).size)} MB / ${mb(statSync(join(dir, 'read-models.db')).size)} MB`,
    ],
    [
      'peak RSS (generating / readAll / rebuild)',
      `${rssAfterAppend} MB / ${baseline.rssMb} MB / ${rebuild.rssMb} MB`,
    ],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  console.log(
    JSON.stringify({
      events,
      rebuild_eps: rebuildEps,
      baseline_read_eps: baselineEps,
      ratio: Number((rebuildEps / baselineEps).toFixed(3)),
      peak_rss_mb: peakRss,
    }),
  );
}

/** Runs this script in `mode` in a fresh process; its last line is its result as JSON. */
function child<T>(mode: string, dir: string): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), mode, dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (run.status !== 0) throw new Error(`${mode} failed with exit code ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
}

async function readAllChild(dir: string): Promise<void> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  const t0 = performance.now();
  let read = 0;
  let from: 'start' | { commit: bigint; prepare: bigint } = 'start';
  for (;;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 5000 });
    read += page.length;
    if (page.length < 5000) break;
    const last = page[page.length - 1].position.commit + 1n;
    from = { commit: last, prepare: last };
  }
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  console.log(JSON.stringify({ read, seconds, rssMb: peakRssMb() }));
}

async function rebuildChild(dir: string): Promise<void> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  const db = openReadModelDb(join(dir, 'read-models.db'));
  const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { batchSize: 2000 });
  const t0 = performance.now();
  runner.start();
  await runner.catchUp(3_600_000);
  const seconds = (performance.now() - t0) / 1000;
  runner.stop();
  const counts = Object.fromEntries(
    ['rm_protocol_meetings', 'rm_protocol_paragraphs', 'rm_register', 'rm_stat_members'].map((t) => [
      t,
      (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
  db.close();
  await store.close();
  console.log(JSON.stringify({ seconds, counts, rssMb: peakRssMb() }));
}

if (mode === '--baseline') await readAllChild(dir);
else if (mode === '--rebuild') await rebuildChild(dir);
else {
  try {
    await main();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
