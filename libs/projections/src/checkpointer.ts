import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AUTOCHECKPOINT_PAGES, type Db } from './db.js';

/**
 * The worker, plain CommonJS run with `eval: true` (no loader or build step, same from dist/,
 * tsx and Jest). Its own connection runs PASSIVE checkpoints, which copy committed WAL frames
 * into the database file without blocking the writer or readers.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next time */ } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

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
    this.worker = new Worker(WORKER, {
      eval: true,
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
      workerData: { driver, path: db.name, intervalMs },
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
    this.worker.postMessage('stop');
  }
}
