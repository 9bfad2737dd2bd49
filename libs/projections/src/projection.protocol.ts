/** The messages of the projection thread (thread.ts ⇄ projection.worker.ts). */
import type { StoreDescription } from '@app/event-store';
import type { CommittedBatch } from './runner.js';

export interface ProjectionThreadData {
  /** The event store, as `store.describe()` gave it: the thread opens its own connection. */
  readonly store: StoreDescription;
  readonly readModelPath: string;
  readonly batchSize: number;
  /** How often the thread looks for new events (it sees other connections' appends by polling). */
  readonly pollIntervalMs: number;
  /** Nice value of the thread (Linux; ADR 0017); 0 for none. */
  readonly niceness: number;
}

/** API → thread: stop the runner, close the connections and end. */
export interface ProjectionThreadStop {
  readonly kind: 'stop';
}

/**
 * Thread → API. A committed batch crosses as it is: structured clone keeps its bigints, Dates,
 * and each event's data and metadata (ADR 0048).
 */
export type ProjectionThreadReply =
  | { readonly kind: 'batch'; readonly batch: CommittedBatch }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'stopped' };
