import type { Worker } from 'node:worker_threads';
import { startWorker } from '../internal/worker-module.js';
import type { AppendRequest, Outcome } from './group-commit.js';
import {
  fromWireError,
  fromWireOutcome,
  toWireAppend,
  type WriterData,
  type WriterReply,
  type WriterRequest,
} from './writer.protocol.js';

/**
 * The write connection of a SqliteEventStore in a worker thread (docs/adr/0013): group commits,
 * with their fsync, happen there, so the API's event loop goes on serving requests meanwhile.
 * Groups are committed in the order they are sent.
 */
export class WriterThread {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (r: { outcomes: Outcome[]; dataVersion: number }) => void; reject: (e: unknown) => void }
  >();
  private failure: Error | null = null;

  constructor(path: string, synchronous: 'FULL' | 'NORMAL', busyTimeoutMs: number) {
    this.worker = startWorker(import.meta.url, 'writer.worker', {
      workerData: { path, synchronous, busyTimeoutMs } satisfies WriterData,
    });
    this.worker.on('message', (m: WriterReply) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if ('failed' in m) w.reject(fromWireError(m.failed));
      else w.resolve({ outcomes: m.outcomes.map(fromWireOutcome), dataVersion: m.dataVersion });
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`SQLite writer thread stopped (exit code ${code})`)));
  }

  /** Why the thread stopped, if it did: the store can no longer write. */
  get failed(): Error | null {
    return this.failure;
  }

  commit(batch: readonly AppendRequest[]): Promise<{ outcomes: Outcome[]; dataVersion: number }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ kind: 'commit', id, batch: batch.map(toWireAppend) } satisfies WriterRequest);
    });
  }

  /** Waits for the groups already sent, then stops the thread (which closes its connection). */
  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise<void>((done) => this.worker.once('exit', () => done()));
    this.worker.postMessage({ kind: 'close' } satisfies WriterRequest);
    await exited;
  }
}
