/**
 * Live-stream benchmark (`npm run bench:live`; a script, not a test). The real server in its
 * own process (from source), a temp SQLite file at the default durability (FULL).
 *
 *   1. baseline: 20 clients record yrkanden (each on its own paragraph) for --seconds, no viewers,
 *      each at --rate commands a second (0.5 by default: 10 a second in all, far more than a
 *      clerk records; --rate 0 sends each command as soon as the last is answered, which
 *      measures the server saturated rather than a meeting's pace);
 *   2. the same load with 5,000 viewers of the meeting connected, plus 200 reconnects with
 *      Last-Event-ID: 0 spread over the phase (each replays the meeting's history).
 *
 * Prints command p99 with and without viewers (and their ratio), the delivery latency of
 * yrkanden to viewers (from the command's answer to the event's arrival; measured on a sample
 * of viewers, while all of them read: the rest on raw sockets that parse nothing, in a process
 * of their own (support/raw-viewers.ts), so that they take as little as possible of the cores
 * the server runs on and never delay the loop that times commands), and the server's RSS; the
 * last line is one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpRequested } from './support/cli.js';
import { LoadClient, percentile, round1, type Viewer } from './support/load.js';
import { cpuOf, startServer, waitUntilUp } from './support/server.js';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIVE } from '../apps/api/src/read-models/live-hub.js';

helpRequested(`
Usage: npm run bench:live -- [--viewers N] [--reconnects N] [--writers N] [--seconds N] [--rate R]

The server from source on a temp folder; 20 writers record yrkanden, each R a second (default
0.5; 0: as fast as answered, the server saturated), without viewers, then with
5,000 viewers of the meeting and 200 reconnects from Last-Event-ID 0. Prints command p99 with
and without viewers, delivery p99 to viewers, server RSS; the last line is one JSON object.
The viewers not timed read in a process of their own (standing in for viewers on other machines).
Targets: command p99 with viewers ≤ 2× without; delivery p99 ≤ 100 ms; RSS growth ≤ 100 MB.
`);

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const VIEWERS = arg('viewers', 5000);
const RECONNECTS = arg('reconnects', 200);
const WRITERS = arg('writers', 20);
const SECONDS = arg('seconds', 20);
const RATE = arg('rate', 0.5);
const SAMPLED = 200; // viewers that parse frames to time delivery; the rest only read
// Below the ephemeral range (32768–60999): thousands of client sockets take ports there.
const PORT = 20_000 + Math.floor(Math.random() * 12_000);

const dir = mkdtempSync(join(tmpdir(), 'paragraf-bench-live-'));
const server = startServer(dir, PORT, {
  LOG_LEVEL: 'warn',
  PARAGRAF_LIVE_MAX_CLIENTS: String(VIEWERS + RECONNECTS + 100),
  PARAGRAF_LIVE_MAX_PER_ADDRESS: String(VIEWERS + RECONNECTS + 100),
});
const load = new LoadClient(server, WRITERS);

/** When each yrkande's command was answered, by its text; and when sampled viewers got it. */
const answeredAt = new Map<string, number>();
const arrivals = new Map<string, number[]>();
const delivery: number[] = [];

/**
 * Each writer records yrkanden until `untilMs`: at RATE a second, its first offset so the
 * writers do not fire together, or (RATE 0) each as soon as the last was answered. A command's
 * latency counts from when it was due, so a server that falls behind its schedule is charged
 * for the wait too (no coordinated omission).
 */
async function record(paragraphs: string[], untilMs: number, tag: string): Promise<number[]> {
  const latencies: number[] = [];
  const intervalMs = RATE > 0 ? 1000 / RATE : 0;
  const start = performance.now();
  await Promise.all(
    paragraphs.map(async (p, w) => {
      for (let i = 0; Date.now() < untilMs; i++) {
        const text = `${tag}:${w}:${i}`;
        const due = start + (w / paragraphs.length + i) * intervalMs;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (Date.now() >= untilMs) break;
        const latency = await load.motion(p, w, text);
        const t1 = performance.now();
        latencies.push(intervalMs > 0 ? t1 - due : latency);
        answeredAt.set(text, t1);
        for (const at of arrivals.get(text) ?? []) delivery.push(Math.max(0, at - t1));
        arrivals.delete(text);
      }
    }),
  );
  return latencies;
}

