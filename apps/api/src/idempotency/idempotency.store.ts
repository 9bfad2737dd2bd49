import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface IdempotencyRecord {
  readonly requestHash: string;
  readonly body: unknown;
}

/**
 * The status is not stored: every write route answers one fixed status on success.
 * Answers already given to requests with an Idempotency-Key, in a small SQLite table beside
 * the event store (docs/adr/0007). It lets a retry get the first answer back without running
 * anything, and tells a reused key from a retry. Losing it is harmless: the derived event ids
 * and the store's idempotent append still keep a retried command from writing twice.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string, string]>;
  private readonly putStmt: Database.Statement<[string, string, string, string, string]>;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL'); // a lost record only costs a re-decision (see above)
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      user_id TEXT NOT NULL,
      key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      body TEXT NOT NULL,
      created TEXT NOT NULL,
      PRIMARY KEY (user_id, key)
    ) WITHOUT ROWID`);
    this.getStmt = this.db.prepare(
      'SELECT request_hash, body FROM idempotency WHERE user_id = ? AND key = ?',
    );
    this.putStmt = this.db.prepare(
      'INSERT OR IGNORE INTO idempotency (user_id, key, request_hash, body, created) VALUES (?, ?, ?, ?, ?)',
    );
  }

  get(userId: string, key: string): IdempotencyRecord | undefined {
    const row = this.getStmt.get(userId, key) as { request_hash: string; body: string } | undefined;
    return row ? { requestHash: row.request_hash, body: JSON.parse(row.body) } : undefined;
  }

  put(userId: string, key: string, record: IdempotencyRecord): void {
    this.putStmt.run(userId, key, record.requestHash, JSON.stringify(record.body), new Date().toISOString());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
