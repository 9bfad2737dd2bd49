/**
 * Verification benchmark (a script, not a test): generate a realistic, hash-chained and sealed
 * history into a temporary SQLite event store, then verify it from position 0 (every chain and
 * seal, as `npm run verify` does) and compare with a bare read of the same events (pages of
 * $all with their metadata, the same reading verification does) in the same run. Each runs in a
 * fresh process.
 *
 *   npm run bench:verify                 ≥ 1,000,000 events
 *   npm run bench:verify -- --events N   ≥ N events
 *
 * The last line printed is one JSON object with the figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sealStore, SqliteEventStore, Verifier, verifyStore } from '@app/event-store';
import { generateHistory, rng } from '../libs/projections/src/testing/history.js';
import { helpRequested } from './support/cli.js';

helpRequested(`
Usage:
  npm run bench:verify                 verify ≥ 1,000,000 generated events
  npm run bench:verify -- --events N   verify ≥ N events

Generates a hash-chained, sealed history in a temporary SQLite store, then compares a full
verification with a bare read of the same events, each in a fresh process. Prints a table and,
last, one JSON line. Touches nothing outside the temporary folder.
`);

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const target = Number(value('--events') ?? 1_000_000);
/** A seal about every this many events, as a busy server sealing on its interval would. */
const SEAL_EVERY = 5000;
const PAGE = 2000;

const mode = process.argv[2];
const isChild = mode === '--baseline' || mode === '--verify';
const dir = isChild ? process.argv[3] : mkdtempSync(join(tmpdir(), 'paragraf-bench-verify-'));
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function main(): Promise<void> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL' });
  const t0 = performance.now();
  const sealer = new Verifier();
  let events = 0;
  let sinceSeal = 0;
  let seals = 0;
  const bodies = Math.max(8, Math.ceil(target / 25_000));
  const random = rng(20240514);
  outer: for (let round = 0; ; round++) {
    for (const a of generateHistory(random, {
      bodies,
      meetingsPerBody: 11,
      maxParagraphs: 16,
      startYear: 2000 + round,
    })) {
      await store.appendToStream(a.stream, a.events); // generateHistory chains them
      events += a.events.length;
      sinceSeal += a.events.length;
      if (sinceSeal >= SEAL_EVERY) {
        seals += await sealStore(store, sealer, 'interval');
        sinceSeal = 0;
      }
      if (events >= target && a.stream.startsWith('meeting-') && a.events[0].type === 'MeetingClosed')
        break outer;
    }
  }
  seals += await sealStore(store, sealer, 'interval');
  const generateSeconds = (performance.now() - t0) / 1000;
  await store.close();

  const baseline = child<{ read: number; seconds: number; rssMb: number }>('--baseline', dir);
  const verify = child<{ checked: number; ok: boolean; breaks: number; seconds: number; rssMb: number }>(
    '--verify',
    dir,
  );
  if (!verify.ok) throw new Error(`the generated history did not verify clean: ${verify.breaks} breaks`);
  if (verify.checked !== baseline.read)
    throw new Error(`verified ${verify.checked} events, read ${baseline.read}`);

  const total = baseline.read;
  const baselineEps = Math.round(total / baseline.seconds);
  const verifyEps = Math.round(total / verify.seconds);
  const rows: [string, string][] = [
    ['events (history + seals)', `${total.toLocaleString('en')} (${seals} seals)`],
    ['generate, chain, seal and append', `${generateSeconds.toFixed(1)} s`],
    ['bare read of $all (with metadata)', `${baseline.seconds.toFixed(2)} s (${baselineEps} ev/s)`],
    ['verify every chain and seal', `${verify.seconds.toFixed(2)} s (${verifyEps} ev/s)`],
    ['ratio verify / bare read', (verifyEps / baselineEps).toFixed(2)],
    ['event store file', `${Math.round(statSync(join(dir, 'events.db')).size / 1024 / 1024)} MB`],
    ['peak RSS (read / verify)', `${baseline.rssMb} MB / ${verify.rssMb} MB`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  console.log(
    JSON.stringify({
      events: total,
      seals,
      verify_eps: verifyEps,
      baseline_read_eps: baselineEps,
      ratio: Number((verifyEps / baselineEps).toFixed(3)),
      peak_rss_mb: Math.max(baseline.rssMb, verify.rssMb),
    }),
  );
}

function child<T>(mode: string, dir: string): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), mode, dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (run.status !== 0) throw new Error(`${mode} failed with exit code ${run.status}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T;
}

async function baselineChild(dir: string): Promise<void> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  const t0 = performance.now();
  let read = 0;
  for await (const page of store.readAllPages({ fromPosition: 'start', pageSize: PAGE })) read += page.length;
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  console.log(JSON.stringify({ read, seconds, rssMb: peakRssMb() }));
}

async function verifyChild(dir: string): Promise<void> {
  const store = new SqliteEventStore({ path: join(dir, 'events.db') });
  const t0 = performance.now();
  const { report } = await verifyStore(store);
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  console.log(
    JSON.stringify({
      checked: report.checkedEvents,
      ok: report.ok,
      breaks: report.breaks.length,
      seconds,
      rssMb: peakRssMb(),
    }),
  );
}

if (mode === '--baseline') await baselineChild(dir);
else if (mode === '--verify') await verifyChild(dir);
else {
  try {
    await main();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
