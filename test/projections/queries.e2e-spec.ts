import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateHistory, rng, type Append } from '../../libs/projections/src/testing/index.js';
import { startReadApi, type ReadApi } from './support/harness.js';

describe('read-model queries and audit over HTTP', () => {
  let api: ReadApi;
  let appends: Append[];
  let head: bigint;
  let meetingId: string;
  const all = () => appends.flatMap((a) => a.events);

  beforeAll(async () => {
    api = await startReadApi();
    appends = [
      ...generateHistory(rng(99), { bodies: 2, meetingsPerBody: 3, maxParagraphs: 4, startYear: 2024 }),
    ];
    for (const a of appends) head = (await api.store.appendToStream(a.stream, a.events)).position.commit;
    await api.models.runner.waitFor(head, 60_000);
    meetingId = (appends[0].events[0].data as { meetingId: string }).meetingId;
  });
  afterAll(async () => {
    await api?.close();
  });
  const get = (path: string, accept?: string) => {
    const r = api.http.get(path).set('authorization', api.auth('auditor'));
    return accept ? r.set('accept', accept) : r;
  };

  it('serves the protocol as JSON, text, Markdown and escaped HTML', async () => {
    const json = await get(`/protocols/${meetingId}`, 'application/json');
    expect(json.status).toBe(200);
    const numbers = json.body.paragraphs.map((p: { number: number }) => p.number);
    expect(numbers).toEqual([...numbers].sort((a: number, b: number) => a - b));
    expect(json.body.paragraphs.every((p: { status: string }) => p.status === 'justified')).toBe(true);
    const text = await get(`/protocols/${meetingId}`, 'text/plain');
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.text).toContain(json.body.body.name);
    const html = await get(`/protocols/${meetingId}`, 'text/html');
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
    expect(html.text).not.toMatch(/<script/i);
    const pid = json.body.paragraphs[0].paragraphId;
    const extract = await get(`/meetings/${meetingId}/paragraphs/${pid}/extract`, 'text/markdown');
    expect(extract.status).toBe(200);
    expect(extract.text).toContain(json.body.paragraphs[0].title);
    expect((await get(`/protocols/${meetingId}`, 'image/png')).status).toBe(406);
  });

  it('lists every meeting, newest first, filtered by body and year', async () => {
    const scheduled = all().filter((e) => e.type === 'MeetingScheduled');
    const list = await get('/meetings');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(scheduled.length);
    const dates = list.body.items.map((m: { date: string }) => m.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const mine = list.body.items.find((m: { meetingId: string }) => m.meetingId === meetingId);
    const opened = all().filter(
      (e) => e.type === 'ParagraphOpened' && (e.data as { meetingId: string }).meetingId === meetingId,
    );
    expect(mine).toMatchObject({ paragraphs: opened.length, justified: true });
    const ksau = await get('/meetings?body=ks-au&year=2024');
    expect(ksau.body.items.length).toBeGreaterThan(0);
    expect(ksau.body.items.length).toBeLessThan(scheduled.length);
    expect(ksau.body.items.every((m: { body: { id: string } }) => m.body.id === 'ks-au')).toBe(true);
    expect((await get('/meetings?year=24')).status).toBe(400);
  });

  it('filters the decision register and exports CSV', async () => {
    const decided = all().filter((e) => e.type === 'DecisionAdopted').length;
    const everything = await get('/register?today=2030-01-01');
    expect(everything.body.count).toBe(decided);
    const byBody = await get('/register?body=ks-au&year=2024&today=2030-01-01');
    expect(byBody.body.entries.length).toBeGreaterThan(0);
    expect(byBody.body.entries.every((e: { bodyId: string }) => e.bodyId === 'ks-au')).toBe(true);
    // Long after: every appeal period is over (or the decision fully dispatched).
    const statuses = new Set(everything.body.entries.map((e: { status: string }) => e.status));
    expect([...statuses].every((s) => s === 'appeal_period_over' || s === 'dispatched')).toBe(true);
    // Before any announcement: justified.
    const early = await get('/register?today=2024-01-01&status=announced');
    expect(early.body.count).toBeGreaterThan(0);
    const dnr = everything.body.entries[0].caseNumber;
    const one = await get(`/register?dnr=${encodeURIComponent(dnr)}&today=2030-01-01`);
    expect(one.body.entries.every((e: { caseNumber: string }) => e.caseNumber === dnr)).toBe(true);
    const csv = await get('/register?today=2030-01-01', 'text/csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toContain('Diarienummer');
    expect(csv.text.trim().split('\r\n')).toHaveLength(decided + 1);
    expect((await get('/register?status=nope')).status).toBe(400);
  });

  it('counts statistics per member and party', async () => {
    const res = await get('/statistics');
    const motions = all().filter((e) => e.type === 'MotionProposed').length;
    const struck = all().filter((e) => e.type === 'EntryStruck').length;
    const votes = all()
      .filter((e) => e.type === 'VoteHeld')
      .reduce((n, e) => n + (e.data as { votes: unknown[] }).votes.length, 0);
    type M = { motions: number; motionsAdopted: number; votes: { ja: number; nej: number; avstar: number } };
    const sum = (k: (m: M) => number) => (res.body.members as M[]).reduce((n, m) => n + k(m), 0);
    expect(sum((m) => m.motions)).toBe(motions - struck);
    expect(sum((m) => m.votes.ja + m.votes.nej + m.votes.avstar)).toBe(votes);
    expect(res.body.parties.reduce((n: number, p: { motions: number }) => n + p.motions, 0)).toBe(
      motions - struck,
    );
    expect(sum((m) => m.motionsAdopted)).toBeGreaterThan(0);
  });

  it('lists the worklist for a given day', async () => {
    const announced = all().find((e) => e.type === 'ProtocolAnnounced')!.data as { appealEndsOn: string };
    const res = await get(`/worklist?today=${announced.appealEndsOn}`);
    expect(res.status).toBe(200);
    expect(res.body.appealEndingThisWeek.map((m: { appealEndsOn: string }) => m.appealEndsOn)).toContain(
      announced.appealEndsOn,
    );
    expect(res.body.notJustified).toEqual([]); // every protocol in the history is justified
    const pending = all().filter((e) => e.type === 'DistributionSet').length;
    expect(res.body.notDispatched.length).toBeLessThanOrEqual(pending);
    expect((await get('/worklist?today=31-12-2024')).status).toBe(400);
  });

  it('replays the protocol as of a position, raw streams and changes for auditors', async () => {
    const stream = await get(`/audit/streams/meeting-${meetingId}/events`);
    expect(stream.body.events[0]).toMatchObject({ type: 'MeetingScheduled', metadata: { role: 'clerk' } });
    expect(stream.body.events[0].metadata.correlationId).toBeDefined();
    // As of the position right after the meeting opened: no paragraph yet, not justified.
    const opened = stream.body.events.find((e: { type: string }) => e.type === 'MeetingOpened').position;
    const early = await get(`/audit/meetings/${meetingId}/protocol?asOf=${opened}`, 'application/json');
    expect(early.body.paragraphs).toEqual([]);
    expect(early.body.meeting.justified).toBeNull();
    const late = await get(`/audit/meetings/${meetingId}/protocol?asOf=${head}`, 'application/json');
    expect(late.body.paragraphs.length).toBeGreaterThan(0);
    expect(late.body.meeting.justified).not.toBeNull();
    const now = await get(
      `/audit/meetings/${meetingId}/protocol?asOf=${new Date(Date.now() + 1000).toISOString()}`,
      'text/plain',
    );
    expect(now.text).toBe((await get(`/protocols/${meetingId}`, 'text/plain')).text);
    const changes = await get('/audit/changes?from=5&to=9');
    expect(changes.body.events.map((e: { position: string }) => e.position)).toEqual([
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    const paged = await get('/audit/changes?from=1&limit=3');
    expect(paged.body.nextFrom).toBe('4');
    expect((await get('/audit/meetings/x/protocol?asOf=1')).status).toBe(400);
    expect((await get(`/audit/meetings/${meetingId}/protocol?asOf=yesterday`)).status).toBe(400);
  });
});

describe('the projection thread', () => {
  it('is started again when it dies, and catches up from its checkpoints', async () => {
    const api = await startReadApi();
    try {
      const [first, ...rest] = [
        ...generateHistory(rng(7), { bodies: 1, meetingsPerBody: 1, maxParagraphs: 2, startYear: 2025 }),
      ];
      await api.models.runner.waitFor(
        (await api.store.appendToStream(first.stream, first.events)).position.commit,
        60_000,
      );
      const thread = api.models.runner as unknown as { worker: { terminate(): Promise<number> } | null };
      expect(thread.worker).not.toBeNull(); // the SQLite file's projections run in a thread
      await thread.worker!.terminate();
      let head = 0n;
      for (const a of rest) head = (await api.store.appendToStream(a.stream, a.events)).position.commit;
      // The projection thread runs at nice 10 (ADR 0017): beside CPU-bound processes it gets
      // little CPU, so its catch-up may take minutes there. Wait for the condition, generously.
      await api.models.runner.waitFor(head, 240_000);
      expect(api.models.runner.position).toBe(head);
    } finally {
      await api.close();
    }
  }, 300_000);

  // Linux keeps a nice value per thread. Reads wait for the projections (ADR 0049), so their
  // thread keeps the process's priority (ADR 0052); at nice 10 a busy machine starved it.
  (process.platform === 'linux' ? it : it.skip)(
    "runs the projection thread at the process's priority",
    async () => {
      const api = await startReadApi();
      try {
        const threads = () =>
          readdirSync('/proc/self/task').map((tid) => {
            const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
            return { tid, nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
          });
        // The thread is up once it has projected an event.
        const [a] = generateHistory(rng(5), {
          bodies: 1,
          meetingsPerBody: 1,
          maxParagraphs: 1,
          startYear: 2024,
        });
        await api.models.runner.waitFor(
          (await api.store.appendToStream(a!.stream, a!.events)).position.commit,
          60_000,
        );
        expect(threads().length).toBeGreaterThan(1);
        expect(new Set(threads().map((t) => t.nice))).toEqual(new Set([0]));
      } finally {
        await api.close();
      }
    },
  );
});
