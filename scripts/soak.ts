/**
 * Soak (`npm run soak -- --minutes N`; a script, not a test): the real server from source on a
 * temp SQLite file under a day of meetings compressed into N minutes. `--meetings` meetings run
 * at once, each with 8 paragraphs and a size drawn from 300–2,500 yrkanden (hundreds to a few
 * thousand events, as real meetings have); 20 writers record in them; when a meeting reaches its
 * size it is closed and a new one starts in its place, and its viewers move to the new one.
 * 200 live viewers are spread over the running meetings, and every 10 s a tenth of them
 * reconnect with their Last-Event-ID.
 *
 * Prints per minute the server's RSS (and the live fan-out process's), the server's V8 heap
 * (from /metrics), its open handles and the command p99; at the end whether memory stayed flat:
 * the last minute's RSS within 10 % of the RSS at the end of the warm-up (`--warmup`, 5 minutes by
 * default: the bounded caches, the command path's 25,000 events and SQLite's pages, fill to their
 * bounds then), the growth from the first minute printed beside it; and one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpRequested, Progress } from './support/cli.js';
import { LoadClient, percentile, round1, type Viewer } from './support/load.js';
import { startServer, waitUntilUp } from './support/server.js';

helpRequested(`
Usage: npm run soak -- [--minutes N] [--writers N] [--viewers N] [--meetings N] [--warmup N]

The server from source on a temp folder under steady load for N minutes (default 30): 20 writers
recording yrkanden in 5 meetings at a time (each 300–2,500 yrkanden, then closed and replaced by
a new one), 200 live viewers spread over them, a tenth reconnecting every 10 s. Prints RSS, heap,
open handles and command p99 per minute, then whether memory stayed flat (the last minute within
10 % of the end of the warm-up, default 5 minutes, while the bounded caches fill) and one JSON line.
`);

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg('minutes', 30);
const WRITERS = arg('writers', 20);
const VIEWERS = arg('viewers', 200);
const MEETINGS = arg('meetings', 5);
const WARMUP = arg('warmup', 5);
const PARAGRAPHS = 8;
// Below the ephemeral range (32768–60999): thousands of client sockets take ports there.
const PORT = 20_000 + Math.floor(Math.random() * 12_000);

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
  fanout_rss_mb: number;
  heap_mb: number;
  cache_events: number;
  handles: number;
  viewers: number;
  reconnects: number;
  meetings_done: number;
}

/** One running meeting: its size, what has been recorded, who watches it. */
interface Slot {
  meetingId: string;
  paragraphs: string[];
  size: number;
  recorded: number;
  /** Resolves when the next meeting of this slot is open (while it is being set up). */
  next: Promise<void> | null;
}

const lastId = (v: Viewer, chunk: string) => {
  const ids = chunk.match(/^id: (\d+)$/gm);
  if (ids) v.lastId = ids[ids.length - 1].slice(4);
};

const metric = (text: string, name: string) => {
  const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
};

