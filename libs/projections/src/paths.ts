import { SqliteEventStore, type EventStore } from '@app/event-store';

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
