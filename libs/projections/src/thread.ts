import type { Worker } from 'node:worker_threads';
import { startWorker, type StoreDescription } from '@app/event-store';
import { Subject } from 'rxjs';
import { PositionWaiters } from './position-waiters.js';
import type {
  ProjectionThreadData,
  ProjectionThreadReply,
  ProjectionThreadStop,
} from './projection.protocol.js';
import type { CommittedBatch } from './runner.js';

/** What the API needs of whoever keeps the read models current: in this thread or another. */
export interface LiveProjections {
  /** Emits after each committed batch (drives the live stream). */
  readonly committed: Subject<CommittedBatch>;
  /** The position every projection has reached; -1n before the first event. */
  readonly position: bigint;
  start(): void;
  stop(): void | Promise<void>;
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
}

export interface ProjectionThreadOptions {
  /** The event store, as `store.describe()` gave it; the thread opens its own connection. */
  readonly store: StoreDescription;
  readonly readModelPath: string;
  readonly batchSize?: number;
  /** How often the thread looks for new events (it sees other connections' appends by polling). */
  readonly pollIntervalMs?: number;
  /** Nice value of the thread (Linux): 0 by default, the process's priority, as reads wait for it (ADR 0052). */
  readonly niceness?: number;
  /** Called when a batch fails in the thread (its runner retries from the checkpoint) or the thread fails. */
  readonly onError?: (message: string) => void;
}

/**
 * The ProjectionRunner in a worker thread with its own connections, so applying events to the
 * read models does not take the API's event loop (docs/adr/0012). It reads new events by
 * polling the store every few milliseconds, as any second connection does; each committed
 * batch comes back here as a message and is re-emitted on `committed`.
 */
export class ProjectionThread implements LiveProjections {
  readonly committed = new Subject<CommittedBatch>();
  private worker: Worker | null = null;
  private reached = -1n;
  private readonly waiters = new PositionWaiters();
  private lastError: string | null = null;
  private stopped = true;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ProjectionThreadOptions) {}

  get position(): bigint {
    return this.reached;
  }

  get error(): string | null {
    return this.lastError;
  }

  start(): void {
    this.stopped = false;
    if (this.worker) return;
    const worker = startWorker(import.meta.url, 'projection.worker', {
      workerData: {
        store: this.options.store,
        readModelPath: this.options.readModelPath,
        batchSize: this.options.batchSize ?? 2000,
        pollIntervalMs: this.options.pollIntervalMs ?? 10,
        niceness: this.options.niceness ?? 0,
      } satisfies ProjectionThreadData,
    });
    worker.on('message', (m: ProjectionThreadReply) => this.receive(m));
    worker.on('error', (err) => {
      this.lastError = String(err);
      this.options.onError?.(this.lastError);
    });
    // A thread that dies on its own is started again: it resumes from its checkpoints.
    worker.on('exit', (code) => {
      if (this.worker !== worker) return; // stopped on purpose
      this.worker = null;
      this.lastError = `projection thread stopped (exit code ${code}); starting it again`;
      this.options.onError?.(this.lastError);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (!this.stopped) this.start();
      }, 500);
    });
    this.worker = worker;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    worker.postMessage({ kind: 'stop' } satisfies ProjectionThreadStop);
    // The worker closes its connections and exits; do not wait forever for a stuck one.
    const timer = setTimeout(() => void worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  waitFor(position: bigint, timeoutMs = 10_000): Promise<void> {
    return this.waiters.wait(position, this.reached, timeoutMs);
  }

  private receive(m: ProjectionThreadReply): void {
    if (m.kind === 'error') {
      this.lastError = m.message;
      this.options.onError?.(m.message);
      return;
    }
    if (m.kind !== 'batch') return;
    this.lastError = null;
    if (m.batch.position > this.reached) this.reached = m.batch.position;
    if (this.committed.observed) this.committed.next(m.batch);
    this.waiters.reach(this.reached);
  }
}
