import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
import { MemoryEventStore } from './memory/memory-event-store.js';
import type { EventStore, StoreDescription } from './port.js';
import { SqliteEventStore, type SqliteSynchronous } from './sqlite/sqlite-event-store.js';
import type { EventUpcaster } from './upcast.js';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly synchronous: SqliteSynchronous }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string }
  | { readonly kind: 'memory' };

export type EventStoreEnv = Readonly<Record<string, string | undefined>>;

export const DEFAULT_SQLITE_PATH = './data/paragraf.db';

/** Configuration the process cannot run with; the message names the variable and what it accepts. */
export class EventStoreConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'EventStoreConfigError';
  }
}

/** Unset and empty (as docker env files often leave them) mean the same. */
const read = (env: EventStoreEnv, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

function oneOf<T extends string>(env: EventStoreEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const found = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!found) {
    throw new EventStoreConfigError(
      name,
      `${name}="${raw}" is not valid; allowed values: ${allowed.join(', ')} (default ${fallback})`,
    );
  }
  return found;
}

/** Reads and validates the event-store settings; throws EventStoreConfigError on bad input. */
export function parseEventStoreConfig(env: EventStoreEnv = process.env): EventStoreConfig {
  const kind = oneOf(env, 'PARAGRAF_EVENT_STORE', ['sqlite', 'eventstoredb', 'memory'] as const, 'sqlite');
  if (kind === 'memory') return { kind };
  if (kind === 'eventstoredb') {
    const connectionString = read(env, 'EVENTSTORE_CONNECTION_STRING');
    if (!connectionString) {
      throw new EventStoreConfigError(
        'EVENTSTORE_CONNECTION_STRING',
        'EVENTSTORE_CONNECTION_STRING is required when PARAGRAF_EVENT_STORE=eventstoredb ' +
          '(e.g. esdb://localhost:2113?tls=false)',
      );
    }
    if (!/^(esdb|kurrentdb|kurrent)(\+discover)?:\/\/.+/.test(connectionString)) {
      throw new EventStoreConfigError(
        'EVENTSTORE_CONNECTION_STRING',
        'EVENTSTORE_CONNECTION_STRING must start with esdb://, kurrentdb:// (or their +discover forms) ' +
          `(got "${connectionString}")`,
      );
    }
    // KurrentDB is EventStoreDB renamed; the client library parses only the esdb scheme.
    return { kind, connectionString: connectionString.replace(/^(kurrentdb|kurrent)/, 'esdb') };
  }
  return {
    kind,
    path: read(env, 'PARAGRAF_SQLITE_PATH') ?? DEFAULT_SQLITE_PATH,
    synchronous: oneOf(env, 'PARAGRAF_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
  };
}

/**
 * The configured adapter. For sqlite the file's folder is created and migrations run now.
 * `upcaster`: the application's catalogue (`upcasters` from libs/domain), so every read is in
 * the current shape (docs/adr/0043); null only where the stored shape itself is wanted.
 */
export function createEventStore(
  upcaster: EventUpcaster | null,
  env: EventStoreEnv = process.env,
): EventStore {
  const config = parseEventStoreConfig(env);
  const options = upcaster ? { upcaster } : {};
  switch (config.kind) {
    case 'memory':
      return new MemoryEventStore(options);
    case 'eventstoredb':
      return new EventStoreDbEventStore({ connectionString: config.connectionString, ...options });
    case 'sqlite':
      // A server's store: commits (and their fsync) in a writer thread, docs/adr/0013.
      return new SqliteEventStore({
        path: config.path,
        synchronous: config.synchronous,
        writer: 'thread',
        ...options,
      });
  }
}

/**
 * Whether another thread can open the store `description` describes and see what this one
 * writes: a SQLite file can; a store in this thread's memory cannot; EventStoreDB's client could,
 * but its projections stay in the API's thread (never measured otherwise).
 */
export function opensInAnotherThread(description: StoreDescription): boolean {
  return (
    description.kind === 'sqlite' && description.path !== ':memory:' && !description.path.startsWith('file:')
  );
}

export interface OpenStoreOptions {
  /** How often a SQLite connection looks for other connections' appends (subscriptions). */
  readonly pollIntervalMs?: number;
  /** Brings every event read to its type's current schema version (docs/adr/0043). */
  readonly upcaster?: EventUpcaster;
}

/**
 * A store opened from another store's `describe()`, e.g. in a worker thread (ADR 0048). A SQLite
 * store opened this way writes in its own thread: it is a second connection, used for reading.
 */
export function openStore(description: StoreDescription, options: OpenStoreOptions = {}): EventStore {
  switch (description.kind) {
    case 'sqlite':
      return new SqliteEventStore({
        path: description.path,
        pollIntervalMs: options.pollIntervalMs,
        upcaster: options.upcaster,
      });
    case 'eventstoredb':
      return new EventStoreDbEventStore({
        connectionString: description.connectionString,
        upcaster: options.upcaster,
      });
    case 'memory':
      throw new Error('A memory store cannot be opened again: its events live in one thread');
  }
}
