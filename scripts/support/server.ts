/**
 * The API's main.ts in a child process, from source (swc module hooks, so Nest gets decorator
 * metadata), on a temp folder with one clerk whose token is known. For the shutdown test,
 * bench:live and the soak.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashToken } from '../../apps/api/src/auth/users.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly token: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** Resident memory of the server process, in MB (Linux). */
  rssMb(): number;
  /** Resident memory of the server's child processes (the live fan-out), in MB (Linux). */
  childrenRssMb(): number;
  /** CPU seconds (user + system) used so far by the server process and by its children (Linux). */
  cpuSeconds(): { server: number; children: number };
  /** Open file descriptors of the server process (Linux). */
  handles(): number;
}

export function startServer(dir: string, port: number, env: Record<string, string> = {}): ServerProcess {
  const token = randomBytes(24).toString('base64url');
  writeFileSync(
    join(dir, 'users.json'),
    JSON.stringify({ users: [{ id: 'clerk', name: 'clerk', role: 'clerk', tokenSha256: hashToken(token) }] }),
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/support/swc-register.mjs', 'apps/api/src/main.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        JEST_WORKER_ID: '',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        PARAGRAF_SQLITE_PATH: join(dir, 'events.db'),
        PARAGRAF_USERS_FILE: join(dir, 'users.json'),
        ...env,
      },
    },
  );
  let out = '';
  const keep = (c: string) => {
    out += c;
    if (out.length > 4_000_000) out = out.slice(-2_000_000); // a long soak logs a lot
  };
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid!;
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    exited,
    output: () => out,
    rssMb: () => rssOf(pid),
    childrenRssMb: () => childrenOf(pid).reduce((sum, c) => sum + rssOf(c), 0),
    cpuSeconds: () => ({
      server: cpuOf(pid),
      children: childrenOf(pid).reduce((sum, c) => sum + cpuOf(c), 0),
    }),
    handles: () => {
      try {
        return readdirSync(`/proc/${pid}/fd`).length;
      } catch {
        return NaN;
      }
    },
  };
}

/** Resolves once /health/live answers. */
export async function waitUntilUp(server: ServerProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A server that could not bind has exited: what answers on its port would be another's.
    if (server.child.exitCode !== null) throw new Error(`server exited:\n${server.output().slice(-4000)}`);
    try {
      if ((await fetch(`${server.baseUrl}/health/live`)).ok && server.child.exitCode === null) return;
    } catch {
      /* not listening yet */
    }
    if (server.child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`server did not start:\n${server.output().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return 0; // gone
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** utime + stime of a process, in seconds (USER_HZ is 100 on Linux). */
export function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
