import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { openReadModelDb, startProjections, type Db, type LiveProjections } from '@app/projections';

export { readModelPath } from '@app/projections';

export const READ_MODEL_OPTIONS = Symbol('READ_MODEL_OPTIONS');

export interface ReadModelOptions {
  readonly store: EventStore;
  /** SQLite file of the read models; see `readModelPath`. */
  readonly path?: string;
}

/**
 * The read-model database and what keeps it current, for the life of the app. Where the
 * projections run (a worker thread when another thread can open the store, docs/adr/0012,
 * or this one) is `startProjections`' choice (docs/adr/0048).
 */
@Injectable()
export class ReadModels implements OnModuleDestroy {
  /** For queries; the projections write through their own connection when in a thread. */
  readonly db: Db;
  readonly runner: LiveProjections;
  private readonly logger = new Logger('ReadModels');

  constructor(
    readonly store: EventStore,
    path: string,
  ) {
    this.db = openReadModelDb(path);
    this.runner = startProjections(store, {
      path,
      db: this.db,
      batchSize: 2000,
      onError: (message) => this.logger.error(`Projections: ${message}; retrying from the checkpoint`),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
    this.db.close();
  }
}
