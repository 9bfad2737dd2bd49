/**
 * HTTP benchmark (`npm run bench:http`; a script, not a test).
 *
 * Load: autocannon, 10 connections for 10 s, recording yrkanden (POST /paragraphs/:id/motions)
 * round-robin on many open paragraphs, through the real API (built server from dist/, its own
 * process, a temp SQLite file). Baseline in the same run: a minimal NestJS app on Fastify with
 * the same global ValidationPipe and the very same DTO class, whose POST inserts one row with raw
 * better-sqlite3 (same journal mode and `synchronous`). The two servers run side by side and
 * take the load in turns, two 5-s slices each (see `measure`). Both run at the store's default
 * durability (FULL) and again at NORMAL.
 *
 * Prints a table; the very last line is one JSON object (the FULL pair, the default setting):
 * {commands_per_s, p50_ms, p99_ms, baseline_per_s, ratio}.
 *
 * The server code must run compiled (tsx emits no decorator metadata), so this builds first
 * unless `--no-build` is given. `--serve-baseline` is how the script starts the baseline child.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { helpRequested } from './support/cli.js';

// Before anything is built, spawned or written.
helpRequested(`
Usage: npm run bench:http -- [--no-build]

API commands (POST yrkanden, autocannon, 10 connections) against a minimal NestJS + SQLite
baseline in the same run, at FULL and NORMAL, on temp files. Builds the server first unless
--no-build. Prints a table, then one JSON line.
`);

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist/apps/api/src');
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const PARAGRAPHS = 500;
/** Each side's DURATION_S is split into this many slices, taken in turns with the other side. */
const ROUNDS = 2;
const MOTION = {
  proposerId: 'ksau-beronius',
  kind: 'fritt',
  text: 'Kommunstyrelsens arbetsutskott beslutar för egen del att arbeta in nämndinitiativet i delårsrapporten.',
};

