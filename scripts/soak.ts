/**
 * Soak (`npm run soak -- --minutes N`; a script, not a test): the real server from source on a
 * temp SQLite file, 20 clients recording yrkanden, 200 live viewers of the meeting, and every
 * 10 s a tenth of the viewers reconnecting with their Last-Event-ID. Prints per minute the
 * server's RSS, its open handles (file descriptors) and the command p99; at the end whether
 * memory stayed flat (the last minute's RSS within 10 % of the first full minute's), and one
 * JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpRequested, Progress } from './support/cli.js';
import { LoadClient, percentile, round1, type Viewer } from './support/load.js';
import { startServer, waitUntilUp } from './support/server.js';

helpRequested(`
Usage: npm run soak -- [--minutes N] [--writers N] [--viewers N]

The server from source on a temp folder under steady load for N minutes (default 30): 20 writers
recording yrkanden, 200 live viewers, a tenth of them reconnecting every 10 s. Prints RSS, open
handles and command p99 per minute, then whether memory stayed flat (within 10 %) and one JSON
line.
`);

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 30);
const WRITERS = arg('writers', 20);
const VIEWERS = arg('viewers', 200);
const PORT = 30_000 + Math.floor(Math.random() * 20_000);

const dir = mkdtempSync(join(tmpdir(), 'paragraf-soak-'));
const server = startServer(dir, PORT, {
  LOG_LEVEL: 'warn',
  // Every viewer comes from this one address.
  PARAGRAF_LIVE_MAX_PER_ADDRESS: String(VIEWERS + 100),
});
const load = new LoadClient(server, WRITERS);

interface Minute {
  minute: number;
  commands: number;
  p99_ms: number;
  rss_mb: number;
  handles: number;
  viewers: number;
  reconnects: number;
}

const lastId = (v: Viewer, chunk: string) => {
  const ids = chunk.match(/^id: (\d+)$/gm);
  if (ids) v.lastId = ids[ids.length - 1].slice(4);
};

try {
  await waitUntilUp(server);
  const { meetingId, paragraphs } = await load.meeting(WRITERS);
  const viewers: Viewer[] = [];
  for (let i = 0; i < VIEWERS; i++)
    viewers.push(await load.view(meetingId, undefined, (c, v) => lastId(v, c)));

  const started = Date.now();
  const end = started + MINUTES * 60_000;
  let latencies: number[] = [];
  let reconnects = 0;
  let errors = 0;
  const minutes: Minute[] = [];
  const progress = new Progress('Soak');

  const writers = paragraphs.map(async (p, w) => {
    for (let i = 0; Date.now() < end; i++) {
      try {
        latencies.push(await load.motion(p, w, `soak:${w}:${i}`));
      } catch {
        errors++;
      }
    }
  });
  const reconnecting = (async () => {
    for (let round = 0; Date.now() < end; round++) {
      await new Promise((r) => setTimeout(r, 10_000));
      for (let k = 0; k < VIEWERS / 10; k++) {
        const i = (round * (VIEWERS / 10) + k) % VIEWERS;
        const old = viewers[i];
        old.req.destroy();
        viewers[i] = await load.view(meetingId, old.lastId, (c, v) => lastId(v, c));
        reconnects++;
      }
    }
  })();
  const sampling = (async () => {
    for (let m = 1; Date.now() < end; m++) {
      await new Promise((r) => setTimeout(r, Math.min(60_000, Math.max(0, end - Date.now()))));
      const row: Minute = {
        minute: m,
        commands: latencies.length,
        p99_ms: round1(percentile(latencies, 99)),
        rss_mb: round1(server.rssMb()),
        handles: server.handles(),
        viewers: viewers.filter((v) => v.status === 200).length,
        reconnects,
      };
      latencies = [];
      minutes.push(row);
      progress.done();
      console.log(
        `minute ${String(row.minute).padStart(3)}: ${String(row.commands).padStart(6)} commands, p99 ${String(row.p99_ms).padStart(7)} ms, RSS ${String(row.rss_mb).padStart(6)} MB, handles ${row.handles}, viewers ${row.viewers}, reconnects ${row.reconnects}`,
      );
    }
  })();
  const ticker = setInterval(
    () => progress.update(`${Math.round((Date.now() - started) / 1000)} s of ${MINUTES * 60} s`),
    1000,
  );
  await Promise.all([...writers, reconnecting, sampling]);
  clearInterval(ticker);
  progress.done();

  const first = minutes[0];
  const last = minutes[minutes.length - 1];
  const growth = (last.rss_mb - first.rss_mb) / first.rss_mb;
  const result = {
    minutes: MINUTES,
    writers: WRITERS,
    viewers: VIEWERS,
    commands: minutes.reduce((n, m) => n + m.commands, 0),
    command_errors: errors,
    reconnects,
    rss_first_mb: first.rss_mb,
    rss_last_mb: last.rss_mb,
    rss_max_mb: Math.max(...minutes.map((m) => m.rss_mb)),
    rss_growth_pct: round1(growth * 100),
    handles_first: first.handles,
    handles_last: last.handles,
    p99_ms_max: Math.max(...minutes.map((m) => m.p99_ms)),
    flat: Math.abs(growth) <= 0.1,
  };
  console.log(
    `\n${result.commands} commands (${errors} failed), ${reconnects} reconnects; RSS ${first.rss_mb} → ${last.rss_mb} MB ` +
      `(${result.rss_growth_pct} %, max ${result.rss_max_mb}); handles ${first.handles} → ${last.handles}; ` +
      `memory ${result.flat ? 'flat (within 10 %)' : 'NOT flat'}`,
  );
  console.log(JSON.stringify(result));
  for (const v of viewers) v.req.destroy();
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  load.agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