/** Sampled viewers parse frames to time each yrkande's delivery; the others only read. */
function view(meetingId: string, sampled: boolean, lastEventId?: string): Promise<Viewer> {
  let buffer = '';
  return load.view(meetingId, lastEventId, (chunk) => {
    if (!sampled) return;
    const now = performance.now();
    buffer += chunk;
    let sep: number;
    while ((sep = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, sep);
      buffer = buffer.slice(sep + 2);
      const m = /"text":"(live:[^"]+)"/.exec(frame);
      if (!m) continue;
      const t1 = answeredAt.get(m[1]);
      if (t1 !== undefined) delivery.push(Math.max(0, now - t1));
      else arrivals.set(m[1], [...(arrivals.get(m[1]) ?? []), now]);
    }
  });
}

const pct = percentile;
const r1 = round1;
/** Server + live fan-out process: the stream's whole cost in memory. */
const rss = () => server.rssMb() + server.childrenRssMb();

/**
 * The viewers not sampled, in a process of their own (support/raw-viewers.ts): reading 4,800
 * sockets there never delays this event loop, which times the commands and the deliveries. They
 * connect in steps, with the timed viewers' share between steps, so that the timed ones are
 * spread over the fan-out's write order (not all written to first).
 */
const readers: { child?: ChildProcess } = {};
async function connectViewers(
  meetingId: string,
  timed: number,
  others: number,
): Promise<Viewer[] & { refusedOthers: number }> {
  const steps = Math.max(1, Math.min(timed, 24));
  const viewers: Viewer[] = [];
  let refused = 0;
  const child = others
    ? fork(
        fileURLToPath(new URL('./support/raw-viewers.ts', import.meta.url)),
        [server.baseUrl, meetingId, String(others), String(steps)],
        { execArgv: ['--import', 'tsx'] },
      )
    : undefined;
  readers.child = child;
  const step = () =>
    new Promise<void>((resolve, reject) => {
      child!.once('message', (m: { refused: number }) => {
        refused += m.refused;
        resolve();
      });
      child!.once('exit', (code) => reject(new Error(`the readers' process exited (${code})`)));
    });
  for (let s = 0; s < steps; s++) {
    if (child) {
      await step();
      child.removeAllListeners('exit');
    }
    const upTo = Math.round(((s + 1) * timed) / steps);
    const n = upTo - viewers.length;
    viewers.push(...(await Promise.all(Array.from({ length: n }, () => view(meetingId, true)))));
    if (child && s < steps - 1) child.send({ t: 'next' });
  }
  return Object.assign(viewers, { refusedOthers: refused });
}
const readersCpu = () => (readers.child?.pid ? cpuOf(readers.child.pid) : 0);

/** How the machine was shared during a phase: CPU seconds of each party, the load average. */
function cpuMeter() {
  const s0 = server.cpuSeconds();
  const b0 = process.cpuUsage();
  const r0 = readersCpu();
  const t0 = Date.now();
  return () => {
    const s1 = server.cpuSeconds();
    const b1 = process.cpuUsage(b0);
    const wall = (Date.now() - t0) / 1000;
    return {
      wall_s: r1(wall),
      server_cpu_s: r1(s1.server - s0.server),
      fanout_cpu_s: r1(s1.children - s0.children),
      bench_cpu_s: r1((b1.user + b1.system) / 1e6),
      readers_cpu_s: r1(readersCpu() - r0),
      load_avg_1m: r1(loadavg()[0]),
    };
  };
}

