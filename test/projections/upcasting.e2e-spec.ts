/**
 * Schema versions and upcasting on read (docs/adr/0043): an event written at version 1 of its
 * type, read after the type has moved to version 2 with an upcaster, comes back at version 2
 * on every read path — a stream read, catch-up (the first page and the read-ahead thread's,
 * with and without metadata), the live subscription, the audit functions and the replay CLI —
 * while the hash chain still verifies over what is stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { eventSchemaVersions, UpcasterRegistry } from '@app/domain';
import { chainEvents, SqliteEventStore, verifyStore, type StoredEvent } from '@app/event-store';
import { changesBetween, toAuditEvent } from '@app/projections';
import { replay } from '../../scripts/support/replay.js';

const PARAGRAPH = 'paragraph-0b6f7c1e-8d7e-4c8e-9a51-3f0e1c2d4a5b';
const OTHER = 'paragraph-7a1d2c3b-1111-4c8e-9a51-3f0e1c2d4a5b';

/** MotionProposed v1 had `text`; in v2 it is `wording` (an imagined change, for the test). */
function upgradedCatalogue(): UpcasterRegistry {
  return new UpcasterRegistry({ ...eventSchemaVersions, MotionProposed: 2 }).register({
    type: 'MotionProposed',
    fromVersion: 1,
    up: ({ text, ...rest }) => ({ ...rest, wording: text }),
  });
}

const isV2 = (e: StoredEvent | undefined) =>
  e?.type === 'MotionProposed' &&
  (e.data as { wording?: string }).wording === 'Avslag på förslaget' &&
  !('text' in e.data);

describe('upcasting on every read path', () => {
  let dir: string;
  let path: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paragraf-upcast-'));
    path = join(dir, 'events.db');
    // Written by a version that knew MotionProposed at version 1 only.
    const writer = new SqliteEventStore({ path, synchronous: 'NORMAL' });
    const meta = {
      userId: 'clerk',
      role: 'clerk',
      recordedAt: '2024-05-14T09:00:00+02:00',
      schemaVersion: 1,
    };
    // Filler first, so the motion is on a later page than the first: the read-ahead thread reads it.
    const filler = chainEvents(
      OTHER,
      Array.from({ length: 5 }, (_, i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        type: 'SpeakerRecorded',
        data: { paragraphId: OTHER, speakerId: `s${i}` },
        metadata: meta,
      })),
      null,
    );
    await writer.appendToStream(OTHER, filler.events);
    const motion = chainEvents(
      PARAGRAPH,
      [
        {
          id: '00000000-0000-4000-8000-0000000000aa',
          type: 'MotionProposed',
          data: { paragraphId: PARAGRAPH, motionId: 'm1', kind: 'avslag', text: 'Avslag på förslaget' },
          metadata: meta,
        },
      ],
      null,
    );
    await writer.appendToStream(PARAGRAPH, motion.events);
    await writer.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function withStore<T>(fn: (store: SqliteEventStore) => Promise<T>): Promise<T> {
    const store = new SqliteEventStore({ path, upcaster: upgradedCatalogue() });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  it('a store without the upcaster reads what is stored: version 1', async () => {
    const raw = new SqliteEventStore({ path });
    const [event] = await raw.readStream(PARAGRAPH);
    await raw.close();
    expect(event!.data).toMatchObject({ text: 'Avslag på förslaget' });
    expect(event!.metadata.schemaVersion).toBe(1);
  });

  it('stream read', async () => {
    const [event] = await withStore((s) => s.readStream(PARAGRAPH));
    expect(isV2(event)).toBe(true);
    expect(event!.metadata).toMatchObject({ schemaVersion: 2, upcastFrom: { schemaVersion: 1 } });
  });

  it('catch-up pages (first page and read-ahead thread), with and without metadata; $all; live', async () => {
    for (const metadata of [true, false]) {
      const events = await withStore(async (s) => {
        const out: StoredEvent[] = [];
        // pageSize 2: the motion (position 6) is read by the read-ahead thread.
        for await (const page of s.readAllPages({ pageSize: 2, metadata })) out.push(...page);
        return out;
      });
      expect(events).toHaveLength(6);
      expect(isV2(events[5])).toBe(true);
      expect(events[5]!.metadata.schemaVersion).toBe(2);
      // The first page came from this thread, not the read-ahead one; its events are at version 1.
      expect(events[0]!.metadata.schemaVersion).toBe(1);
    }
    const all = await withStore((s) => s.readAll());
    expect(isV2(all[5])).toBe(true);
    const live = await withStore((s) => firstValueFrom(s.subscribeToAll().pipe(take(6), toArray())));
    expect(isV2(live[5])).toBe(true);
  });

  it('audit: raw history and changes between points', async () => {
    const { history, changes } = await withStore(async (s) => ({
      history: (await s.readStream(PARAGRAPH)).map(toAuditEvent),
      changes: await changesBetween(s, {}),
    }));
    expect(history[0]!.data).toEqual({
      paragraphId: PARAGRAPH,
      motionId: 'm1',
      kind: 'avslag',
      wording: 'Avslag på förslaget',
    });
    expect(history[0]!.metadata).toMatchObject({ schemaVersion: 2 });
    expect(changes.events[5]!.data).toMatchObject({ wording: 'Avslag på förslaget' });
  });

  it('replay CLI: --stream and --changes', async () => {
    const lines: string[] = [];
    await withStore(async (s) => {
      const io = { out: (t: string) => lines.push(...t.trim().split('\n')), err: () => undefined };
      await replay(['--stream', PARAGRAPH], s, io);
      await replay(['--changes', '--from', '6'], s, io);
    });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      const event = JSON.parse(line) as { data: object; metadata: { schemaVersion: number } };
      expect(event.data).toMatchObject({ wording: 'Avslag på förslaget' });
      expect(event.metadata.schemaVersion).toBe(2);
    }
  });

  it('the hash chain verifies over what is stored, read through the upcaster', async () => {
    const { report } = await withStore((s) => verifyStore(s));
    expect(report.checkedEvents).toBe(6);
    expect(report.breaks.filter((b) => b.kind !== 'unsealed')).toEqual([]);
  });
});
