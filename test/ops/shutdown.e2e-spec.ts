/**
 * Graceful shutdown of the real server process: SIGTERM with live viewers connected and
 * writers in flight. Exit code 0 within 10 s, one log line, the live streams ended, and every
 * command answered 2xx is in the store.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SqliteEventStore } from '@app/event-store';
import { hashToken, newToken } from '../../apps/api/src/auth/users.js';
import type { TestApi } from '../api/support/harness.js';
import { MOTION, openMeeting } from '../api/support/setup.js';
import { SseClient } from '../projections/support/sse.js';
import { freePort } from '../web/support/server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The API's main.ts in a child process, from source (swc, so Nest gets decorator metadata). */
export function spawnServer(dir: string, port: number, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './test/support/swc-register.mjs', 'apps/api/src/main.ts'],
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
        PARAGRAF_SQLITE_SYNCHRONOUS: 'NORMAL',
        ...env,
      },
    },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => out };
}

async function waitUntilUp(baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/health/live`)).ok || (await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SIGTERM with live clients and writers in flight: exit 0 within 10 s, every 2xx stored', async () => {
    const token = newToken();
    writeFileSync(
      join(dir, 'users.json'),
      JSON.stringify({
        users: [{ id: 'clerk', name: 'clerk', role: 'clerk', tokenSha256: hashToken(token) }],
      }),
    );
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const server = spawnServer(dir, port);
    try {
      await waitUntilUp(baseUrl, server.output);
      const api = { http: request(baseUrl), auth: () => `Bearer ${token}` } as unknown as TestApi;
      const { meetingId, paragraphIds } = await openMeeting(api, 2);

      // Live viewers (the public view), once the meeting is in the read model.
      const viewers: SseClient[] = [];
      for (let i = 0; i < 5; i++) {
        const v = new SseClient();
        for (let tries = 0; ; tries++) {
          await v.open(`${baseUrl}/meetings/${meetingId}/live`, {});
          if (v.status === 200 || tries > 300) break;
          v.close();
          await new Promise((r) => setTimeout(r, 100));
        }
        expect(v.status).toBe(200);
        viewers.push(v);
      }
      const ended = viewers.map((v) => v.ended);

      // Writers: each posts motions until the server stops answering.
      const accepted: string[] = [];
      const statuses = new Map<number, number>();
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const res = await fetch(`${baseUrl}/paragraphs/${paragraphIds[w % 2]}/motions`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ ...MOTION, text: `w${w} #${i}` }),
            });
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const body = (await res.json()) as { motionId?: string };
            if (res.status >= 200 && res.status < 300) accepted.push(body.motionId!);
          } catch {
            return; // connection refused or reset: the server is gone
          }
        }
      };
      const writers = Array.from({ length: 8 }, (_, w) => writer(w));
      while (accepted.length < 40) await new Promise((r) => setTimeout(r, 10));

      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      const { code, signal } = await server.exited;
      const took = Date.now() - signalledAt;
      stop = true;
      await Promise.all(writers);
      await Promise.all(ended);

      expect({ code, signal, log: code === 0 ? '' : server.output().slice(-3000) }).toEqual({
        code: 0,
        signal: null,
        log: '',
      });
      expect(took).toBeLessThan(10_000);
      const lines = server
        .output()
        .split('\n')
        .filter((l) => l.includes('"msg":"shut down"'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({ signal: 'SIGTERM', exitCode: 0 });

      const store = new SqliteEventStore({ path: join(dir, 'events.db') });
      try {
        const stored = new Set(
          (await store.readAll())
            .filter((e) => e.type === 'MotionProposed')
            .map((e) => e.data.motionId as string),
        );
        expect(accepted.filter((id) => !stored.has(id))).toEqual([]);
        expect(accepted.length).toBeGreaterThanOrEqual(40);
      } finally {
        await store.close();
      }
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