interface AutocannonResult {
  readonly '2xx': number;
  readonly non2xx: number;
  readonly errors: number;
  readonly duration: number;
  readonly latency: { readonly p50: number; readonly p99: number; readonly average: number };
  readonly requests: { readonly average: number };
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

type Sync = 'FULL' | 'NORMAL';

// ─── the baseline server (child process) ─────────────────────────────────────────────

async function serveBaseline(port: number, dbPath: string, synchronous: Sync): Promise<void> {
  await import('reflect-metadata');
  const common = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const Database = (await import('better-sqlite3')).default;
  // The API's own DTO and ValidationPipe, compiled with their decorator metadata.
  const { ProposeMotionDto } = await import(pathToFileURL(join(DIST, 'http/dto/paragraph.dto.js')).href);
  const { validationPipe } = await import(pathToFileURL(join(DIST, 'http/validation.js')).href);

  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE motions (id INTEGER PRIMARY KEY, paragraph_id TEXT NOT NULL, data TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO motions (paragraph_id, data) VALUES (?, ?)');

  // Written without TypeScript decorators (tsx emits no metadata): the same calls tsc would emit.
  class BaselineController {
    create(paragraphId: string, body: object) {
      const { lastInsertRowid } = insert.run(paragraphId, JSON.stringify(body));
      return { revision: Number(lastInsertRowid) };
    }
  }
  const create = Object.getOwnPropertyDescriptor(BaselineController.prototype, 'create')!;
  Reflect.defineMetadata(
    'design:paramtypes',
    [String, ProposeMotionDto],
    BaselineController.prototype,
    'create',
  );
  common.Param('paragraphId')(BaselineController.prototype, 'create', 0);
  common.Body()(BaselineController.prototype, 'create', 1);
  common.HttpCode(201)(BaselineController.prototype, 'create', create);
  common.Post('paragraphs/:paragraphId/motions')(BaselineController.prototype, 'create', create);
  common.Controller()(BaselineController);
  class BaselineModule {}
  common.Module({ controllers: [BaselineController] })(BaselineModule);

  const app = await NestFactory.create(BaselineModule, new FastifyAdapter({ bodyLimit: 256 * 1024 }), {
    logger: false,
  });
  app.useGlobalPipes(validationPipe());
  await app.listen(port, '127.0.0.1');
  process.send?.('ready');
}

// ─── the driver ─────────────────────────────────────────────────────────────────────

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not come up`);
}

async function startApi(
  dir: string,
  port: number,
  synchronous: Sync,
): Promise<{ child: ChildProcess; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const usersFile = join(dir, 'users.json');
  const tokenSha256 = createHash('sha256').update(token).digest('hex');
  writeFileSync(
    usersFile,
    JSON.stringify({ users: [{ id: 'bench', name: 'Bench', role: 'clerk', tokenSha256 }] }),
  );
  const child = spawn(process.execPath, [join(DIST, 'main.js')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PARAGRAF_EVENT_STORE: 'sqlite',
      PARAGRAF_SQLITE_PATH: join(dir, 'events.db'),
      PARAGRAF_SQLITE_SYNCHRONOUS: synchronous,
      PARAGRAF_USERS_FILE: usersFile,
      // Request logs on, as deployed; stdout goes to /dev/null.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      NODE_ENV: 'production',
    },
  });
  await waitForHealth(`http://127.0.0.1:${port}/health`, child);
  return { child, token };
}

async function post(url: string, token: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A meeting of ks-au with attendance, open, and PARAGRAPHS open paragraphs. */
async function prepare(base: string, token: string): Promise<string[]> {
  const { s65Body, s65Members } = await import('../test/scenarios/s65.js');
  const { meetingId } = (await post(`${base}/meetings`, token, {
    body: s65Body,
    date: '2024-05-27',
    startTime: '13:00',
    place: 'Stadshuset',
    chair: 'ksau-ordf',
    secretary: { name: 'Karin Sjödin' },
    members: s65Members,
  })) as { meetingId: string };
  await post(`${base}/meetings/${meetingId}/attendance`, token, {
    present: ['ksau-ordf', 'ksau-beronius', 'ksau-lindberg', 'ksau-akesson', 'ksau-ers-nord'],
    absent: ['ksau-farah', 'ksau-ers-berg'],
    servingSubstitutes: [{ substituteId: 'ksau-ers-nord', forMemberId: 'ksau-farah' }],
  });
  await post(`${base}/meetings/${meetingId}/open`, token, {});
  const ids: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) {
    const { paragraphId } = (await post(`${base}/meetings/${meetingId}/paragraphs`, token, {
      caseNumber: `KS 2024-${i + 1}`,
      title: `Ärende ${i + 1}`,
      summary: ['Sammanfattning.'],
      basisDocuments: ['Tjänsteutlåtande'],
      proposal: { proposer: 'kommunstyrelsekontoret', decision: { ownDecisions: ['att godkänna'] } },
    })) as { paragraphId: string };
    ids.push(paragraphId);
  }
  return ids;
}

async function load(
  base: string,
  paragraphIds: readonly string[],
  token?: string,
  duration = DURATION_S,
): Promise<AutocannonResult> {
  let next = 0;
  const body = JSON.stringify(MOTION);
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration,
    requests: [
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body,
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          path: `/paragraphs/${paragraphIds[next++ % paragraphIds.length]}/motions`,
        }),
      },
    ],
  });
}

