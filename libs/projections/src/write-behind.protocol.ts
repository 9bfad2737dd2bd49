/** The messages of the write-behind thread (write-behind-thread.ts ⇄ write-behind.worker.ts). */
import type { MessagePort } from 'node:worker_threads';

/** One write of a batch: a statement's SQL and its parameters (bigints stay bigints). */
export type WriteOp = readonly [sql: string, params: readonly unknown[]];

export interface WriteBehindData {
  /** The read-model file; the thread opens a second connection to it. */
  readonly path: string;
  readonly synchronous: string;
  /** Int32Array over it: the sequence number of the last batch answered, for `Atomics.wait`. */
  readonly done: SharedArrayBuffer;
  /** Its own port, so the runner's thread can read the answer synchronously (`receiveMessageOnPort`). */
  readonly port: MessagePort;
}

/** Runner → thread: commit this batch as ONE transaction, or close the connection. */
export type WriteBehindRequest =
  | { readonly kind: 'batch'; readonly seq: number; readonly ops: readonly WriteOp[] }
  | { readonly kind: 'close' };

/** Thread → runner: the batch `seq` is committed (error null) or rolled back (why). */
export interface WriteBehindReply {
  readonly seq: number;
  readonly error: string | null;
}
