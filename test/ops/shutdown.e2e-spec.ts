/**
 * Graceful shutdown of the real server process: SIGTERM with live viewers connected and
 * writers in flight. Exit code 0 within 10 s, one log line, the live streams ended, and every
 * command answered 2xx is in the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SqliteEventStore } from '@app/event-store';
import { startServer, waitUntilUp } from '../../scripts/support/server.js';
import type { TestApi } from '../api/support/harness.js';
import { MOTION, openMeeting } from '../api/support/setup.js';
import { SseClient } from '../projections/support/sse.js';
import { freePort } from '../web/support/server.js';

describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('SIGTERM with live clients and writers in flight: exit 0 within 10 s, every 2xx stored', async () => {
    const server = startServer(dir, await freePort(), { PARAGRAF_SQLITE_SYNCHRONOUS: 'NORMAL' });
    const { baseUrl, token } = server;
    try {
      await waitUntilUp(server);
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
