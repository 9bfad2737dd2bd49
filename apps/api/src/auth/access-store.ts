import Database from 'better-sqlite3';
import { preparePrivateFile } from '@app/event-store';
import { hashToken, type User } from './users.js';

/** How a session was started: the identity provider, or a development user picked on the page. */
export type SignInMethod = 'oidc' | 'development';

export interface Session {
  readonly user: User;
  readonly csrfToken: string;
  readonly method: SignInMethod;
  readonly expiresAt: number;
  /** The provider's ID token, as the hint for its end-session endpoint at sign-out. */
  readonly idToken?: string;
}

export interface IssuedToken {
  readonly tokenId: string;
  readonly userId: string;
  readonly label: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
}

export interface PendingLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly returnTo: string;
}

type TokenRow = {
  token_id: string;
  user_id: string;
  label: string;
  created_at: string;
  created_by: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
};

const toIssued = (r: TokenRow): IssuedToken => ({
  tokenId: r.token_id,
  userId: r.user_id,
  label: r.label,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
});

/**
 * Sessions, admin-issued bearer tokens and sign-ins in progress, in one small SQLite file beside
 * the users file, written 0600 (docs/adr/0039, 0040). Every secret is stored only as its SHA-256:
 * session ids, tokens and the browser's sign-in flow id are 32 random bytes, so a leaked file
 * lets no one in. Sessions live here, not in the cookie, so signing out ends one for good and
 * sessions survive a restart.
 */
export class AccessStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(path: string) {
    this.db = new Database(preparePrivateFile(path));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL'); // a revocation must not come back after a power loss
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS sessions (
        id_sha256 TEXT PRIMARY KEY,
        user TEXT NOT NULL,
        csrf TEXT NOT NULL,
        method TEXT NOT NULL,
        id_token TEXT,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS tokens (
        token_id TEXT PRIMARY KEY,
        token_sha256 TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT,
        revoked_by TEXT
      );
      CREATE TABLE IF NOT EXISTS pending_logins (
        flow_sha256 TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        nonce TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        return_to TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;`);
    this.stmts = {
      getSession: this.db.prepare('SELECT * FROM sessions WHERE id_sha256 = ?'),
      putSession: this.db.prepare(
        'INSERT INTO sessions (id_sha256, user, csrf, method, id_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      endSession: this.db.prepare('DELETE FROM sessions WHERE id_sha256 = ?'),
      expire: this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      expireLogins: this.db.prepare('DELETE FROM pending_logins WHERE expires_at <= ?'),
      putLogin: this.db.prepare(
        'INSERT INTO pending_logins (flow_sha256, state, nonce, code_verifier, return_to, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      takeLogin: this.db.prepare(
        'DELETE FROM pending_logins WHERE flow_sha256 = ? AND expires_at > ? RETURNING *',
      ),
      putToken: this.db.prepare(
        'INSERT INTO tokens (token_id, token_sha256, user_id, label, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      tokenByHash: this.db.prepare('SELECT * FROM tokens WHERE token_sha256 = ?'),
      tokenById: this.db.prepare('SELECT * FROM tokens WHERE token_id = ?'),
      tokensOf: this.db.prepare('SELECT * FROM tokens WHERE user_id = ? ORDER BY created_at'),
      revoke: this.db.prepare(
        'UPDATE tokens SET revoked_at = ?, revoked_by = ? WHERE token_id = ? AND revoked_at IS NULL',
      ),
    };
  }

  // ─── sessions ───

  startSession(sessionId: string, s: Session, now = Date.now()): void {
    this.stmts.expire.run(now);
    this.stmts.putSession.run(
      hashToken(sessionId),
      JSON.stringify(s.user),
      s.csrfToken,
      s.method,
      s.idToken ?? null,
      now,
      s.expiresAt,
    );
  }

  session(sessionId: string, now = Date.now()): Session | undefined {
    const row = this.stmts.getSession.get(hashToken(sessionId)) as
      | { user: string; csrf: string; method: SignInMethod; id_token: string | null; expires_at: number }
      | undefined;
    if (!row || row.expires_at <= now) return undefined;
    return {
      user: JSON.parse(row.user) as User,
      csrfToken: row.csrf,
      method: row.method,
      expiresAt: row.expires_at,
      ...(row.id_token ? { idToken: row.id_token } : {}),
    };
  }

  endSession(sessionId: string): boolean {
    return this.stmts.endSession.run(hashToken(sessionId)).changes > 0;
  }

  // ─── sign-ins in progress (authorisation code flow) ───

  beginLogin(flowId: string, login: PendingLogin, ttlMs: number, now = Date.now()): void {
    this.stmts.expireLogins.run(now);
    this.stmts.putLogin.run(
      hashToken(flowId),
      login.state,
      login.nonce,
      login.codeVerifier,
      login.returnTo,
      now + ttlMs,
    );
  }

  /** The pending sign-in of this browser, once: a callback replayed finds nothing. */
  takeLogin(flowId: string, now = Date.now()): PendingLogin | undefined {
    const row = this.stmts.takeLogin.get(hashToken(flowId), now) as
      { state: string; nonce: string; code_verifier: string; return_to: string } | undefined;
    return row
      ? { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to }
      : undefined;
  }

  // ─── bearer tokens issued by an admin ───

  issueToken(t: Omit<IssuedToken, 'revokedAt' | 'revokedBy'>, token: string): void {
    this.stmts.putToken.run(
      t.tokenId,
      hashToken(token),
      t.userId,
      t.label,
      t.createdAt,
      t.createdBy,
      t.expiresAt,
    );
  }

  /** The token's record when it is known (valid, expired or revoked alike). */
  token(token: string): IssuedToken | undefined {
    const row = this.stmts.tokenByHash.get(hashToken(token)) as TokenRow | undefined;
    return row ? toIssued(row) : undefined;
  }

  tokenById(tokenId: string): IssuedToken | undefined {
    const row = this.stmts.tokenById.get(tokenId) as TokenRow | undefined;
    return row ? toIssued(row) : undefined;
  }

  tokensOf(userId: string): IssuedToken[] {
    return (this.stmts.tokensOf.all(userId) as TokenRow[]).map(toIssued);
  }

  revokeToken(tokenId: string, by: string, at: string): boolean {
    return this.stmts.revoke.run(at, by, tokenId).changes > 0;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
