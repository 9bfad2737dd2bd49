import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SqliteEventStore, type EventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, openReadModelDb, type Db } from '@app/projections';

export const READ_MODEL_OPTIONS = Symbol('READ_MODEL_OPTIONS');

export interface ReadModelOptions {
  readonly store: EventStore;
  /** SQLite file of the read models; see `readModelPath`. */
  readonly path?: string;
}

/**
 * Where the read models live (docs/adr/0009): PARAGRAF_READ_MODEL_PATH when set; next to the
 * SQLite event file otherwise (`paragraf.db` → `paragraf.read-models.db`); in memory with the
 * memory store; `./data/read-models.db` (local to this instance) with EventStoreDB.
 */
export function readModelPath(store: EventStore, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PARAGRAF_READ_MODEL_PATH?.trim();
  if (configured) return configured;
  if (store instanceof SqliteEventStore) {
    return store.path === ':memory:' ? ':memory:' : store.path.replace(/(\.db)?$/, '.read-models.db');
  }
  if (env.PARAGRAF_EVENT_STORE === 'memory') return ':memory:';
  return './data/read-models.db';
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
