import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import type { Writes } from './projection.js';

/**
 * Where the projections hand a batch's writes (ADR 0048): run at once in the runner's
 * transaction (InlineSink), or queued and committed by a thread while the next batch is
 * computed (WriteBehindSink, write-behind.ts). Each sink states how many flushes the
 * projections' caches must keep (`Writes.retainedFlushes`).
 */
export interface BatchSink extends Writes {
  run(statement: Statement, ...params: unknown[]): void;
}

/** Writes run in the runner's own transaction: once committed, the file has them. */
export class InlineSink implements BatchSink {
  static readonly RETAINED_FLUSHES = 1;
  readonly retainedFlushes = InlineSink.RETAINED_FLUSHES;

  constructor(private readonly db: Db) {}

  run(statement: Statement, ...params: unknown[]): void {
    statement.run(...params);
  }

  /** Run `work` (apply, flush) as ONE transaction; it throws what rolled it back. */
  commit(work: () => void): void {
    this.db.transaction(work)();
  }
}
