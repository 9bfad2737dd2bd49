import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEventStore,
  EventStoreConfigError,
  openStore,
  opensInAnotherThread,
  parseEventStoreConfig,
} from './config.js';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
import { MemoryEventStore } from './memory/memory-event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';

function configError(env: Record<string, string>): EventStoreConfigError {
  try {
    parseEventStoreConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(EventStoreConfigError);
    return e as EventStoreConfigError;
  }
  throw new Error('expected a configuration error');
}

describe('parseEventStoreConfig', () => {
  it('defaults to sqlite in ./data/paragraf.db with synchronous FULL', () => {
    expect(parseEventStoreConfig({})).toEqual({
      kind: 'sqlite',
      path: './data/paragraf.db',
      synchronous: 'FULL',
    });
  });

  it('treats empty values as unset', () => {
    expect(parseEventStoreConfig({ PARAGRAF_EVENT_STORE: '', PARAGRAF_SQLITE_PATH: ' ' })).toEqual({
      kind: 'sqlite',
      path: './data/paragraf.db',
      synchronous: 'FULL',
    });
  });

  it('reads the sqlite path and synchronous level (case-insensitive)', () => {
    expect(
      parseEventStoreConfig({
        PARAGRAF_EVENT_STORE: 'SQLite',
        PARAGRAF_SQLITE_PATH: '/var/lib/paragraf/x.db',
        PARAGRAF_SQLITE_SYNCHRONOUS: 'normal',
      }),
    ).toEqual({ kind: 'sqlite', path: '/var/lib/paragraf/x.db', synchronous: 'NORMAL' });
  });

  it('selects memory', () => {
    expect(parseEventStoreConfig({ PARAGRAF_EVENT_STORE: 'memory' })).toEqual({ kind: 'memory' });
  });

  it('selects eventstoredb with its connection string', () => {
    expect(
      parseEventStoreConfig({
        PARAGRAF_EVENT_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      }),
    ).toEqual({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' });
  });

  it('an unknown store names the variable and the allowed values', () => {
    const err = configError({ PARAGRAF_EVENT_STORE: 'postgres' });
    expect(err.variable).toBe('PARAGRAF_EVENT_STORE');
    expect(err.message).toContain('PARAGRAF_EVENT_STORE="postgres"');
    expect(err.message).toContain('sqlite, eventstoredb, memory');
  });

  it('an unknown synchronous level names the variable and the allowed values', () => {
    const err = configError({ PARAGRAF_SQLITE_SYNCHRONOUS: 'OFF' });
    expect(err.variable).toBe('PARAGRAF_SQLITE_SYNCHRONOUS');
    expect(err.message).toContain('FULL, NORMAL');
  });

  it('eventstoredb without a connection string is refused', () => {
    const err = configError({ PARAGRAF_EVENT_STORE: 'eventstoredb' });
    expect(err.variable).toBe('EVENTSTORE_CONNECTION_STRING');
    expect(err.message).toContain('EVENTSTORE_CONNECTION_STRING is required');
  });

  it.each([
    ['kurrentdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kurrentdb+discover://a,b,c:2113', 'esdb+discover://a,b,c:2113'],
    ['esdb+discover://a:2113', 'esdb+discover://a:2113'],
  ])('accepts %s', (given, used) => {
    expect(
      parseEventStoreConfig({ PARAGRAF_EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: given }),
    ).toEqual({ kind: 'eventstoredb', connectionString: used });
  });

  it('a connection string that is not esdb:// is refused', () => {
    const err = configError({
      PARAGRAF_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113',
    });
    expect(err.variable).toBe('EVENTSTORE_CONNECTION_STRING');
    expect(err.message).toContain('esdb://');
  });
});

describe('createEventStore', () => {
  it('creates the sqlite folder and opens the file with the configured level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paragraf-config-'));
    try {
      const path = join(dir, 'nested', 'deeper', 'paragraf.db');
      const store = createEventStore(null, {
        PARAGRAF_SQLITE_PATH: path,
        PARAGRAF_SQLITE_SYNCHRONOUS: 'NORMAL',
      });
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect((store as SqliteEventStore).synchronous).toBe('NORMAL');
      expect(existsSync(path)).toBe(true);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates the memory and eventstoredb adapters without connecting', async () => {
    const memory = createEventStore(null, { PARAGRAF_EVENT_STORE: 'memory' });
    expect(memory).toBeInstanceOf(MemoryEventStore);
    await memory.close();
    const esdb = createEventStore(null, {
      PARAGRAF_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:1?tls=false',
    });
    expect(esdb).toBeInstanceOf(EventStoreDbEventStore);
    await esdb.close();
  });

  it('throws the configuration error before opening anything', () => {
    expect(() => createEventStore(null, { PARAGRAF_EVENT_STORE: 'nope' })).toThrow(EventStoreConfigError);
  });
});

describe('store descriptions (docs/adr/0048)', () => {
  it('a SQLite file is described as data, opened again from it, and sees what the first wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paragraf-describe-'));
    try {
      const first = new SqliteEventStore({ path: join(dir, 'events.db') });
      await first.appendToStream('s-1', [
        { id: '0190e0c4-0000-7000-8000-000000000001', type: 'X', data: { a: 1 } },
      ]);
      const description = first.describe();
      expect(description).toEqual({ kind: 'sqlite', path: join(dir, 'events.db') });
      expect(structuredClone(description)).toEqual(description); // it can cross a thread
      expect(opensInAnotherThread(description)).toBe(true);
      const second = openStore(description);
      expect((await second.readStream('s-1')).map((e) => e.data)).toEqual([{ a: 1 }]);
      await second.close();
      await first.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a store in memory cannot be opened elsewhere', async () => {
    const memory = new MemoryEventStore();
    expect(memory.describe()).toEqual({ kind: 'memory' });
    expect(opensInAnotherThread(memory.describe())).toBe(false);
    expect(() => openStore(memory.describe())).toThrow(/memory store/);
    const sqliteInMemory = new SqliteEventStore({ path: ':memory:' });
    expect(opensInAnotherThread(sqliteInMemory.describe())).toBe(false);
    await sqliteInMemory.close();
    expect(opensInAnotherThread({ kind: 'eventstoredb', connectionString: 'esdb://localhost:2113' })).toBe(
      false,
    );
  });
});
