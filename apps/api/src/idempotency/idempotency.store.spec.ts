import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyStore } from './idempotency.store.js';

describe('IdempotencyStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'paragraf-idem-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back the status and body stored for a user and key', () => {
    const store = new IdempotencyStore(join(dir, 'i.db'));
    store.put('u1', 'k', { requestHash: 'h', status: 201, body: '{"revision":3}' });
    expect(store.get('u1', 'k')).toEqual({ requestHash: 'h', status: 201, body: { revision: 3 } });
    expect(store.get('u2', 'k')).toBeUndefined();
    store.close();
  });

  it('opens a file written before the status was kept; its answers count as 200', () => {
    const path = join(dir, 'old.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE idempotency (user_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
      body TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY (user_id, key)) WITHOUT ROWID`);
    old.prepare('INSERT INTO idempotency VALUES (?, ?, ?, ?, ?)').run('u', 'k', 'h', '{"revision":1}', 'now');
    old.close();
    const store = new IdempotencyStore(path);
    expect(store.get('u', 'k')).toEqual({ requestHash: 'h', status: 200, body: { revision: 1 } });
    store.close();
  });
});
