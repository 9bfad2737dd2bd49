import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** One write of a batch: a statement's SQL and its parameters. */
export type WriteOp = readonly [sql: string, params: readonly unknown[]];

/**
 * The worker, plain CommonJS run with `eval: true` (no loader or build step). It owns a second
 * connection to the read-model file and commits each batch it is sent as ONE transaction, in
 * the order sent, then answers on its port and bumps a shared counter, on which the runner's
 * thread can block (`Atomics.wait`) when it needs the answer before going on.
 */
const WORKER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('cache_size = -32000');
db.pragma('busy_timeout = 5000');
const statements = new Map();
const statement = (sql) => {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
};
const commit = db.transaction((ops) => {
  for (let i = 0; i < ops.length; i++) statement(ops[i][0]).run(...ops[i][1]);
});
const done = new Int32Array(workerData.done);
const port = workerData.port;
port.on('message', (m) => {
  if (m === 'close') { db.close(); port.close(); return; }
  let error = null;
  try { commit(m.ops); } catch (err) { error = String((err && err.stack) || err); }
  port.postMessage({ seq: m.seq, error });
  Atomics.store(done, 0, m.seq);
  Atomics.notify(done, 0);
});
`;

/** A thread that died cannot answer; no batch takes this long to commit. */
const SETTLE_TIMEOUT_MS = 60_000;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Commits the runner's catch-up batches in a worker thread (ADR 0016), so the runner's thread
 * computes batch N + 1 while batch N is written: the SQLite half of a rebuild moves to the
 * other core. One batch at most is in flight. Each batch is still one transaction holding the
 * read-model rows and the checkpoints together, so a crash loses a whole batch or nothing.
 *
 * `settle` blocks until the batch in flight is committed and throws if it failed: the runner
 * calls it before it sends the next batch, before it stops, and before any write of its own.
 */
export class WriteBehind {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private sent = 0;
  private settled = 0;
  private failure: Error | null = null;

  constructor(path: string, synchronous: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER, {
      eval: true,
      // Its garbage is one batch of parameters at a time: a small young generation does.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      workerData: { driver, path, synchronous, done: this.done.buffer, port: port2 },
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

  /** Send a batch; the previous one must be settled. */
  submit(ops: readonly WriteOp[]): void {
    if (this.pending) throw new Error('WriteBehind: the previous batch is not settled');
    if (this.failure) throw this.failure;
    this.worker.ref(); // a batch in flight keeps the process alive until it is written
    this.port.postMessage({ seq: ++this.sent, ops });
  }

  /** Wait (blocking this thread) for the batch in flight; throws what failed it. */
  settle(): void {
    const started = Date.now();
    while (this.pending) {
      // Read the counter first: the worker posts its answer before it bumps the counter.
      const seen = Atomics.load(this.done, 0);
      const received = receiveMessageOnPort(this.port) as
        { message: { seq: number; error: string | null } } | undefined;
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
    this.port.postMessage('close');
    this.port.close();
    this.worker.unref();
  }
}
