import type { EventStore } from '@app/event-store';

/**
 * Where the read models live (docs/adr/0009): PARAGRAF_READ_MODEL_PATH when set; next to the
 * SQLite event file otherwise (`paragraf.db` → `paragraf.read-models.db`); in memory with the
 * memory store (or a SQLite store in memory); `./data/read-models.db` (local to this instance)
 * with EventStoreDB.
 */
export function readModelPath(store: EventStore, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PARAGRAF_READ_MODEL_PATH?.trim();
  if (configured) return configured;
  const description = store.describe();
  switch (description.kind) {
    case 'sqlite':
      return description.path === ':memory:'
        ? ':memory:'
        : description.path.replace(/(\.db)?$/, '.read-models.db');
    case 'memory':
      return ':memory:';
    case 'eventstoredb':
      return './data/read-models.db';
  }
}
