import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly holder: string;
  readonly since: string;
}

/** Another live process holds the lock; the message names it, for the person at the terminal. */
export class StoreLockedError extends Error {
  constructor(
    readonly path: string,
    readonly by: Holder,
  ) {
    super(
      `${path} is in use by process ${by.pid} on ${by.host} (${by.holder}, since ${by.since}). ` +
        'Stop that process first.',
    );
    this.name = 'StoreLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file beside a file that only one process may write at a time — the read-model
 * database, which the server's projections and `projections:rebuild` would otherwise both
 * write (docs/adr/0029). It names its holder; a lock left by a process that is gone (killed)
 * is taken over. Released on release() and, as a last resort, when the process exits.
 */
export class FileLock {
  private released = false;

  private constructor(readonly lockPath: string) {
    process.once('exit', () => this.release());
  }

  static acquire(path: string, holder: string): FileLock {
    const lockPath = `${path}.lock`;
    const me: Holder = { pid: process.pid, host: hostname(), holder, since: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(lockPath, 'wx', 0o600);
        writeSync(fd, JSON.stringify(me));
        closeSync(fd);
        return new FileLock(lockPath);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      let other: Holder | null = null;
      try {
        other = JSON.parse(readFileSync(lockPath, 'utf8')) as Holder;
      } catch {
        other = null; // being written, or garbage: treated as stale below
      }
      // Another host's process cannot be checked from here: respect its lock.
      if (other && (other.host !== me.host || alive(other.pid))) throw new StoreLockedError(path, other);
      try {
        unlinkSync(lockPath); // stale: its process is gone
      } catch {
        /* someone else removed it first */
      }
    }
    throw new Error(`Could not take the lock ${lockPath}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.lockPath);
    } catch {
      /* already gone */
    }
  }
}
