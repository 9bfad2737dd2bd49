import Database from 'better-sqlite3';
import { preparePrivateFile } from '@app/event-store';

export interface IdempotencyRecord {
  readonly requestHash: string;
  readonly status: number;
  /** The answer's JSON body. */
  readonly body: unknown;
}

/**
 * Answers already given to requests with an Idempotency-Key, in a small SQLite table beside
 * the event store (docs/adr/0007). It lets a retry get the first answer back without running
 * anything, and tells a reused key from a retry. Losing it is harmless: the derived event ids
 * and the store's idempotent append still keep a retried command from writing twice.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement<[string, string]>;
  private readonly putStmt: Database.Statement<[string, string, string, number, string, string]>;

  constructor(path: string) {
    this.db = new Database(preparePrivateFile(path));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL'); // a lost record only costs a re-decision (see above)
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency (
      user_id TEXT NOT NULL,
      key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      body TEXT NOT NULL,
      created TEXT NOT NULL,
      status INTEGER NOT NULL DEFAULT 200,
      PRIMARY KEY (user_id, key)
    ) WITHOUT ROWID`);
    // Files written before the status was kept (every write route then had one fixed status).
    const columns = this.db.prepare('PRAGMA table_info(idempotency)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'status')) {
      this.db.exec('ALTER TABLE idempotency ADD COLUMN status INTEGER NOT NULL DEFAULT 200');
    }
    this.getStmt = this.db.prepare(
      'SELECT request_hash, status, body FROM idempotency WHERE user_id = ? AND key = ?',
    );
    this.putStmt = this.db.prepare(
      'INSERT OR IGNORE INTO idempotency (user_id, key, request_hash, status, body, created) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  get(userId: string, key: string): IdempotencyRecord | undefined {
    const row = this.getStmt.get(userId, key) as
      { request_hash: string; status: number; body: string } | undefined;
    return row
      ? { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.body) }
      : undefined;
  }

  /** `body` is the answer as sent (JSON text). */
  put(userId: string, key: string, record: Omit<IdempotencyRecord, 'body'> & { body: string }): void {
    this.putStmt.run(userId, key, record.requestHash, record.status, record.body, new Date().toISOString());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
