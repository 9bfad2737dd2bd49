import { Subject, type Subscription } from 'rxjs';
import type { EventStore, StoredEvent } from '@app/event-store';
import { BackgroundCheckpointer } from './checkpointer.js';
import type { Db } from './db.js';
import { PositionWaiters } from './position-waiters.js';
import type { CommittedEvent, Projection, ProjectionWriter, Writes } from './projection.js';
import { InlineSink, type BatchSink } from './sink.js';
import { WriteBehindSink } from './write-behind.js';

/** A checkpoint; `-1n` means nothing applied yet. */
export interface Checkpoint {
  readonly commit: bigint;
  readonly prepare: bigint;
}
const NONE: Checkpoint = { commit: -1n, prepare: -1n };
/** Page size of catch-up reads with the write-behind thread (batches hold several pages). */
const SMALL_PAGE = 250;

function after(p: { commit: bigint; prepare: bigint }, cp: Checkpoint): boolean {
  return p.commit > cp.commit || (p.commit === cp.commit && p.prepare > cp.prepare);
}

export interface RunnerOptions {
  /** Most events applied in one transaction during catch-up. */
  readonly batchSize?: number;
  /** Called when a batch fails; the runner retries from its checkpoint after `retryMs`. */
  readonly onError?: (err: unknown) => void;
  readonly retryMs?: number;
  /**
   * Checkpoint a file's WAL from a worker thread while running (default true; ignored for
   * `:memory:`), so commits do not stop to copy the WAL into the database.
   */
  readonly checkpointInBackground?: boolean;
  /**
   * During catch-up on a file, commit each batch in a worker thread while the next one is
   * computed (default true; ADR 0016). Live batches are always committed here.
   */
  readonly writeBehind?: boolean;
}

export interface CommittedBatch {
  /** Global position of the last event of the batch (the new checkpoint). */
  readonly position: bigint;
  readonly events: readonly CommittedEvent[];
}

interface Slot {
  readonly projection: Projection;
  readonly writer: ProjectionWriter;
  readonly handles: ReadonlySet<string>;
  checkpoint: Checkpoint;
}

/**
 * Feeds projections from `$all`. One subscription serves every projection: it starts after
 * the lowest checkpoint, and each projection skips events at or below its own, so a projection
 * being rebuilt catches up while the others stay current. Each batch writes the read-model
 * changes and every checkpoint in ONE SQLite transaction: a crash loses the whole batch or
 * none of it, so no event is applied twice or skipped.
 */
export class ProjectionRunner {
  /** Emits after each committed batch. */
  readonly committed = new Subject<CommittedBatch>();
  private readonly slots: Slot[];
  private readonly batchSize: number;
  private subscription: Subscription | null = null;
  private buffer: StoredEvent[] = [];
  private flushScheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private running = false;
  /** Bumped on every (re)subscription, so a stale catch-up loop stops. */
  private generation = 0;
  private lastError: unknown = null;
  private readonly waiters = new PositionWaiters();
  private checkpointer: BackgroundCheckpointer | null = null;
  /** Live batches (and catch-up without the thread) commit here, in this thread. */
  private readonly inline: InlineSink;
  /** The catch-up's write-behind pipeline, while it runs. */
  private behind: WriteBehindSink | null = null;
  /** Where the projections' writes go now: `behind` during its catch-up, `inline` otherwise. */
  private sink: BatchSink;
  private readonly writes: Writes;
  private readonly saveCheckpoint;
  private readonly loadCheckpoint;