try {
  await waitUntilUp(server);
  const started = Date.now();
  const end = started + MINUTES * 60_000;
  let meetingsStarted = 0;
  let meetingsDone = 0;
  const newMeeting = async (): Promise<Omit<Slot, 'next'>> => {
    const n = meetingsStarted++;
    const { meetingId, paragraphs } = await load.meeting(PARAGRAPHS, `soak${n % 7}`);
    return { meetingId, paragraphs, size: 300 + Math.floor(Math.random() * 2200), recorded: 0 };
  };
  const slots: Slot[] = [];
  for (let s = 0; s < MEETINGS; s++) slots.push({ ...(await newMeeting()), next: null });

  // Viewer i watches slot i % MEETINGS.
  const viewers: Viewer[] = [];
  const watching: string[] = [];
  for (let i = 0; i < VIEWERS; i++) {
    const slot = slots[i % MEETINGS];
    viewers.push(await load.view(slot.meetingId, undefined, (c, v) => lastId(v, c)));
    watching.push(slot.meetingId);
  }

  let latencies: number[] = [];
  let reconnects = 0;
  let errors = 0;
  const minutes: Minute[] = [];
  const progress = new Progress('Soak');

  /** The slot's meeting is full: close it, open the next, move its viewers there. */
  const replace = async (s: number) => {
    const old = slots[s];
    await load.post(`/meetings/${old.meetingId}/close`, {}).catch(() => undefined);
    meetingsDone++;
    const fresh = await newMeeting();
    Object.assign(old, fresh, { next: null });
    for (let i = s; i < VIEWERS; i += MEETINGS) {
      viewers[i].req.destroy();
      viewers[i] = await load.view(fresh.meetingId, undefined, (c, v) => lastId(v, c));
      watching[i] = fresh.meetingId;
    }
  };

  const writers = Array.from({ length: WRITERS }, async (_, w) => {
    const s = w % MEETINGS;
    for (let i = 0; Date.now() < end; i++) {
      const slot = slots[s];
      if (slot.next) {
        await slot.next;
        continue;
      }
      if (slot.recorded >= slot.size) {
        slot.next = replace(s).catch(() => {
          errors++;
          slot.next = null;
        });
        continue;
      }
      slot.recorded++;
      const p = slot.paragraphs[i % PARAGRAPHS];
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
        if (slots[i % MEETINGS].next) continue; // its meeting is being replaced
        const old = viewers[i];
        old.req.destroy();
        viewers[i] = await load.view(watching[i], old.lastId, (c, v) => lastId(v, c));
        reconnects++;
      }
    }
  })();
  const sampling = (async () => {
    for (let m = 1; Date.now() < end; m++) {
      await new Promise((r) => setTimeout(r, Math.min(60_000, Math.max(0, end - Date.now()))));
      const metrics = await load.text('/metrics').catch(() => '');
      const row: Minute = {
        minute: m,
        commands: latencies.length,
        p99_ms: round1(percentile(latencies, 99)),
        rss_mb: round1(server.rssMb()),
        fanout_rss_mb: round1(server.childrenRssMb()),
        heap_mb: round1(metric(metrics, 'nodejs_heap_size_used_bytes') / 2 ** 20),
        cache_events: metric(metrics, 'paragraf_command_cache_events'),
        handles: server.handles(),
        viewers: viewers.filter((v) => v.status === 200).length,
        reconnects,
        meetings_done: meetingsDone,
      };
      latencies = [];
      minutes.push(row);
      progress.done();
      console.log(
        `minute ${String(row.minute).padStart(3)}: ${String(row.commands).padStart(6)} commands, p99 ${String(row.p99_ms).padStart(7)} ms, RSS ${String(row.rss_mb).padStart(6)} MB (+ fan-out ${row.fanout_rss_mb}), heap ${row.heap_mb} MB, command cache ${row.cache_events} events, handles ${row.handles}, viewers ${row.viewers}, reconnects ${row.reconnects}, meetings done ${row.meetings_done}`,
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
  const total = (m: Minute) => m.rss_mb + m.fanout_rss_mb;
  const growth = (total(last) - total(first)) / total(first);
  const warm = minutes[Math.min(WARMUP, minutes.length) - 1] ?? first;
  const steady = (total(last) - total(warm)) / total(warm);
  const result = {
    minutes: MINUTES,
    writers: WRITERS,
    viewers: VIEWERS,
    meetings_at_once: MEETINGS,
    meetings_done: meetingsDone,
    commands: minutes.reduce((n, m) => n + m.commands, 0),
    command_errors: errors,
    reconnects,
    rss_first_mb: round1(total(first)),
    rss_last_mb: round1(total(last)),
    rss_max_mb: round1(Math.max(...minutes.map(total))),
    rss_growth_pct: round1(growth * 100),
    heap_first_mb: first.heap_mb,
    heap_last_mb: last.heap_mb,
    handles_first: first.handles,
    handles_last: last.handles,
    p99_ms_max: Math.max(...minutes.map((m) => m.p99_ms)),
    warmup_minutes: WARMUP,
    rss_after_warmup_mb: round1(total(warm)),
    rss_growth_after_warmup_pct: round1(steady * 100),
    // Caches (the command path's, SQLite's page caches) fill to their bounds in the first
    // minutes: growth after the warm-up tells a leak from that.
    flat: Math.abs(steady) <= 0.1,
  };
  console.log(
    `\n${result.commands} commands (${errors} failed) in ${meetingsDone} finished meetings, ${reconnects} reconnects; ` +
      `RSS (server + fan-out) ${result.rss_first_mb} → ${result.rss_last_mb} MB ` +
      `(${result.rss_growth_pct} %, max ${result.rss_max_mb}); after the ${WARMUP}-minute warm-up ` +
      `${result.rss_after_warmup_mb} → ${result.rss_last_mb} MB (${result.rss_growth_after_warmup_pct} %); ` +
      `handles ${first.handles} → ${last.handles}; memory ${result.flat ? 'flat (within 10 % after the warm-up)' : 'NOT flat'}`,
  );
  console.log(JSON.stringify(result));
  for (const v of viewers) v.req.destroy();
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  load.agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
