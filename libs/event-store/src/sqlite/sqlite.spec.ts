import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'paragraf-sqlite-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
describeEventStoreContract(
  'sqlite',
  async () => new SqliteEventStore({ path: join(dir, `store-${n++}.db`) }),
  {
    embedded: true,
  },
);

// The API's setting: commits in a writer thread with its own connection.
describeEventStoreContract(
  'sqlite, writer thread',
  async () => new SqliteEventStore({ path: join(dir, `store-${n++}.db`), writer: 'thread' }),
  {
    embedded: true,
  },
);