interface Row {
  readonly name: string;
  readonly perS: number;
  readonly p50: number;
  readonly p99: number;
  readonly failed: number;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** The runs of one side, as one: requests over total time; p50 averaged, p99 the worst. */
function combine(name: string, runs: readonly AutocannonResult[]): Row {
  const ok = runs.reduce((n, r) => n + r['2xx'], 0);
  const seconds = runs.reduce((n, r) => n + r.duration, 0);
  return {
    name,
    perS: ok / seconds,
    p50: runs.reduce((n, r) => n + r.latency.p50, 0) / runs.length,
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    failed: runs.reduce((n, r) => n + r.non2xx + r.errors, 0),
  };
}

/**
 * Both servers run side by side (the idle one costs nothing) and take turns under load, in
 * ROUNDS slices of DURATION_S / ROUNDS seconds each, so that both meet the same machine: on
 * these shared machines disk latency (fsync) and load drift within a minute, and measuring one
 * side after the other moved the ratio by ±20 % between runs.
 */
async function measure(synchronous: Sync, port: number): Promise<{ api: Row; baseline: Row }> {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-bench-http-'));
  const { child: api, token } = await startApi(dir, port, synchronous).catch((err: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  const baseline = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts/bench-http.ts'),
      '--serve-baseline',
      String(port + 1),
      join(dir, 'baseline.db'),
      synchronous,
    ],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  try {
    await new Promise<void>((ok, fail) => {
      baseline.once('message', () => ok());
      baseline.once('exit', (code) => fail(new Error(`baseline exited with ${code}`)));
    });
    const apiBase = `http://127.0.0.1:${port}`;
    const baselineBase = `http://127.0.0.1:${port + 1}`;
    const paragraphs = await prepare(apiBase, token);
    const ids = Array.from({ length: PARAGRAPHS }, (_, i) => `p${i}`);
    // Warm-up: JIT and caches, equally for both.
    await load(apiBase, paragraphs, token, 2);
    await load(baselineBase, ids, undefined, 2);
    const apiRuns: AutocannonResult[] = [];
    const baselineRuns: AutocannonResult[] = [];
    const slice = DURATION_S / ROUNDS;
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first, so neither always follows the other.
      const order = round % 2 === 0 ? (['api', 'baseline'] as const) : (['baseline', 'api'] as const);
      for (const side of order) {
        if (side === 'api') apiRuns.push(await load(apiBase, paragraphs, token, slice));
        else baselineRuns.push(await load(baselineBase, ids, undefined, slice));
      }
    }
    return {
      api: combine(`API ProposeMotion (${synchronous})`, apiRuns),
      baseline: combine(`Baseline NestJS + 1 INSERT (${synchronous})`, baselineRuns),
    };
  } finally {
    await stop(api);
    await stop(baseline);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  const results: Record<Sync, { api: Row; baseline: Row }> = {
    FULL: await measure('FULL', 3901),
    NORMAL: await measure('NORMAL', 3903),
  };

  const fmt = (n: number, d = 0) => n.toFixed(d).padStart(9);
  console.log(
    `\nHTTP API benchmark: ${CONNECTIONS} connections, ${DURATION_S} s per side in ${ROUNDS} alternating slices, yrkanden on ${PARAGRAPHS} open paragraphs\n`,
  );
  console.log(
    `${'run'.padEnd(38)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'non-2xx'.padStart(9)}`,
  );
  for (const sync of ['FULL', 'NORMAL'] as const) {
    for (const r of [results[sync].api, results[sync].baseline]) {
      console.log(`${r.name.padEnd(38)}${fmt(r.perS)}${fmt(r.p50, 1)}${fmt(r.p99, 1)}${fmt(r.failed)}`);
    }
    console.log(
      `${`ratio API / baseline (${sync})`.padEnd(38)}${fmt(results[sync].api.perS / results[sync].baseline.perS, 2)}`,
    );
  }
  const { api, baseline } = results.FULL;
  console.log(
    JSON.stringify({
      commands_per_s: Math.round(api.perS),
      p50_ms: api.p50,
      p99_ms: api.p99,
      baseline_per_s: Math.round(baseline.perS),
      ratio: Number((api.perS / baseline.perS).toFixed(2)),
    }),
  );
}

const serve = process.argv.indexOf('--serve-baseline');
if (serve >= 0) {
  const [port, dbPath, sync] = process.argv.slice(serve + 1);
  await serveBaseline(Number(port), dbPath, sync as Sync);
} else {
  await main();
}
