import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The record and everything beside it (read models, idempotency answers, the users file) are for
 * the server's own user: folders it creates are 0700 and files 0600 (SQLite gives its -wal and
 * -shm files the database file's mode). A file left wider by an older version is narrowed.
 * ':memory:' and `file:` URIs are left alone. Returns the path.
 */
export function preparePrivateFile(path: string): string {
  if (path === ':memory:' || path.startsWith('file:')) return path;
  const full = resolve(path);
  mkdirSync(dirname(full), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(full, 'wx', 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    narrow(full);
  }
  return path;
}

function narrow(path: string): void {
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  } catch {
    // Not ours to change (another owner): leave it, the server still runs.
  }
}