try {
  await waitUntilUp(server);
  const { meetingId, paragraphs } = await load.meeting(WRITERS);

  const load0 = r1(loadavg()[0]);
  const meterWithout = cpuMeter();
  const without = await record(paragraphs, Date.now() + SECONDS * 1000, 'base');
  const cpuWithout = meterWithout();
  await new Promise((r) => setTimeout(r, 2000));
  const rssBefore = rss();

  const sampled = Math.min(SAMPLED, VIEWERS);
  const viewers = await connectViewers(meetingId, sampled, VIEWERS - sampled);
  const refused = viewers.filter((v) => v.status !== 200).length + viewers.refusedOthers;
  await new Promise((r) => setTimeout(r, 2000));
  const rssViewers = rss();
  const meterWith = cpuMeter();

  // Writers with viewers; the reconnects from position 0 spread over the phase.
  const until = Date.now() + SECONDS * 1000;
  const reconnected: Viewer[] = [];
  const reconnecting = (async () => {
    for (let i = 0; i < RECONNECTS; i++) {
      reconnected.push(await view(meetingId, false, '0'));
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / RECONNECTS / 2));
    }
  })();
  const withViewers = await record(paragraphs, until, 'live');
  const cpuWith = meterWith();
  await reconnecting;
  await new Promise((r) => setTimeout(r, 1000));
  const rssPeak = rss();
  const replayed = reconnected.filter((v) => v.chunks > 1).length;
  const reconnectRefused = reconnected.filter((v) => v.status !== 200).length;
  for (const v of [...viewers, ...reconnected]) v.req.destroy();
  readers.child?.send({ t: 'close' });
  await new Promise((r) => setTimeout(r, 3000));
  const rssAfter = rss();
  const dropped = Number(
    /paragraf_live_clients_dropped_total (\d+)/.exec(
      await (await fetch(`${server.baseUrl}/metrics`)).text(),
    )?.[1],
  );

  const result = {
    fanout: process.env.PARAGRAF_LIVE_FANOUT || 'process',
    fanout_processes: Number(process.env.PARAGRAF_LIVE_FANOUT_PROCESSES || DEFAULT_LIVE.fanOutProcesses),
    viewers: VIEWERS,
    reconnects_from_0: RECONNECTS,
    writers: WRITERS,
    rate_per_writer: RATE,
    seconds_per_phase: SECONDS,
    commands_without: without.length,
    commands_with: withViewers.length,
    cmd_p50_ms_without: r1(pct(without, 50)),
    cmd_p99_ms_without: r1(pct(without, 99)),
    cmd_p50_ms_with: r1(pct(withViewers, 50)),
    cmd_p99_ms_with: r1(pct(withViewers, 99)),
    p99_ratio: Math.round((pct(withViewers, 99) / pct(without, 99)) * 100) / 100,
    deliveries_measured: delivery.length,
    delivery_p50_ms: r1(pct(delivery, 50)),
    delivery_p99_ms: r1(pct(delivery, 99)),
    rss_before_mb: r1(rssBefore),
    rss_with_viewers_mb: r1(rssViewers),
    rss_growth_mb: r1(rssViewers - rssBefore),
    rss_peak_mb: r1(rssPeak),
    rss_after_close_mb: r1(rssAfter),
    refused,
    reconnects_replayed: replayed,
    reconnects_refused: reconnectRefused,
    dropped,
    fanout_rss_mb: r1(server.childrenRssMb()),
    load_avg_at_start: load0,
    machine_without: cpuWithout,
    machine_with: cpuWith,
  };
  console.log(`
bench:live (fan-out: ${result.fanout}${result.fanout === 'process' ? ` × ${result.fanout_processes}` : ''}) — ${VIEWERS} viewers + ${RECONNECTS} reconnects from 0, ${WRITERS} writers at ${RATE > 0 ? `${RATE}/s each` : 'full speed'}, ${SECONDS} s per phase

                          without viewers   with viewers
  commands                ${String(result.commands_without).padStart(15)}   ${String(result.commands_with).padStart(12)}
  command p50 (ms)        ${String(result.cmd_p50_ms_without).padStart(15)}   ${String(result.cmd_p50_ms_with).padStart(12)}
  command p99 (ms)        ${String(result.cmd_p99_ms_without).padStart(15)}   ${String(result.cmd_p99_ms_with).padStart(12)}   ratio ${result.p99_ratio} (target ≤ 2)

  delivery to viewers     p50 ${result.delivery_p50_ms} ms, p99 ${result.delivery_p99_ms} ms (target ≤ 100), ${delivery.length} deliveries timed on ${SAMPLED} viewers
  server + fan-out RSS (MB) before ${result.rss_before_mb}, with viewers ${result.rss_with_viewers_mb} (growth ${result.rss_growth_mb}, target ≤ 100), peak ${result.rss_peak_mb}, after close ${result.rss_after_close_mb}
  CPU seconds (without)   server ${cpuWithout.server_cpu_s}, fan-out ${cpuWithout.fanout_cpu_s}, this benchmark ${cpuWithout.bench_cpu_s} in ${cpuWithout.wall_s} s; load average ${cpuWithout.load_avg_1m}
  CPU seconds (with)      server ${cpuWith.server_cpu_s}, fan-out ${cpuWith.fanout_cpu_s}, this benchmark (${Math.min(SAMPLED, VIEWERS)} timed viewers) ${cpuWith.bench_cpu_s}, its other ${Math.max(0, VIEWERS - SAMPLED)} readers ${cpuWith.readers_cpu_s} in ${cpuWith.wall_s} s; load average ${cpuWith.load_avg_1m}
  refused ${refused}, reconnects replayed ${replayed}/${RECONNECTS} (refused ${reconnectRefused}), slow clients dropped ${dropped}
`);
  console.log(JSON.stringify(result));
} finally {
  readers.child?.kill();
  server.child.kill('SIGTERM');
  await server.exited;
  load.agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
