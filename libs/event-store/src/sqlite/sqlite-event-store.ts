import { resolve } from 'node:path';
import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import type { Observable } from 'rxjs';
import { resolveDuplicateIds, type HistoryView } from '../internal/append-rules.js';
import { LiveHub, type Page } from '../internal/live.js';
import { compileFilter, validateAppend, type EventMatcher } from '../internal/validate.js';
import {
  StreamNotFoundError,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type JsonObject,
  type ReadAllOptions,
  type ReadAllPagesOptions,
  type RawStoredEvent,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeToAllOptions,
} from '../port.js';
import { pagesFromReadAll, withoutMetadata } from '../internal/pages.js';
import { canonicalData } from '../integrity/hash.js';
import { groupCommitter, historyView, type AppendRequest, type Outcome } from './group-commit.js';
import { readAhead, type PageRow } from './read-ahead.js';
import { preparePrivateFile } from '../private-files.js';
import { migrate } from './schema.js';
import { WriterThread } from './writer-thread.js';

/** See docs/adr/0002-sqlite-synchronous-full.md: FULL survives power loss, NORMAL only process crashes. */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteEventStoreOptions {
  /** File path (its folder is created), or ':memory:'. */
  readonly path: string;
  /** Default FULL. */
  readonly synchronous?: SqliteSynchronous;
  /** How often to look for appends by other processes while subscriptions exist. Default 200 ms. */
  readonly pollIntervalMs?: number;
  /** How long to wait for another process's write lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /**
   * Where commits run: 'inline' in the caller's thread (default), or 'thread' in a worker with
   * its own write connection, so a commit's fsync does not stop the event loop (the API's
   * setting: docs/adr/0013). ':memory:' databases are always inline.
   */
  readonly writer?: 'inline' | 'thread';
}

interface PendingAppend extends AppendRequest {
  readonly events: readonly EventData[];
  /** With the append's result, or the error that rolled back its savepoint. */
  readonly resolve: (outcome: Outcome) => void;
  /** When the whole group's commit failed. */
  readonly reject: (err: unknown) => void;
}

/** position, stream_id, revision, event_id, type, data, metadata, created */
type Row = [number, string, number, string, string, string, string, number];

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, created';
const NO_LIMIT = -1;
const LAST = Number.MAX_SAFE_INTEGER;

