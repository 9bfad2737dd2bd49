import type { Statement } from 'better-sqlite3';
import type { CatalogueEventType } from '@app/domain';
import type { StoredEvent } from '@app/event-store';
import type { Db } from './db.js';

/**
 * A projection: a name, a version, the event types it handles and how it applies them to
 * its own SQLite tables. Bump `version` whenever the tables or the way events are applied
 * change: the runner then rebuilds the projection from position 0.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** Types from the event catalogue (libs/domain/src/upcasting.ts): a misspelt one does not compile. */
  readonly handles: readonly CatalogueEventType[];
  /** Create the projection's tables (idempotent). */
  migrate(db: Db): void;
  /** Drop everything the projection wrote, before a rebuild. */
  reset(db: Db): void;
  /**
   * Prepare statements and caches for this connection. Reads use `db`; every write goes through
   * `writes`, which runs it in the runner's transaction or queues it with the batch for the
   * write-behind thread (catch-up; docs/adr/0016).
   */
  open(db: Db, writes: Writes): ProjectionWriter;
}

/** Where a projection's writes go: a batch sink (sink.ts, ADR 0048). */
export interface Writes {
  run(statement: Statement, ...params: unknown[]): void;
  /**
   * How many of the latest flushes (the current one included) may have written rows that are
   * not yet readable from the file, because a thread is still committing them. A cache must
   * keep those rows (RowCache does): read back, the file could give an older version. Set by
   * the sink that needs it (WriteBehindSink: 2, one batch in flight plus the one being built).
   */
  readonly retainedFlushes: number;
}

/**
 * Applies events inside the runner's transaction. It may keep hot rows in memory between
 * `apply` calls of one batch and write them in `flush`, which the runner calls before it
 * writes the checkpoint and commits. After a rollback the runner calls `discard`, so the
 * cache never holds anything the database does not.
 */
export interface ProjectionWriter {
  apply(event: StoredEvent): void;
  flush(): void;
  discard(): void;
}

/** What the runner tells listeners after a batch is committed (drives the live stream). */
export interface CommittedEvent {
  readonly position: bigint;
  readonly streamId: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  /**
   * As stored (the schema version is kept there); `{}` when a catch-up read it without
   * (`readAllPages({ metadata: false })`); absent when built from elsewhere than a runner.
   */
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly created: Date;
}
