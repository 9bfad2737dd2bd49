import { Subject, type Subscription } from 'rxjs';
import type { EventStore, StoredEvent } from '@app/event-store';
import { BackgroundCheckpointer } from './checkpointer.js';
import { WriteBehind, type WriteOp } from './write-behind.js';
import type { Db } from './db.js';
import { PositionWaiters } from './position-waiters.js';
import type { CommittedEvent, Projection, ProjectionWriter, Writes } from './projection.js';

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
  /** The catch-up's write-behind thread, and the batch it is committing. */
  private behind: WriteBehind | null = null;
  private inFlight: { last: StoredEvent['position']; events: readonly StoredEvent[] } | null = null;
  /** While a batch is computed for the write-behind thread, its writes are queued here. */
  private queue: WriteOp[] | null = null;
  /** The catch-up batch being applied: its last position, its events (for listeners) and size. */
  private building: { last: StoredEvent['position']; events: StoredEvent[]; size: number } | null = null;
  private readonly writes: Writes = {
    run: (statement, ...params) => {
      if (this.queue) this.queue.push([statement.source, params]);
      else statement.run(...params);
    },
  };
  private readonly saveCheckpoint;
  private readonly loadCheckpoint;

  constructor(
    private readonly store: EventStore,
    private readonly db: Db,
    projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
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
      this.finishBehind(); // what the thread commits must be known before anything else writes
    } catch {
      // the failed batch is applied again from the checkpoint on the next start
    }
    if (this.building) this.abandonBatch(); // applied in the caches, never sent: forget it
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
      this.db.transaction(() => {
        this.applyToProjections(events);
        this.flushProjections(last);
      })();
    } catch (err) {
      this.discardAll();
      throw err;
    }
    this.advance(last, events);
  }

  /**
   * Catch-up with the write-behind thread: the events of several small pages are applied as
   * they come (so few of them are alive at once) and their writes queued; once a batch is full,
   * `sendBatch` waits for the previous batch's commit and sends this one. Checkpoints advance
   * only once the thread has committed, so they never run ahead of the file.
   */
  private queueEvents(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    this.queue ??= [];
    try {
      this.applyToProjections(events);
      const last = events[events.length - 1].position;
      const batch = (this.building ??= { last, events: [], size: 0 });
      batch.last = last;
      batch.size += events.length;
      if (this.committed.observed) batch.events.push(...events);
    } catch (err) {
      this.abandonBatch();
      throw err;
    }
  }

  private sendBatch(behind: WriteBehind): void {
    const batch = this.building;
    if (!batch) return;
    try {
      this.flushProjections(batch.last);
      const ops = this.queue!;
      this.queue = null;
      this.building = null;
      this.settleBehind(behind);
      if (this.behind !== behind) {
        // A listener of the settled batch stopped the runner: this batch is not written.
        this.discardAll();
        return;
      }
      behind.submit(ops);
      this.inFlight = { last: batch.last, events: batch.events };
    } catch (err) {
      this.abandonBatch();
      throw err;
    }
  }

  private abandonBatch(): void {
    this.queue = null;
    this.building = null;
    this.discardAll();
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
        created: e.created,
      }));
      this.committed.next({ position: last.commit, events: applied });
    }
    this.waiters.reach(this.position);
  }

  /** Wait for the batch the write-behind thread is committing; on success, advance. */
  private settleBehind(behind: WriteBehind): void {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    this.inFlight = null;
    behind.settle();
    this.advance(inFlight.last, inFlight.events);
  }

  /** Settle and stop the catch-up's write-behind thread, if any. Throws when its last batch failed. */
  private finishBehind(): void {
    const behind = this.behind;
    if (!behind) return;
    this.behind = null;
    try {
      this.settleBehind(behind);
    } catch (err) {
      this.inFlight = null;
      this.discardAll();
      throw err;
    } finally {
      behind.close();
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
      const behind =
        this.options.writeBehind !== false && !this.db.memory
          ? (this.behind = new WriteBehind(
              this.db.name,
              String(this.db.pragma('synchronous', { simple: true })),
            ))
          : null;
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
        this.queueEvents(fresh);
        if ((this.building?.size ?? 0) >= this.batchSize) this.sendBatch(behind);
      }
      if (!current()) return;
      if (behind) this.sendBatch(behind);
      if (!current()) return;
      this.finishBehind();
    } catch (err) {
      if (current()) {
        try {
          this.finishBehind();
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
