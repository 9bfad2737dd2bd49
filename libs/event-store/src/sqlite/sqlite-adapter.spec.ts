import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v4, v7 } from 'uuid';
import type { StoredEvent } from '../port.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './schema.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { spawnWriter } from './testing/spawn-writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'paragraf-sqlite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const waitFor = async (what: string, done: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('SqliteEventStore (file specifics)', () => {
  it('group commit: appends made in one tick share a transaction, yet each succeeds or fails alone', async () => {
    const store = new SqliteEventStore({ path: join(dir, 'group.db') });
    const ev = (id = v7()) => ({ id, type: 'T', data: { n: 1 } });
    const taken = v7();
    await store.appendToStream('s-taken', [ev(taken)]);
    const streams = Array.from({ length: 20 }, (_, i) => `s-${i}`);
    // All issued before any is answered: they reach the same flush.
    const outcomes = await Promise.allSettled([
      ...streams.map((s) => store.appendToStream(s, [ev(), ev()], { expectedRevision: 'no_stream' })),
      store.appendToStream('s-0', [ev()], { expectedRevision: 'no_stream' }), // loses to the first
      store.appendToStream('s-dup', [ev(), ev(taken)]), // its id is stored elsewhere
      store.appendToStream('s-1', [ev()], { expectedRevision: 1n }), // follows s-1's two events
    ]);
    expect(outcomes.slice(0, 20).every((o) => o.status === 'fulfilled')).toBe(true);
    expect(outcomes[20]).toMatchObject({ status: 'rejected', reason: { name: 'WrongExpectedVersionError' } });
    expect(outcomes[21]).toMatchObject({ status: 'rejected', reason: { name: 'DuplicateEventIdError' } });
    expect(outcomes[22]).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2n } });
    // Nothing of the refused appends was written, everything else was.
    const all = await store.readAll();
    expect(all).toHaveLength(1 + 20 * 2 + 1);
    await expect(store.readStream('s-dup')).rejects.toMatchObject({ name: 'StreamNotFoundError' });
    expect((await store.readStream('s-0')).map((e) => e.revision)).toEqual([0n, 1n]);
    await store.close();
  });

  it('answers a tail read from memory only while no other connection has written', async () => {
    const path = join(dir, 'tail.db');
    const a = new SqliteEventStore({ path });
    const b = new SqliteEventStore({ path });
    const ev = () => ({ id: v7(), type: 'T', data: {} });
    await a.appendToStream('s', [ev()]);
    expect(await a.readStream('s', { fromRevision: 1n })).toEqual([]);
    // The other connection appends: the next tail read must find its event, not the shortcut.
    const theirs = ev();
    await b.appendToStream('s', [theirs]);
    await a.appendToStream('u', [ev()]);
    expect(await a.readStream('u', { fromRevision: 1n })).toEqual([]); // any read notices the change
    expect((await a.readStream('s', { fromRevision: 1n })).map((e) => e.id)).toEqual([theirs.id]);
    // And a stream this connection never saw is read, not guessed.
    await b.appendToStream('t', [ev()]);
    expect(await a.readStream('t', { fromRevision: 0n })).toHaveLength(1);
    await a.appendToStream('s', [ev()]);
    expect(await a.readStream('s', { fromRevision: 3n })).toEqual([]);
    expect(await a.readStream('s')).toHaveLength(3);
    await Promise.all([a.close(), b.close()]);
  });

  it('with a stopped writer thread it refuses appends and fails ping, and still closes', async () => {
    const store = new SqliteEventStore({ path: join(dir, 'writer-stop.db'), writer: 'thread' });
    await store.appendToStream('s', [{ id: v7(), type: 'T', data: {} }]);
    await store.ping();
    const writer = (store as unknown as { writerThread: { worker: { terminate(): Promise<number> } } })
      .writerThread;
    await writer.worker.terminate();
    await expect(store.appendToStream('s', [{ id: v7(), type: 'T', data: {} }])).rejects.toThrow(
      /writer thread stopped/,
    );
    await expect(store.ping()).rejects.toThrow(/writer thread stopped/);
    expect(await store.readStream('s')).toHaveLength(1); // reads still work
    await store.close();
  });

  it('close() writes appends already accepted before closing', async () => {
    const path = join(dir, 'close.db');
    const store = new SqliteEventStore({ path });
    const pending = store.appendToStream('s', [{ id: v7(), type: 'T', data: {} }]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
    const reopened = new SqliteEventStore({ path });
    expect(await reopened.readStream('s')).toHaveLength(1);
    await reopened.close();
  });

  it('sees an event appended by another process within a second', async () => {
    const path = join(dir, 'shared.db');
    const store = new SqliteEventStore({ path });
    const seen: { event: StoredEvent; at: number }[] = [];
    const sub = store.subscribeToAll({ fromPosition: 'end' }).subscribe((event) => {
      seen.push({ event, at: Date.now() });
    });
    const id = v7();
    const stream = `cross-${v4()}`;
    const writer = spawnWriter(['once', path, stream, id]);
    await waitFor('the writer to report its append', () =>
      writer.lines.some((l) => l.startsWith('appended')),
    );
    const reportedAt = Date.now();
    await waitFor('the subscriber to see it', () => seen.length > 0, 30_000);
    await writer.exited;
    sub.unsubscribe();
    await store.close();

    expect(seen).toHaveLength(1);
    expect(seen[0].event.id).toBe(id);
    expect(seen[0].event.streamId).toBe(stream);
    // Noticed by polling, not by chance: generous, since CI runs beside CPU-bound processes.
    expect(seen[0].at - reportedAt).toBeLessThan(5000);
  });

  it('runs migrations once and records them', async () => {
    const path = join(dir, 'migrated.db');
    await new SqliteEventStore({ path }).close();
    await new SqliteEventStore({ path }).close();

    const db = new Database(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');

    // A later migration applies on top, once.
    const next = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: 'test index', sql: 'CREATE INDEX t ON events (type)' },
    ];
    expect(migrate(db, next)).toEqual([SCHEMA_VERSION + 1]);
    expect(migrate(db, next)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: MIGRATIONS.length + 1,
    });
    db.close();

    // This build cannot open a file migrated by a newer one.
    expect(() => new SqliteEventStore({ path })).toThrow(/newer than this build supports/);
  });

  it('keeps its data across close and reopen', async () => {
    const path = join(dir, 'reopen.db');
    const first = new SqliteEventStore({ path });
    const e = { id: v7(), type: 'MeetingScheduled', data: { body: 'KSAU', date: '2024-10-01' } };
    const r = await first.appendToStream('meeting-1', [e], { expectedRevision: 'no_stream' });
    await first.close();

    const second = new SqliteEventStore({ path, synchronous: 'NORMAL' });
    const [stored] = await second.readStream('meeting-1');
    expect(stored).toMatchObject({ id: e.id, data: e.data, revision: 0n, position: r.position });
    // Expected-revision checks see the reopened history.
    await expect(
      second.appendToStream('meeting-1', [{ ...e, id: v7() }], { expectedRevision: 'no_stream' }),
    ).rejects.toThrow(/Wrong expected version/);
    await second.close();
  });

  it('refuses to update or delete stored events', async () => {
    const path = join(dir, 'append-only.db');
    const store = new SqliteEventStore({ path });
    await store.appendToStream('s', [{ id: v7(), type: 'T', data: {} }]);
    await store.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE events SET type = 'X'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    db.close();
  });

  it('applies the synchronous setting', async () => {
    const full = new SqliteEventStore({ path: join(dir, 'full.db') });
    const normal = new SqliteEventStore({ path: join(dir, 'normal.db'), synchronous: 'NORMAL' });
    // Read back through a second connection is not possible (per-connection pragma); check the store's own.
    expect((full as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
    expect((normal as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(
      1,
    );
    await full.close();
    await normal.close();
  });
});
