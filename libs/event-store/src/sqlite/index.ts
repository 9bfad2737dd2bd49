export {
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type SqliteSynchronous,
} from './sqlite-event-store.js';
export { MIGRATIONS, SCHEMA_VERSION, migrate, type Migration } from './schema.js';
