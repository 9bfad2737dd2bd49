import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, openReadModelDb, type Db } from '@app/projections';

export { readModelPath } from '@app/projections';

export const READ_MODEL_OPTIONS = Symbol('READ_MODEL_OPTIONS');

export interface ReadModelOptions {
  readonly store: EventStore;
  /** SQLite file of the read models; see `readModelPath`. */
  readonly path?: string;
}

/** The read-model database and the runner that keeps it current, for the life of the app. */
@Injectable()
export class ReadModels implements OnModuleInit, OnModuleDestroy {
  readonly db: Db;
  readonly runner: ProjectionRunner;
  private readonly logger = new Logger('ReadModels');

  constructor(
    readonly store: EventStore,
    path: string,
  ) {
    this.db = openReadModelDb(path);
    this.runner = new ProjectionRunner(store, this.db, ALL_PROJECTIONS, {
      batchSize: 2000,
      onError: (err) =>
        this.logger.error(`Projection batch failed; retrying from the checkpoint: ${String(err)}`),
    });
  }

  onModuleInit(): void {
    this.runner.start();
  }

  onModuleDestroy(): void {
    this.runner.stop();
    this.db.close();
  }
}