  constructor(
    private readonly store: EventStore,
    private readonly db: Db,
    projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.inline = new InlineSink(db);
    this.sink = this.inline;
    this.writes = {
      run: (statement, ...params) => this.sink.run(statement, ...params),
      // The caches keep what the most demanding sink this runner may use needs.
      retainedFlushes: this.writesBehind ? WriteBehindSink.RETAINED_FLUSHES : InlineSink.RETAINED_FLUSHES,
    };
    this.saveCheckpoint = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, commit_position, prepare_position, updated_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, commit_position = excluded.commit_position,
         prepare_position = excluded.prepare_position, updated_at = excluded.updated_at`,
    );
    this.loadCheckpoint = db
      .prepare<[string], { version: number; commit_position: bigint; prepare_position: bigint }>(
        'SELECT version, commit_position, prepare_position FROM projection_checkpoints WHERE name = ?',
      )
      .safeIntegers(true);
    this.slots = projections.map((projection) => {
      projection.migrate(db);
      return {
        projection,
        writer: projection.open(db, this.writes),
        handles: new Set(projection.handles),
        checkpoint: this.prepareCheckpoint(projection),
      };
    });
  }

  /** Rebuild (from position 0) a projection whose stored version differs from its code's. */
  private prepareCheckpoint(projection: Projection): Checkpoint {
    const row = this.loadCheckpoint.get(projection.name);
    if (row && Number(row.version) === projection.version) {
      return { commit: row.commit_position, prepare: row.prepare_position };
    }
    this.resetProjection(projection);
    return NONE;
  }

  private resetProjection(projection: Projection): void {
    this.db.transaction(() => {
      projection.reset(this.db);
      projection.migrate(this.db);
      this.saveCheckpoint.run(projection.name, projection.version, -1n, -1n, new Date().toISOString());
    })();
  }

  /** Subscribe to `$all` after the lowest checkpoint: catch-up, then live. */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.options.checkpointInBackground !== false && BackgroundCheckpointer.suits(this.db)) {
      this.checkpointer = new BackgroundCheckpointer(this.db);
    }
    this.subscribe();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    try {
      this.closeBehind(); // what the thread commits must be known before anything else writes
    } catch {
      // the failed batch is applied again from the checkpoint on the next start
    }
    this.checkpointer?.stop();
    this.checkpointer = null;
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.buffer = [];
  }

  get error(): unknown {
    return this.lastError;
  }

  /** The position every projection has reached (the lowest checkpoint). */
  get position(): bigint {
    return this.lowest().commit;
  }

  checkpoints(): Record<string, { version: number; position: string | null }> {
    return Object.fromEntries(
      this.slots.map((s) => [
        s.projection.name,
        {
          version: s.projection.version,
          position: s.checkpoint.commit < 0n ? null : String(s.checkpoint.commit),
        },
      ]),
    );
  }

  /** Rebuild the named projections (all when none named) from position 0. */
  rebuild(names?: readonly string[]): void {
    const wasRunning = this.running;
    this.stop();
    for (const slot of this.slots) {
      if (names && !names.includes(slot.projection.name)) continue;
      slot.writer.discard();
      this.resetProjection(slot.projection);
      slot.checkpoint = NONE;
    }
    if (wasRunning) this.start();
  }

  /** Resolves once every projection has applied the event at `position` (or beyond); rejects when a batch fails. */
  waitFor(position: bigint, timeoutMs = 10_000): Promise<void> {
    return this.waiters.wait(position, this.position, timeoutMs);
  }

  /** Resolves once every projection has caught up with the store's current last event. */
  async catchUp(timeoutMs = 600_000): Promise<void> {
    const [last] = await this.store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
    if (last) await this.waitFor(last.position.commit, timeoutMs);
  }

  /**
   * Apply a batch in one transaction. Public so tests can redeliver events: events at or
   * below a projection's checkpoint change nothing.
   */
  applyBatch(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    const last = events[events.length - 1].position;
    try {
      this.inline.commit(() => {
        this.applyToProjections(events);
        this.flushProjections(last);
      });
    } catch (err) {
      this.discardAll();
      throw err;
    }
    this.advance(last, events);
  }

  /** Each projection's part of these events (those after its checkpoint). */
  private applyToProjections(events: readonly StoredEvent[]): void {
    const last = events[events.length - 1].position;
    for (const slot of this.slots) {
      const cp = slot.checkpoint;
      if (!after(last, cp)) continue; // a redelivery: this projection has it all
      // Events come in order: skip those at or below the checkpoint, apply the rest.
      let i = 0;
      while (!after(events[i].position, cp)) i++;
      const { handles, writer } = slot;
      for (; i < events.length; i++) if (handles.has(events[i].type)) writer.apply(events[i]);
    }
  }

  /** Write what the projections changed, and their checkpoints: in the transaction, or queued. */
  private flushProjections(last: StoredEvent['position']): void {
    for (const slot of this.slots) {
      if (!after(last, slot.checkpoint)) continue;
      slot.writer.flush();
      this.writes.run(
        this.saveCheckpoint,
        slot.projection.name,
        slot.projection.version,
        last.commit,
        last.prepare,
        now(),
      );
    }
  }

  /** A batch is committed: move the checkpoints, tell the listeners and whoever waits. */
  private advance(last: StoredEvent['position'], events: readonly StoredEvent[]): void {
    for (const slot of this.slots) {
      if (after(last, slot.checkpoint)) slot.checkpoint = { commit: last.commit, prepare: last.prepare };
    }
    if (this.committed.observed) {
      const applied: CommittedEvent[] = events.map((e) => ({
        position: e.position.commit,
        streamId: e.streamId,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        created: e.created,
      }));
      this.committed.next({ position: last.commit, events: applied });
    }
    this.waiters.reach(this.position);
  }

  /** During catch-up on a file, batches are committed by a write-behind thread (ADR 0016). */
  private get writesBehind(): boolean {
    return this.options.writeBehind !== false && !this.db.memory;
  }

  private openBehind(): WriteBehindSink {
    const behind = new WriteBehindSink(
      {
        apply: (events) => this.applyToProjections(events),
        flush: (last) => this.flushProjections(last),
        advance: (last, events) => this.advance(last, events),
        discard: () => this.discardAll(),
        wantsEvents: () => this.committed.observed,
      },
      this.writes,
      this.db.name,
      String(this.db.pragma('synchronous', { simple: true })),
      this.batchSize,
    );
    this.behind = behind;
    this.sink = behind;
    return behind;
  }

  /** Settle and stop the catch-up's write-behind pipeline, if any. Throws when its last batch failed. */
  private closeBehind(finish = false): void {
    const behind = this.behind;
    if (!behind) return;
    try {
      if (finish) behind.finish();
      else behind.close();
    } finally {
      // Stopped with the runner (a listener may stop it) or finished: writes are inline again.
      if (this.behind === behind) {
        this.behind = null;
        this.sink = this.inline;
      }
    }
  }

  private discardAll(): void {
    for (const slot of this.slots) slot.writer.discard();
  }

  private lowest(): Checkpoint {
    let low: Checkpoint | null = null;
    for (const s of this.slots) if (!low || after(low, s.checkpoint)) low = s.checkpoint;
    return low ?? NONE;
  }

  private subscribe(): void {
    const generation = ++this.generation;
    void this.catchUpThenLive(generation);
  }

  /**
   * Catch-up reads `$all` page by page (the store may read the next page meanwhile) and applies
   * each page as one transaction (the subscription would hand over smaller pages); then the
   * live subscription continues after the last applied position.
   */
  private async catchUpThenLive(generation: number): Promise<void> {
    const current = () => this.running && generation === this.generation;
    try {
      const from = this.lowest();
      const behind = this.writesBehind ? this.openBehind() : null;
      const pages = this.store.readAllPages({
        // The start is inclusive: the checkpoint's own event comes back and is skipped.
        fromPosition: from.commit < 0n ? 'start' : { commit: from.commit, prepare: from.prepare },
        // With the write-behind thread, small pages and batches of several: fewer events alive at once.
        pageSize: behind ? Math.min(this.batchSize, SMALL_PAGE) : this.batchSize,
        metadata: false, // projections never read it
      });
      for await (const page of pages) {
        if (!current()) return;
        const fresh = page.filter((e) => after(e.position, from));
        if (!behind) {
          this.applyBatch(fresh);
          continue;
        }
        behind.add(fresh);
      }
      if (!current()) return;
      this.closeBehind(true);
    } catch (err) {
      if (current()) {
        try {
          this.closeBehind();
        } catch {
          // the failure below is the one to report; the runner starts again from its checkpoints
        }
        this.fail(err);
      }
      return;
    }
    if (!current()) return;
    const from = this.lowest();
    const fromPosition = from.commit < 0n ? 'start' : { commit: from.commit, prepare: from.prepare };
    this.subscription = this.store.subscribeToAll({ fromPosition }).subscribe({
      next: (e) => this.receive(e),
      error: (err) => this.fail(err),
    });
  }

  private receive(e: StoredEvent): void {
    this.buffer.push(e);
    if (this.buffer.length >= this.batchSize) this.flush();
    else if (!this.flushScheduled) {
      // The store delivers a page synchronously; flush once it is done, as one transaction.
      this.flushScheduled = true;
      queueMicrotask(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  private flush(): void {
    if (!this.running || this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      this.applyBatch(batch);
      this.lastError = null;
    } catch (err) {
      this.fail(err);
    }
  }

  /** Drop the subscription and try again from the checkpoint: nothing is lost or repeated. */
  private fail(err: unknown): void {
    this.lastError = err;
    this.options.onError?.(err);
    // Whoever waits for a position (CLI, tests) hears of the failure at once; the runner retries.
    this.waiters.failAll(err);
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.buffer = [];
    if (!this.running) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.subscribe();
    }, this.options.retryMs ?? 1000);
  }
}

function now(): string {
  return new Date().toISOString();
}
