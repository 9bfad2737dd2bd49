/**
 * Live-stream benchmark (`npm run bench:live`; a script, not a test). The real server in its
 * own process (from source), a temp SQLite file at the default durability (FULL).
 *
 *   1. baseline: 20 clients record yrkanden (each on its own paragraph) for --seconds, no viewers;
 *   2. the same load with 5,000 viewers of the meeting connected, plus 200 reconnects with
 *      Last-Event-ID: 0 spread over the phase (each replays the meeting's history).
 *
 * Prints command p99 with and without viewers (and their ratio), the delivery latency of
 * yrkanden to viewers (from the command's answer to the event's arrival; measured on a sample
 * of viewers, while all of them read), and the server's RSS; the last line is one JSON object.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { helpRequested } from './support/cli.js';
import { startServer, waitUntilUp } from './support/server.js';

helpRequested(`
Usage: npm run bench:live -- [--viewers N] [--reconnects N] [--writers N] [--seconds N]

The server from source on a temp folder; 20 writers record yrkanden without viewers, then with
5,000 viewers of the meeting and 200 reconnects from Last-Event-ID 0. Prints command p99 with
and without viewers, delivery p99 to viewers, server RSS; the last line is one JSON object.
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
const SAMPLED = 200; // viewers that parse frames to time delivery; the rest only read
const PORT = 30_000 + Math.floor(Math.random() * 20_000);

const agent = new http.Agent({ keepAlive: true, maxSockets: WRITERS * 2 });
const dir = mkdtempSync(join(tmpdir(), 'paragraf-bench-live-'));
const server = startServer(dir, PORT, {
  LOG_LEVEL: 'warn',
  PARAGRAF_LIVE_MAX_CLIENTS: String(VIEWERS + RECONNECTS + 100),
  PARAGRAF_LIVE_MAX_PER_ADDRESS: String(VIEWERS + RECONNECTS + 100),
});

function post(path: string, body: object): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      `${server.baseUrl}${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${server.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function must(path: string, body: object): Promise<Record<string, unknown>> {
  const res = await post(path, body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const members = Array.from({ length: 9 }, (_, i) => ({
  memberId: `m-${i}`,
  name: `Ledamot ${i}`,
  party: ['S', 'M', 'C', 'L', 'V'][i % 5],
  role: 'ledamot',
}));

async function setUp(): Promise<{ meetingId: string; paragraphs: string[] }> {
  const { meetingId } = (await must('/meetings', {
    body: { id: 'bench', name: 'Benchutskottet', shortName: 'BU' },
    date: '2026-01-15',
    startTime: '09:00',
    place: 'Stadshuset',
    chair: 'm-0',
    secretary: { name: 'Sekreterare' },
    members,
  })) as { meetingId: string };
  await must(`/meetings/${meetingId}/attendance`, {
    present: members.map((m) => m.memberId),
    absent: [],
    servingSubstitutes: [],
  });
  await must(`/meetings/${meetingId}/open`, { at: '2026-01-15T09:00:00+01:00' });
  const paragraphs: string[] = [];
  for (let i = 0; i < WRITERS; i++) {
    const { paragraphId } = (await must(`/meetings/${meetingId}/paragraphs`, {
      caseNumber: `BU 2026-${i + 1}`,
      title: `Ärende ${i + 1}`,
      summary: ['Sammanfattning.'],
      basisDocuments: ['Tjänsteutlåtande'],
      proposal: {
        proposer: 'förvaltningen',
        document: 'tjänsteutlåtande',
        decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna.'] } },
      },
    })) as { paragraphId: string };
    paragraphs.push(paragraphId);
  }
  return { meetingId, paragraphs };
}

/** When each yrkande's command was answered, by its text; and when sampled viewers got it. */
const answeredAt = new Map<string, number>();
const arrivals = new Map<string, number[]>();
const delivery: number[] = [];

async function record(paragraphs: string[], untilMs: number, tag: string): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    paragraphs.map(async (p, w) => {
      for (let i = 0; Date.now() < untilMs; i++) {
        const text = `${tag}:${w}:${i}`;
        const t0 = performance.now();
        const res = await post(`/paragraphs/${p}/motions`, {
          proposerId: `m-${1 + (w % 8)}`,
          kind: 'fritt',
          text,
        });
        const t1 = performance.now();
        if (res.status !== 201) throw new Error(`motion: ${res.status} ${JSON.stringify(res.body)}`);
        latencies.push(t1 - t0);
        answeredAt.set(text, t1);
        for (const at of arrivals.get(text) ?? []) delivery.push(Math.max(0, at - t1));
        arrivals.delete(text);
      }
    }),
  );
  return latencies;
}