/**
 * The embedded event store: one SQLite file in WAL mode, one `events` table whose rowid is
 * the global position. Appends run in one IMMEDIATE transaction that checks the expected
 * revision under the write lock, so concurrent writers (in this or another process) serialise.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Db;
  private readonly hub: LiveHub;
  private readonly pollIntervalMs: number;
  private poll: NodeJS.Timeout | undefined;
  private lastSeenPosition = 0;
  private closed = false;
  private closing = false;
  /** Appends waiting for the next group commit (see `flush`). */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** Inline commits; null when a WriterThread commits. */
  private readonly commitGroup: ((batch: readonly AppendRequest[]) => Outcome[]) | null;
  private readonly writerThread: WriterThread | null;
  /** Group commits sent to the writer thread and not answered yet. */
  private readonly inFlight = new Set<Promise<void>>();
  /** The writer thread's data_version at its last answer: it changes when another connection commits. */
  private writerDataVersion = -1;
  private readonly history: HistoryView;

  // Prepared once: statement preparation would otherwise dominate small appends.
  private readonly currentRevisionStmt: Statement<[string], number>;
  private readonly streamForwardStmt: Statement<[string, number, number], Row>;
  private readonly streamBackwardStmt: Statement<[string, number, number], Row>;
  private readonly allForwardStmt: Statement<[number, number], Row>;
  private readonly allBackwardStmt: Statement<[number, number], Row>;
  private readonly afterStmt: Statement<[number, number], Row>;
  private readonly maxPositionStmt: Statement<[], number | null>;
  private readonly dataVersionStmt: Statement<[], number>;
  /**
   * Last revision of streams this connection wrote or read to the end, valid while no other
   * connection has committed (SQLite's data_version is unchanged): a tail read after that
   * revision is then answered without a query. Command handlers make two per command.
   */
  private readonly lastKnown = new Map<string, number>();
  private knownDataVersion = -1;

  readonly path: string;
  readonly synchronous: SqliteSynchronous;

  constructor(options: SqliteEventStoreOptions) {
    this.path = options.path;
    this.synchronous = options.synchronous ?? 'FULL';
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    preparePrivateFile(this.path);
    this.db = new Database(this.path, { timeout: options.busyTimeoutMs ?? 5000 });
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${this.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
      migrate(this.db);
    } catch (err) {
      this.db.close();
      throw err;
    }
    this.hub = new LiveHub((size) => this.onSubscriptionCount(size));

    const db = this.db;
    this.currentRevisionStmt = db
      .prepare<[string], number>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      )
      .pluck();
    const raw = <P extends unknown[]>(sql: string) => db.prepare<P, Row>(sql).raw(true);
    this.streamForwardStmt = raw(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
    );
    this.streamBackwardStmt = raw(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    );
    this.allForwardStmt = raw(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`);
    this.allBackwardStmt = raw(
      `SELECT ${COLUMNS} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`,
    );
    this.afterStmt = raw(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`);
    this.maxPositionStmt = db.prepare<[], number | null>('SELECT max(position) FROM events').pluck();
    this.dataVersionStmt = db.prepare<[], number>('PRAGMA data_version').pluck();

    this.history = historyView(db);
    const threaded =
      options.writer === 'thread' && this.path !== ':memory:' && !this.path.startsWith('file:');
    this.writerThread = threaded
      ? new WriterThread(resolve(this.path), this.synchronous, options.busyTimeoutMs ?? 5000)
      : null;
    this.commitGroup = threaded ? null : groupCommitter(db);
  }

  async appendToStream(
    stream: string,
    events: readonly EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    if (this.closing) throw new Error(`SqliteEventStore(${this.path}) is closing`);
    const expected = options.expectedRevision ?? 'any';
    validateAppend(stream, events, expected);
    // Serialise before taking the write lock, so the lock is held only for the inserts.
    const payloads: string[] = new Array(events.length * 2);
    for (let i = 0; i < events.length; i++) {
      // The canonical text the chain hashed (docs/adr/0050): verification hashes it as stored.
      payloads[2 * i] = canonicalDataText(events[i].data);
      const m = events[i].metadata;
      payloads[2 * i + 1] = m === undefined ? '{}' : JSON.stringify(m);
    }
    const outcome = await new Promise<Outcome>((resolve, reject) => {
      this.pending.push({ stream, events, expected, payloads, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
    if (outcome.ok) return outcome.result;
    // That append's savepoint rolled back; an id already stored is a retry or a duplicate.
    if ((outcome.error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      return resolveDuplicateIds(this.history, stream, events, expected);
    }
    throw outcome.error;
  }

  /**
   * Group commit: the appends that arrived while the event loop was busy are written in one
   * transaction, each inside its own savepoint (so each is still all-or-nothing and checks its
   * expected revision against everything before it), and share one fsync. No append is
   * answered before the commit that holds it is durable. See docs/adr/0003.
   */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    if (this.closed) {
      for (const p of batch) p.reject(new Error(`SqliteEventStore(${this.path}) is closed`));
      return;
    }
    if (this.writerThread) {
      // One group at a time: what arrives while a commit (and its fsync) runs forms the next
      // group, sent when that commit is answered. Fewer, larger groups; fewer fsyncs.
      if (this.inFlight.size > 0) {
        this.pending = batch.concat(this.pending);
        return;
      }
      const sent: Promise<void> = this.writerThread.commit(batch).then(
        ({ outcomes, dataVersion }) => {
          if (dataVersion !== this.writerDataVersion) {
            this.writerDataVersion = dataVersion;
            this.lastKnown.clear(); // another connection wrote: forget what we knew
          }
          this.settle(batch, outcomes);
        },
        (err: unknown) => {
          for (const p of batch) p.reject(err);
        },
      );
      this.inFlight.add(sent);
      void sent.finally(() => {
        this.inFlight.delete(sent);
        if (this.pending.length > 0) this.flush();
      });
      return;
    }
    let outcomes: Outcome[];
    try {
      outcomes = this.commitGroup!(batch);
    } catch (err) {
      // The commit itself failed (disk, lock timeout): nothing of the group was written.
      for (const p of batch) p.reject(err);
      return;
    }
    this.settle(batch, outcomes);
  }

  /** Called with the number of appends in each committed group (the API's metrics). */
  onGroupCommitted: ((appends: number) => void) | null = null;

  private settle(batch: readonly PendingAppend[], outcomes: readonly Outcome[]): void {
    this.onGroupCommitted?.(batch.length);
    if (this.hub.size > 0) this.hub.notify();
    for (let i = 0; i < batch.length; i++) {
      const o = outcomes[i];
      if (o.ok) this.remember(batch[i].stream, Number(o.result.nextExpectedRevision));
      else this.lastKnown.delete(batch[i].stream); // e.g. a conflict: read it for real next time
      batch[i].resolve(o);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const limit = options.maxCount ?? NO_LIMIT;
    // With a writer thread every commit comes from "another" connection: its answers tell instead.
    const othersWrote = this.writerThread ? false : this.checkDataVersion();
    const tailOf = typeof from === 'bigint' && !backwards ? Number(from) - 1 : undefined;
    if (!othersWrote && tailOf !== undefined && this.lastKnown.get(stream) === tailOf) return [];
    const rows = backwards
      ? this.streamBackwardStmt.all(
          stream,
          from === 'end' ? LAST : from === 'start' ? 0 : Number(from),
          limit,
        )
      : this.streamForwardStmt.all(
          stream,
          from === 'start' ? 0 : from === 'end' ? LAST : Number(from),
          limit,
        );
    if (rows.length === 0 && this.currentRevisionStmt.get(stream) === undefined) {
      throw new StreamNotFoundError(stream);
    }
    if (!backwards && limit === NO_LIMIT && rows.length > 0) this.remember(stream, rows[rows.length - 1][2]);
    return rows.map(toStored);
  }

  /** True when another connection has committed since the last check; forgets what it knew then. */
  private checkDataVersion(): boolean {
    const version = this.dataVersionStmt.get()!;
    if (version === this.knownDataVersion) return false;
    this.knownDataVersion = version;
    this.lastKnown.clear();
    return true;
  }

  private remember(stream: string, revision: number): void {
    if (this.lastKnown.size >= 100_000) this.lastKnown.clear(); // bounded; it is only a shortcut
    this.lastKnown.set(stream, revision);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const limit = options.maxCount ?? NO_LIMIT;
    const at = from === 'start' ? 0 : from === 'end' ? LAST : Number(from.commit);
    const rows = backwards
      ? this.allBackwardStmt.all(from === 'start' ? -1 : at, limit)
      : this.allForwardStmt.all(at, limit);
    const out = new Array<StoredEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = toStored(rows[i]);
    return out;
  }

  /**
   * The first page is read here; when there is more, a worker thread reads the following pages
   * while the caller applies the current one (catch-up of projections: read-ahead.ts).
   */
  async *readAllPages(options: ReadAllPagesOptions): AsyncGenerator<StoredEvent[]> {
    if (this.path === ':memory:' || this.path.startsWith('file:')) {
      // Another connection cannot see this database: read in this thread.
      yield* pagesFromReadAll(this, options);
      return;
    }
    const size = options.pageSize;
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`pageSize must be a positive integer: ${size}`);
    const first = await this.readAll({ fromPosition: options.fromPosition ?? 'start', maxCount: size });
    const metadata = options.metadata !== false;
    if (first.length > 0) yield metadata ? first : withoutMetadata(first);
    if (first.length < size) return;
    const next = Number(first[first.length - 1].position.commit) + 1;
    for await (const rows of readAhead(resolve(this.path), next, size, metadata)) {
      const page = new Array<StoredEvent>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        page[i] = storedEvent(r, r[5] as JsonObject, (r[6] ?? {}) as JsonObject);
      }
      yield page;
    }
  }

  /**
   * `$all` with each event's data as the stored text (verification, docs/adr/0050), read in this
   * thread a page at a time; the event loop gets a turn between pages.
   */
  async *readAllRawPages(options: Omit<ReadAllPagesOptions, 'metadata'>): AsyncGenerator<RawStoredEvent[]> {
    const size = options.pageSize;
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`pageSize must be a positive integer: ${size}`);
    let at =
      options.fromPosition === undefined || options.fromPosition === 'start'
        ? 0
        : Number(options.fromPosition.commit);
    for (;;) {
      this.assertOpen();
      const rows = this.allForwardStmt.all(at, size);
      const page = new Array<RawStoredEvent>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        const position = BigInt(r[0]);
        page[i] = {
          id: r[3],
          type: r[4],
          dataText: r[5],
          metadata: JSON.parse(r[6]) as JsonObject,
          streamId: r[1],
          revision: BigInt(r[2]),
          position: { commit: position, prepare: position },
          created: new Date(r[7]),
        };
      }
      if (page.length > 0) yield page;
      if (rows.length < size) return;
      at = rows[rows.length - 1][0] + 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Observable<StoredEvent> {
    const from = options.fromPosition ?? 'start';
    return this.hub.observe(
      (after, limit, match) => this.page(after, limit, match),
      () => {
        this.assertOpen();
        if (from === 'start') return 0;
        if (from === 'end') return this.maxPositionStmt.get() ?? 0;
        return Number(from.commit);
      },
      compileFilter(options.filter),
    );
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.maxPositionStmt.get();
    // Reads alone do not make a store healthy: /health must also fail when writes cannot happen.
    const failed = this.writerThread?.failed;
    if (failed) throw failed;
  }

  async close(): Promise<void> {
    if (this.closed || this.closing) return;
    this.closing = true; // no new appends; those already accepted are written, never dropped
    this.flush();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    this.closed = true;
    this.hub.completeAll();
    this.stopPolling();
    await this.writerThread?.close();
    this.db.close();
  }

  private page(after: number, limit: number, match: EventMatcher): Page {
    const rows = this.afterStmt.all(after, limit);
    const events: StoredEvent[] = [];
    for (const r of rows) if (!match || match(r[1], r[4])) events.push(toStored(r));
    const scannedTo = rows.length ? rows[rows.length - 1][0] : after;
    return { events, scannedTo, exhausted: rows.length < limit };
  }

  /** Poll for other processes' appends only while someone listens; never keep the process alive for it. */
  private onSubscriptionCount(size: number): void {
    if (size > 0 && !this.poll && !this.closed) {
      this.lastSeenPosition = this.maxPositionStmt.get() ?? 0;
      this.poll = setInterval(() => this.checkForeignAppends(), this.pollIntervalMs);
      this.poll.unref();
    } else if (size === 0) {
      this.stopPolling();
    }
  }

  private checkForeignAppends(): void {
    if (this.closed) return;
    const max = this.maxPositionStmt.get() ?? 0;
    if (max > this.lastSeenPosition) {
      this.lastSeenPosition = max;
      this.hub.notify();
    }
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`SqliteEventStore(${this.path}) is closed`);
  }
}

/** RFC 8785 text of the data; JSON.stringify for what RFC 8785 cannot write (NaN, Infinity), as before. */
function canonicalDataText(data: JsonObject): string {
  try {
    return canonicalData(data);
  } catch {
    return JSON.stringify(data);
  }
}

function toStored(r: Row): StoredEvent {
  return storedEvent(r, JSON.parse(r[5]) as JsonObject, JSON.parse(r[6]) as JsonObject);
}

function storedEvent(r: Row | PageRow, data: JsonObject, metadata: JsonObject): StoredEvent {
  const position = BigInt(r[0]);
  return {
    id: r[3],
    type: r[4],
    data,
    metadata,
    streamId: r[1],
    revision: BigInt(r[2]),
    position: { commit: position, prepare: position },
    created: new Date(r[7]),
  };
}
