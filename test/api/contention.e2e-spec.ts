/**
 * Fair contention (docs/adr/0027): legal commands sent at once on one stream all succeed, and
 * § numbers stay consecutive — no two paragraphs share one, and no refused, failed or
 * half-done (SIGKILL between the two appends of docs/adr/0004) opening leaves a hole.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { AppendOptions, EventData, EventStore } from '@app/event-store';
import { startApi, type TestApi } from './support/harness.js';
import { MOTION, openMeeting, PARAGRAPH_BODY } from './support/setup.js';

const NUMBERING = 'numbering-ks-au-2024';

async function numbersOf(api: TestApi): Promise<number[]> {
  const events = await api.store.readAll();
  return events
    .filter((e) => e.type === 'ParagraphOpened')
    .map((e) => e.data.number as number)
    .sort((a, b) => a - b);
}

const consecutive = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('contention', () => {
  let api: TestApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('50 parallel yrkanden on one paragraph all succeed, each once', async () => {
    api = await startApi();
    const { paragraphIds } = await openMeeting(api);
    const p = paragraphIds[0];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api!.http
          .post(`/paragraphs/${p}/motions`)
          .set('authorization', api!.auth('clerk'))
          .send({ ...MOTION, text: `Yrkande ${i}.` }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((r) => r.body.revision)).size).toBe(50);
    const stream = await api.store.readStream(`paragraph-${p}`);
    expect(stream).toHaveLength(51);
    expect(new Set(stream.map((e) => (e.data as { text?: string }).text)).size).toBe(51);
  });

  it('30 parallel openings on one meeting all succeed with consecutive § numbers', async () => {
    api = await startApi();
    const { meetingId } = await openMeeting(api, 0);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        api!.http
          .post(`/meetings/${meetingId}/paragraphs`)
          .set('authorization', api!.auth('clerk'))
          .send(PARAGRAPH_BODY),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(30).fill(201));
    expect(answers.map((r) => r.body.number as number).sort((a, b) => a - b)).toEqual(consecutive(1, 30));
    expect(await numbersOf(api)).toEqual(consecutive(1, 30));
  });

  it('refused and failed openings among parallel ones leave no hole', async () => {
    const failing = new Set<string>();
    api = await startApi({
      // The store fails the paragraph append of chosen openings (a disk error, say).
      wrapStore: (store: EventStore) =>
        new Proxy(store, {
          get(target, prop, receiver) {
            if (prop !== 'appendToStream') return Reflect.get(target, prop, receiver);
            return (stream: string, events: readonly EventData[], options?: AppendOptions) => {
              if (events[0]?.type === 'ParagraphOpened' && failing.has(stream.slice('paragraph-'.length))) {
                return Promise.reject(new Error('disk I/O error'));
              }
              return target.appendToStream(stream, events, options);
            };
          },
        }),
    });
    const { meetingId } = await openMeeting(api, 2);
    const clerk = api.auth('clerk');
    const open = (body: object) =>
      api!.http.post(`/meetings/${meetingId}/paragraphs`).set('authorization', clerk).send(body);
    const failingIds = Array.from({ length: 4 }, () => crypto.randomUUID());
    failingIds.forEach((id) => failing.add(id));
    const requests = [
      ...Array.from({ length: 12 }, () => open(PARAGRAPH_BODY)),
      ...failingIds.map((paragraphId) => open({ ...PARAGRAPH_BODY, paragraphId })),
      open({ ...PARAGRAPH_BODY, number: 1 }), // taken: 422
      open({ ...PARAGRAPH_BODY, title: '' }), // invalid: 400
    ];
    const answers = await Promise.all(requests);
    const statuses = answers.map((r) => r.status);
    expect(statuses.slice(0, 12)).toEqual(Array(12).fill(201));
    expect(statuses.slice(12, 16)).toEqual(Array(4).fill(500));
    expect(statuses.slice(16)).toEqual([422, 400]);
    expect(await numbersOf(api)).toEqual(consecutive(1, 14));

    // The failed ones' numbers were given back; the next opening takes the next number.
    const numbering = await api.store.readStream(NUMBERING);
    const released = numbering.filter((e) => e.type === 'ParagraphNumberReleased');
    expect(released.map((e) => e.data.reason)).toEqual(Array(4).fill('opening_failed'));
    const next = await open(PARAGRAPH_BODY);
    expect(next.status).toBe(201);
    expect(next.body.number).toBe(15);
  });

  it('a SIGKILL between the two appends leaves no hole: the abandoned number is released', async () => {
    const first = await startApi();
    const dir = first.dir;
    const { meetingId } = await openMeeting(first, 3);
    await first.app.close(); // keep the folder

    const script = fileURLToPath(new URL('./support/open-and-die.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir, meetingId], {
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('close', (_code, s) => resolve(s)),
    );
    expect({ signal, out }).toEqual({ signal: 'SIGKILL', out: 'reserved\n' });

    try {
      api = await startApi({ dir, config: { numberReleaseAfterMs: 0 } });
      let numbering = await api.store.readStream(NUMBERING);
      expect(numbering.map((e) => e.data.number)).toEqual([1, 2, 3, 4]); // §4 reserved, never opened
      expect(await numbersOf(api)).toEqual([1, 2, 3]);

      const answers = await Promise.all(
        Array.from({ length: 3 }, () =>
          api!.http
            .post(`/meetings/${meetingId}/paragraphs`)
            .set('authorization', api!.auth('clerk'))
            .send(PARAGRAPH_BODY),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(await numbersOf(api)).toEqual(consecutive(1, 6));
      numbering = await api.store.readStream(NUMBERING);
      expect(numbering.filter((e) => e.type === 'ParagraphNumberReleased').map((e) => e.data)).toEqual([
        expect.objectContaining({ number: 4, reason: 'never_opened' }),
      ]);
      // The meeting lists its paragraphs without the abandoned one.
      const meeting = await api.http.get(`/meetings/${meetingId}`).set('authorization', api.auth('clerk'));
      expect(meeting.status).toBe(200);
    } finally {
      await api?.close();
      api = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a recent reservation without its paragraph is left alone (its writer may be mid-way)', async () => {
    api = await startApi(); // numberReleaseAfterMs: 10 s by default
    const { meetingId } = await openMeeting(api, 1);
    await api.store.appendToStream(NUMBERING, [
      {
        id: crypto.randomUUID(),
        type: 'ParagraphNumberReserved',
        data: { bodyId: 'ks-au', year: 2024, number: 2, paragraphId: crypto.randomUUID(), meetingId },
        metadata: {},
      },
    ]);
    const res = await api.http
      .post(`/meetings/${meetingId}/paragraphs`)
      .set('authorization', api.auth('clerk'))
      .send(PARAGRAPH_BODY);
    expect(res.status).toBe(201);
    expect(res.body.number).toBe(3);
  });
});
