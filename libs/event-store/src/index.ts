export * from './port.js';
export { upcastEvent, asStored, storedSchemaVersion, type EventUpcaster, type UpcastFrom } from './upcast.js';
export { MemoryEventStore } from './memory/index.js';
export { SqliteEventStore, type SqliteEventStoreOptions, type SqliteSynchronous } from './sqlite/index.js';
export { EventStoreDbEventStore, type EventStoreDbEventStoreOptions } from './eventstoredb/index.js';
export {
  createEventStore,
  openStore,
  opensInAnotherThread,
  type OpenStoreOptions,
  parseEventStoreConfig,
  EventStoreConfigError,
  DEFAULT_SQLITE_PATH,
  type EventStoreConfig,
  type EventStoreEnv,
} from './config.js';
export { startWorker, type WorkerModuleOptions } from './internal/worker-module.js';
export * from './integrity/index.js';
export { preparePrivateFile } from './private-files.js';
