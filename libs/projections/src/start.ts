import { opensInAnotherThread, type EventStore } from '@app/event-store';
import { ALL_PROJECTIONS } from './all-projections.js';
import type { Db } from './db.js';
import { ProjectionRunner } from './runner.js';
import { ProjectionThread, type LiveProjections } from './thread.js';

export interface StartProjectionsOptions {
  /** The read-model file (see `readModelPath`); `:memory:` keeps the projections in this thread. */
  readonly path: string;
  /** This thread's connection to it (queries); the projections write through it when they run here. */
  readonly db: Db;
  readonly batchSize?: number;
  /** A batch failed (the runner retries from its checkpoints) or the thread stopped (it is restarted). */
  readonly onError?: (message: string) => void;
  /** Nice value of the projection thread (ADR 0017, 0052): 0 by default, the process's priority. */
  readonly niceness?: number;
}

/**
 * Keep every read model current, and start now (ADR 0048). When another thread can open the
 * store (its `describe()` says so: a SQLite file), the projections run in a worker thread with
 * connections of their own (ADR 0012), so recording commands does not wait for them; otherwise
 * (a store in memory, EventStoreDB's client) they run in this thread on `options.db`.
 */
export function startProjections(store: EventStore, options: StartProjectionsOptions): LiveProjections {
  const description = store.describe();
  const batchSize = options.batchSize ?? 2000;
  let projections: LiveProjections;
  if (opensInAnotherThread(description) && options.path !== ':memory:') {
    // Queries may come before the thread has created the tables.
    for (const p of ALL_PROJECTIONS) p.migrate(options.db);
    projections = new ProjectionThread({
      store: description,
      readModelPath: options.path,
      batchSize,
      niceness: options.niceness,
      onError: options.onError,
    });
  } else {
    projections = new ProjectionRunner(store, options.db, ALL_PROJECTIONS, {
      batchSize,
      onError: (err) => options.onError?.(String(err)),
    });
  }
  projections.start();
  return projections;
}
