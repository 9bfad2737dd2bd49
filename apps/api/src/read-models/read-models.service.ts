import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SqliteEventStore, type EventStore } from '@app/event-store';
import {
  ALL_PROJECTIONS,
  ProjectionRunner,
  ProjectionThread,
  openReadModelDb,
  type Db,
  type LiveProjections,
} from '@app/projections';

export { readModelPath } from '@app/projections';

export const READ_MODEL_OPTIONS = Symbol('READ_MODEL_OPTIONS');

export interface ReadModelOptions {
  readonly store: EventStore;
  /** SQLite file of the read models; see `readModelPath`. */
  readonly path?: string;
}

/**
 * The read-model database and what keeps it current, for the life of the app. With the SQLite
 * event file the projections run in a worker thread (docs/adr/0012), so recording commands does
 * not wait for them; with a store another thread cannot open (in memory, EventStoreDB's client)
 * they run in this thread.
 */
@Injectable()
export class ReadModels implements OnModuleInit, OnModuleDestroy {
  /** For queries; the projections write through their own connection when in a thread. */
  readonly db: Db;
  readonly runner: LiveProjections;
  private readonly logger = new Logger('ReadModels');

  constructor(
    readonly store: EventStore,
    path: string,
  ) {
    this.db = openReadModelDb(path);
    const threaded = store instanceof SqliteEventStore && store.path !== ':memory:' && path !== ':memory:';
    if (threaded) {
      // Queries may come before the thread has created the tables.
      for (const p of ALL_PROJECTIONS) p.migrate(this.db);
      this.runner = new ProjectionThread({
        eventStorePath: store.path,
        readModelPath: path,
        batchSize: 2000,
        onError: (message) =>
          this.logger.error(`Projection thread: ${message}; retrying from the checkpoint`),
      });
    } else {
      this.runner = new ProjectionRunner(store, this.db, ALL_PROJECTIONS, {
        batchSize: 2000,
        onError: (err) =>
          this.logger.error(`Projection batch failed; retrying from the checkpoint: ${String(err)}`),
      });
    }
  }

  onModuleInit(): void {
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    this.db.close();
  }
}
