import type { Statement } from 'better-sqlite3';
import type { StoredEvent } from '@app/event-store';
import type { Writes } from './projection.js';
import type { BatchSink } from './sink.js';
import { WriteBehindThread } from './write-behind-thread.js';
import type { WriteOp } from './write-behind.protocol.js';

type At = StoredEvent['position'];

/** What a WriteBehindSink needs of the runner whose batches it commits. */
export interface BatchTarget {
  /** Apply events to the projections; their writes come to the sink. */
  apply(events: readonly StoredEvent[]): void;
  /** Flush the projections' caches and write their checkpoints at `last`, through the sink. */
  flush(last: At): void;
  /** The batch ending at `last` is in the file: move the checkpoints, tell the listeners. */
  advance(last: At, events: readonly StoredEvent[]): void;
  /** Forget every cached row: a batch was lost or abandoned. */
  discard(): void;
  /** Whether listeners want each batch's events (otherwise they are not kept). */
  wantsEvents(): boolean;
}

/**
 * The catch-up's write-behind pipeline (ADR 0016, 0048): events of several small pages are
 * applied as they come and their writes queued here; once a batch is full it is flushed, the
 * previous batch is settled (and only then are its checkpoints advanced), and the new one goes
 * to the thread, which commits it while the next one is computed.
 *
 * The cache rule lives here: with `WriteBehindThread.IN_FLIGHT` batches unsettled while the next
 * is built, the projections' caches must keep the rows of the last `RETAINED_FLUSHES` flushes;
 * the constructor refuses writes whose caches keep fewer.
 */
export class WriteBehindSink implements BatchSink {
  static readonly RETAINED_FLUSHES = WriteBehindThread.IN_FLIGHT + 1;
  readonly retainedFlushes = WriteBehindSink.RETAINED_FLUSHES;
  private readonly thread: WriteBehindThread;
  private queue: WriteOp[] = [];
  /** The batch being applied: its last position, its events (for listeners) and size. */
  private building: { last: At; events: StoredEvent[]; size: number } | null = null;
  /** The batch the thread is committing. */
  private inFlight: { last: At; events: readonly StoredEvent[] } | null = null;
  private closed = false;

  constructor(
    private readonly target: BatchTarget,
    /** The writes the projections' caches were opened with. */
    caches: Writes,
    path: string,
    synchronous: string,
    private readonly batchSize: number,
  ) {
    if (caches.retainedFlushes < WriteBehindSink.RETAINED_FLUSHES) {
      throw new Error(
        `WriteBehindSink: caches keep ${caches.retainedFlushes} flushes, ${WriteBehindSink.RETAINED_FLUSHES} are needed`,
      );
    }
    this.thread = new WriteBehindThread(path, synchronous);
  }

  run(statement: Statement, ...params: unknown[]): void {
    this.queue.push([statement.source, params]);
  }

  /** Apply events as they come; once the batch holds `batchSize`, send it. */
  add(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    try {
      this.target.apply(events);
      const last = events[events.length - 1].position;
      const batch = (this.building ??= { last, events: [], size: 0 });
      batch.last = last;
      batch.size += events.length;
      if (this.target.wantsEvents()) batch.events.push(...events);
    } catch (err) {
      this.abandon();
      throw err;
    }
    if (this.building.size >= this.batchSize) this.send();
  }

  /** The catch-up read everything: send the last batch, wait for it, stop. Throws when it failed. */
  finish(): void {
    this.send();
    this.close();
  }

  /**
   * Settle the batch in flight (advancing on success), forget the one being built, stop the
   * thread. Throws when the batch in flight failed; the caches are then discarded.
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.settle();
    } catch (err) {
      this.target.discard();
      throw err;
    } finally {
      if (this.building) this.abandon();
      this.thread.close();
    }
  }

  private send(): void {
    const batch = this.building;
    if (!batch || this.closed) return;
    try {
      this.target.flush(batch.last);
      const ops = this.queue;
      this.queue = [];
      this.building = null;
      this.settle();
      if (this.closed) {
        // A listener of the settled batch stopped the runner: this batch is not written.
        this.target.discard();
        return;
      }
      this.thread.submit(ops);
      this.inFlight = { last: batch.last, events: batch.events };
    } catch (err) {
      this.abandon();
      throw err;
    }
  }

  /** Wait for the batch in flight; on success, advance. */
  private settle(): void {
    const inFlight = this.inFlight;
    if (!inFlight) return;
    this.inFlight = null;
    this.thread.settle();
    this.target.advance(inFlight.last, inFlight.events);
  }

  /** Applied in the caches, never sent: forget it. */
  private abandon(): void {
    this.queue = [];
    this.building = null;
    this.target.discard();
  }
}
