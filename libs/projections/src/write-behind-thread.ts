import { startWorker } from '@app/event-store';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type {
  WriteBehindData,
  WriteBehindReply,
  WriteBehindRequest,
  WriteOp,
} from './write-behind.protocol.js';

/** A thread that died cannot answer; no batch takes this long to commit. */
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * The worker thread that commits catch-up batches (ADR 0016), with at most `IN_FLIGHT` batch
 * sent and not settled: `submit` refuses another. Each batch is one transaction holding the
 * read-model rows and the checkpoints together, so a crash loses a whole batch or nothing.
 *
 * `settle` blocks until the batch in flight is committed and throws if it failed.
 */
export class WriteBehindThread {
  /** Batches sent and not yet settled, at most. WriteBehindSink's cache rule depends on it. */
  static readonly IN_FLIGHT = 1;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private sent = 0;
  private settled = 0;
  private failure: Error | null = null;

  constructor(path: string, synchronous: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = startWorker(import.meta.url, 'write-behind.worker', {
      // Its garbage is one batch of parameters at a time: a small young generation does.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      workerData: {
        path,
        synchronous,
        done: this.done.buffer as SharedArrayBuffer,
        port: port2,
      } satisfies WriteBehindData,
      transferList: [port2],
    });
    this.worker.unref();
    this.worker.on('error', (err) => (this.failure ??= err));
    this.worker.on('exit', (code) => (this.failure ??= new Error(`write-behind thread stopped (${code})`)));
  }

  /** Whether a batch was sent and not yet settled. */
  get pending(): boolean {
    return this.sent > this.settled;
  }

  /** Send a batch; refused while IN_FLIGHT batches are unsettled. */
  submit(ops: readonly WriteOp[]): void {
    if (this.sent - this.settled >= WriteBehindThread.IN_FLIGHT) {
      throw new Error('WriteBehindThread: the previous batch is not settled');
    }
    if (this.failure) throw this.failure;
    this.worker.ref(); // a batch in flight keeps the process alive until it is written
    this.post({ kind: 'batch', seq: ++this.sent, ops });
  }

  /** Wait (blocking this thread) for the batches in flight; throws what failed one. */
  settle(): void {
    const started = Date.now();
    while (this.pending) {
      // Read the counter first: the worker posts its answer before it bumps the counter.
      const seen = Atomics.load(this.done, 0);
      const received = receiveMessageOnPort(this.port) as { message: WriteBehindReply } | undefined;
      if (received) {
        this.settled = received.message.seq;
        this.worker.unref();
        if (received.message.error) throw new Error(`read-model write failed: ${received.message.error}`);
        continue;
      }
      if (this.failure || Date.now() - started > SETTLE_TIMEOUT_MS) {
        this.settled = this.sent;
        throw this.failure ?? new Error('write-behind thread did not answer');
      }
      if (seen < this.sent) Atomics.wait(this.done, 0, seen, 1000);
    }
  }

  /** Settles what is in flight (ignoring its failure: the caller is giving up), then stops the thread. */
  close(): void {
    try {
      this.settle();
    } catch {
      // the runner's checkpoints were not advanced for that batch; it is applied again later
    }
    this.post({ kind: 'close' });
    this.port.close();
    this.worker.unref();
  }

  private post(m: WriteBehindRequest): void {
    this.port.postMessage(m);
  }
}
