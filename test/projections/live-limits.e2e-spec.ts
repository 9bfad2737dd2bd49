/**
 * The live stream's limits (docs/adr/0028): public content only (a struck entry never leaves
 * the clerk's view, even on a replay from position 0), heartbeats, caps per address and in
 * total (503 + Retry-After), and streams that end on shutdown.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MOTION, openMeeting } from '../api/support/setup.js';
import { startReadApi, type ReadApi } from './support/harness.js';
import { SseClient } from './support/sse.js';

describe('live stream limits', () => {
  let api: ReadApi;
  let meetingId: string;
  let paragraphId: string;
  beforeAll(async () => {
    api = await startReadApi({
      live: { maxClients: 4, maxPerAddress: 3, maxBufferedBytes: 256 * 1024, heartbeatMs: 200 },
    });
    ({
      meetingId,
      paragraphIds: [paragraphId],
    } = await openMeeting(api, 1));
    await api.models.runner.waitFor(BigInt(await api.eventCount()), 60_000); // the meeting is known
  });
  afterAll(async () => {
    await api?.close();
  });

  const url = () => `${api.baseUrl}/meetings/${meetingId}/live`;
  const post = async (path: string, body: object) => {
    const res = await api.http.post(path).set('authorization', api.auth('clerk')).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, string>;
  };

  it('never sends a struck entry, not even from Last-Event-ID: 0; EntryStruck goes without its reason', async () => {
    const secret = 'Felregistrerat yrkande med känsligt innehåll';
    const { motionId } = await post(`/paragraphs/${paragraphId}/motions`, { ...MOTION, text: secret });
    await api.models.runner.waitFor(BigInt(await api.eventCount()), 60_000);
    const watcher = new SseClient();
    await watcher.open(url(), {});
    await watcher.waitForCount(1); // ready
    await post(`/paragraphs/${paragraphId}/strike`, { entryId: motionId, reason: 'Fel ärende, hemligt' });
    const kept = await post(`/paragraphs/${paragraphId}/motions`, {
      ...MOTION,
      text: 'Ett riktigt yrkande.',
    });
    await watcher.waitForCount(3);
    expect(watcher.events[1].type).toBe('EntryStruck');
    expect(watcher.events[1].data).not.toContain('hemligt');
    watcher.close();

    await api.models.runner.waitFor(BigInt(await api.eventCount()), 60_000);
    const replay = new SseClient();
    await replay.open(url(), { 'last-event-id': '0' });
    await replay.waitForCount(1);
    // Everything of the meeting up to now, except the struck motion.
    const types = () => replay.events.map((e) => e.type);
    const deadline = Date.now() + 30_000;
    while (!replay.events.some((e) => e.data.includes(kept.motionId)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(types()).toContain('MeetingScheduled');
    expect(types()).toContain('ParagraphOpened');
    const all = replay.events.map((e) => e.data).join('\n');
    expect(all).not.toContain(secret);
    expect(all).not.toContain('hemligt');
    expect(all).toContain(kept.motionId);
    replay.close();
  });

  it('sends heartbeat comments', async () => {
    const chunks: string[] = [];
    const req = http.get(url(), (res) => res.setEncoding('utf8').on('data', (c: string) => chunks.push(c)));
    req.on('error', () => {});
    const deadline = Date.now() + 30_000;
    while (!chunks.join('').includes(': hb') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    req.destroy();
    expect(chunks.join('')).toContain(': hb\n\n');
  });

  it('caps connections per address and in total: 503 with Retry-After', async () => {
    const open: SseClient[] = [];
    for (let i = 0; i < 3; i++) {
      const c = new SseClient();
      await c.open(url(), {});
      expect(c.status).toBe(200);
      await c.waitForCount(1);
      open.push(c);
    }
    const refused = await new Promise<http.IncomingMessage & { body: string }>((resolve) =>
      http.get(url(), (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve(Object.assign(res, { body })));
      }),
    );
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'LIVE_CAPACITY' });
    // Closing one frees its place.
    open.pop()!.close();
    const deadline = Date.now() + 30_000;
    let again = new SseClient();
    for (;;) {
      await again.open(url(), {});
      if (again.status === 200 || Date.now() > deadline) break;
      again.close();
      again = new SseClient();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(again.status).toBe(200);
    open.push(again);
    for (const c of open) c.close();
  });
});
