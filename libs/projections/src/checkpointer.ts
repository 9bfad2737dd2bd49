import type { Worker } from 'node:worker_threads';
import { startWorker } from '@app/event-store';
import type { CheckpointerData, CheckpointerStop } from './checkpointer.protocol.js';
import { AUTOCHECKPOINT_PAGES, type Db } from './db.js';

/**
 * Checkpoints a read-model file's WAL from a worker thread, so the runner's commits no longer
 * stop to copy the WAL into the database (≈ 10 % of a rebuild; ADR 0015). While it runs, the
 * runner's connection does not checkpoint on its own; if the thread dies, it does again.
 */
export class BackgroundCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(
    private readonly db: Db,
    intervalMs = 100,
  ) {
    this.worker = startWorker(import.meta.url, 'checkpointer.worker', {
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
      workerData: { path: db.name, intervalMs } satisfies CheckpointerData,
    });
    this.worker.unref();
    // A thread that dies leaves the checkpoints to the runner's connection again.
    this.worker.on('error', () => this.stop());
    this.worker.on('exit', () => this.stop());
    db.pragma('wal_autocheckpoint = 0');
  }

  /** Whether a file's read models can be checkpointed this way (not in memory, WAL mode). */
  static suits(db: Db): boolean {
    return !db.memory && db.pragma('journal_mode', { simple: true }) === 'wal';
  }

  /** Lets the thread finish its checkpoint and close its connection; the runner checkpoints again. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    this.worker.postMessage({ kind: 'stop' } satisfies CheckpointerStop);
  }
}