interface Viewer {
  req: http.ClientRequest;
  frames: number;
  status: number;
}

function view(meetingId: string, sampled: boolean, lastEventId?: string): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const v: Viewer = { req: null as unknown as http.ClientRequest, frames: 0, status: 0 };
    v.req = http.get(
      `${server.baseUrl}/meetings/${meetingId}/live`,
      { headers: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) } },
      (res) => {
        v.status = res.statusCode ?? 0;
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          if (!sampled) {
            v.frames++;
            return;
          }
          const now = performance.now();
          buffer += chunk;
          let sep: number;
          while ((sep = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, sep);
            buffer = buffer.slice(sep + 2);
            v.frames++;
            const m = /"text":"(live:[^"]+)"/.exec(frame);
            if (!m) continue;
            const t1 = answeredAt.get(m[1]);
            if (t1 !== undefined) delivery.push(Math.max(0, now - t1));
            else arrivals.set(m[1], [...(arrivals.get(m[1]) ?? []), now]);
          }
        });
        res.on('error', () => {});
        resolve(v);
      },
    );
    v.req.on('error', reject);
  });
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r1 = (x: number) => Math.round(x * 10) / 10;

try {
  await waitUntilUp(server);
  const { meetingId, paragraphs } = await setUp();
  // The meeting must be in the read model before viewers can connect.
  for (let i = 0; ; i++) {
    const probe = await view(meetingId, false);
    probe.req.destroy();
    if (probe.status === 200) break;
    if (i > 600) throw new Error(`live stream answered ${probe.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  const without = await record(paragraphs, Date.now() + SECONDS * 1000, 'base');
  await new Promise((r) => setTimeout(r, 2000));
  const rssBefore = server.rssMb();

  const viewers: Viewer[] = [];
  for (let i = 0; i < VIEWERS; i += 250) {
    viewers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(250, VIEWERS - i) }, (_, j) => view(meetingId, i + j < SAMPLED)),
      )),
    );
  }
  const refused = viewers.filter((v) => v.status !== 200).length;
  await new Promise((r) => setTimeout(r, 2000));
  const rssViewers = server.rssMb();

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
  await reconnecting;
  await new Promise((r) => setTimeout(r, 1000));
  const rssPeak = server.rssMb();
  const replayed = reconnected.filter((v) => v.frames > 1).length;
  const reconnectRefused = reconnected.filter((v) => v.status !== 200).length;
  for (const v of [...viewers, ...reconnected]) v.req.destroy();
  await new Promise((r) => setTimeout(r, 3000));
  const rssAfter = server.rssMb();
  const dropped = Number(
    /paragraf_live_clients_dropped_total (\d+)/.exec(
      await (await fetch(`${server.baseUrl}/metrics`)).text(),
    )?.[1],
  );

  const result = {
    viewers: VIEWERS,
    reconnects_from_0: RECONNECTS,
    writers: WRITERS,
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
  };
  console.log(`
bench:live — ${VIEWERS} viewers + ${RECONNECTS} reconnects from 0, ${WRITERS} writers, ${SECONDS} s per phase

                          without viewers   with viewers
  commands                ${String(result.commands_without).padStart(15)}   ${String(result.commands_with).padStart(12)}
  command p50 (ms)        ${String(result.cmd_p50_ms_without).padStart(15)}   ${String(result.cmd_p50_ms_with).padStart(12)}
  command p99 (ms)        ${String(result.cmd_p99_ms_without).padStart(15)}   ${String(result.cmd_p99_ms_with).padStart(12)}   ratio ${result.p99_ratio} (target ≤ 2)

  delivery to viewers     p50 ${result.delivery_p50_ms} ms, p99 ${result.delivery_p99_ms} ms (target ≤ 100), ${delivery.length} deliveries timed on ${SAMPLED} viewers
  server RSS (MB)         before ${result.rss_before_mb}, with viewers ${result.rss_with_viewers_mb} (growth ${result.rss_growth_mb}, target ≤ 100), peak ${result.rss_peak_mb}, after close ${result.rss_after_close_mb}
  refused ${refused}, reconnects replayed ${replayed}/${RECONNECTS} (refused ${reconnectRefused}), slow clients dropped ${dropped}
`);
  console.log(JSON.stringify(result));
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  agent.destroy();
  rmSync(dir, { recursive: true, force: true });
}
