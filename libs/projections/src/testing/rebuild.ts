import type { EventStore } from '@app/event-store';
import { openReadModelDb, type Db } from '../db.js';
import { ALL_PROJECTIONS } from '../index.js';
import type { Projection } from '../projection.js';
import { ProjectionRunner } from '../runner.js';

/** A clean rebuild to compare with: every event, in one thread, into an in-memory database. */
export async function rebuildInMemory(
  store: EventStore,
  projections: readonly Projection[] = ALL_PROJECTIONS,
): Promise<Db> {
  const db = openReadModelDb(':memory:');
  const runner = new ProjectionRunner(store, db, projections, { batchSize: 5000 });
  runner.start();
  await runner.catchUp();
  runner.stop();
  return db;
}
