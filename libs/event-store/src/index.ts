export * from './port.js';
export { MemoryEventStore } from './memory/index.js';
export { SqliteEventStore, type SqliteEventStoreOptions, type SqliteSynchronous } from './sqlite/index.js';
