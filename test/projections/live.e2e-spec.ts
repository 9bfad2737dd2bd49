import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openMeeting, MOTION } from '../api/support/setup.js';
import { loadApiConfig } from '../../apps/api/src/config.js';
import { startReadApi, type ReadApi } from './support/harness.js';
import { SseClient } from './support/sse.js';

/** Positions of the meeting's events (meeting stream and its paragraphs) after `after`, from the store. */
async function meetingPositions(api: ReadApi, meetingId: string, paragraphIds: string[], after: bigint) {
  const streams = new Set([`meeting-${meetingId}`, ...paragraphIds.map((p) => `paragraph-${p}`)]);
  return (await api.store.readAll())
    .filter((e) => streams.has(e.streamId) && e.position.commit > after)
    .map((e) => ({ id: String(e.position.commit), type: e.type }));
}

describe('live stream of a meeting (SSE)', () => {
  let api: ReadApi;
  beforeAll(async () => {
    api = await startReadApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('delivers every change in order within 100 ms; a reconnect with Last-Event-ID gets exactly what was missed', async () => {
    const { meetingId, paragraphIds } = await openMeeting(api, 1);
    const [paragraphId] = paragraphIds;
    const clerk = api.auth('clerk');
    const post = async (path: string, body: object) => {
      const res = await api.http.post(path).set('authorization', clerk).send(body);
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return { body: res.body as Record<string, string>, answeredAt: performance.now() };
    };
    await api.models.runner.waitFor(BigInt(await api.eventCount()), 60_000);

    const first = new SseClient();
    await first.open(`${api.baseUrl}/meetings/${meetingId}/live`, { authorization: api.auth('auditor') });
    expect(first.status).toBe(200);
    await first.waitForCount(1);
    expect(first.events[0].type).toBe('ready');
    const start = BigInt(first.events[0].id!);

    // Record a flow over HTTP, each command awaited; its change must arrive promptly after the answer.
    const steps: (() => Promise<{ answeredAt: number }>)[] = [
      () => post(`/paragraphs/${paragraphId}/motions`, { ...MOTION, motionId: 'y-1' }),
      () => post(`/paragraphs/${paragraphId}/motions/y-1/support`, { memberId: 'ksau-lindberg' }),
      () =>
        post(`/paragraphs/${paragraphId}/motions`, {
          proposerId: 'ksau-akesson',
          kind: 'avslag',
          motionId: 'y-2',
        }),
      () =>
        post(`/paragraphs/${paragraphId}/questions`, {
          questionId: 'q-1',
          puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: 'y-2' }],
          finding: { kind: 'proposal' },
        }),
    ];
    const latencies: number[] = [];
    for (const step of steps) {
      const before = first.events.length;
      const { answeredAt } = await step();
      await first.waitForCount(before + 1);
      latencies.push(first.events[before].receivedAt - answeredAt);
    }
    // Delivered on the change, not on some later poll. The 100 ms figure is measured by
    // `npm run bench:live`; a test asserting it fails on a busy machine (CI runs beside load).
    expect(Math.max(...latencies)).toBeLessThan(5000);
    let expected = await meetingPositions(api, meetingId, paragraphIds, start);
    expect(first.events.slice(1).map((e) => ({ id: e.id, type: e.type }))).toEqual(expected);
    const payload = JSON.parse(first.events[1].data);
    expect(payload).toMatchObject({ type: 'MotionProposed', streamId: `paragraph-${paragraphId}` });
    expect(payload.data).toMatchObject({ motionId: 'y-1', paragraphId });

    // Disconnect; more is recorded, incl. a new paragraph; reconnect from the last id received.
    first.close();
    const lastSeen = first.events[first.events.length - 1].id!;
    await post(`/paragraphs/${paragraphId}/decision`, {
      kind: 'sakbeslut',
      content: { ownDecisions: ['att godkänna rapporten'] },
      basedOn: { questionIds: ['q-1'] },
    });
    const second = await post(`/meetings/${meetingId}/paragraphs`, {
      caseNumber: 'KS 2024-16',
      title: 'Nästa ärende',
      summary: ['Sammanfattning.'],
      basisDocuments: [],
      proposal: { proposer: 'kommunstyrelsekontoret', decision: { ownDecisions: ['att godkänna'] } },
    });
    const allParagraphs = [paragraphId, second.body.paragraphId];
    const missed = await meetingPositions(api, meetingId, allParagraphs, BigInt(lastSeen));
    expect(missed.length).toBeGreaterThanOrEqual(2);

    const again = new SseClient();
    await again.open(`${api.baseUrl}/meetings/${meetingId}/live`, {
      authorization: api.auth('chair'),
      'last-event-id': lastSeen,
    });
    await again.waitForCount(missed.length);
    // Live again after the reconnect.
    await post(`/paragraphs/${second.body.paragraphId}/motions`, { ...MOTION, motionId: 'y-9' });
    await again.waitForCount(missed.length + 1);
    await new Promise((r) => setTimeout(r, 150)); // anything extra (a duplicate) would show up now
    again.close();

    expected = await meetingPositions(api, meetingId, allParagraphs, start);
    const received = [...first.events.slice(1), ...again.events].map((e) => ({ id: e.id, type: e.type }));
    expect(received).toEqual(expected); // in order, nothing missed, nothing twice
    expect(again.events.some((e) => e.type === 'ready')).toBe(false);
  });

  it('is public like the protocol itself, while registers need a token; 404 for an unknown meeting', async () => {
    const unknown = await api.http.get('/meetings/00000000-0000-4000-8000-000000000000/live');
    expect(unknown.status).toBe(404); // reached without a token: not 401
    expect((await api.http.get('/protocols/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api.http.get('/register')).status).toBe(401);
    expect((await api.http.get('/statistics')).status).toBe(401);
    expect((await api.http.get('/audit/changes')).status).toBe(401);
  });
});

const cmdline = (pid: string) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return ''; // exited meanwhile
  }
};

/** This process's children that are live fan-out processes (Linux). */
function fanOutProcesses(): string[] {
  return readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
    .split(' ')
    .filter((pid) => pid && cmdline(pid).includes('live-fanout.process'));
}

describe('live stream with the viewers shared by several fan-out processes (docs/adr/0056)', () => {
  let api: ReadApi;
  let before: string[];
  beforeAll(async () => {
    before = fanOutProcesses();
    const { live } = loadApiConfig({ NODE_ENV: 'test' });
    api = await startReadApi({ live: { ...live, fanOut: 'process', fanOutProcesses: 3 } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('every viewer, whichever process holds it, gets each change once, and a replay from 0 gets all', async () => {
    const { meetingId, paragraphIds } = await openMeeting(api, 1);
    await api.models.runner.waitFor(BigInt(await api.eventCount()), 60_000);
    const url = `${api.baseUrl}/meetings/${meetingId}/live`;
    const viewers = Array.from({ length: 7 }, () => new SseClient());
    for (const v of viewers) {
      await v.open(url, {});
      expect(v.status).toBe(200);
      await v.waitForCount(1); // ready
    }
    const clerk = api.auth('clerk');
    for (const motionId of ['y-1', 'y-2']) {
      const res = await api.http
        .post(`/paragraphs/${paragraphIds[0]}/motions`)
        .set('authorization', clerk)
        .send({ ...MOTION, motionId });
      expect(res.status).toBe(201);
    }
    for (const v of viewers) await v.waitForCount(3);
    await new Promise((r) => setTimeout(r, 150)); // a duplicate would show up now
    for (const v of viewers) {
      expect(v.events.map((e) => e.type)).toEqual(['ready', 'MotionProposed', 'MotionProposed']);
    }
    // The viewers went to three fan-out processes, children of this one (the server runs here).
    expect(fanOutProcesses().filter((pid) => !before.includes(pid))).toHaveLength(3);

    const everything = (await api.store.readAll()).filter(
      (e) => e.streamId === `meeting-${meetingId}` || e.streamId === `paragraph-${paragraphIds[0]}`,
    );
    const replay = new SseClient();
    await replay.open(url, { 'last-event-id': '0' });
    await replay.waitForCount(everything.length);
    expect(replay.events.map((e) => e.id)).toEqual(everything.map((e) => String(e.position.commit)));
    for (const v of [...viewers, replay]) v.close();
  });
});
