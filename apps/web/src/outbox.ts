/**
 * Every write goes through this queue (persisted in localStorage), so an entry made while the
 * connection is lost is never dropped: it waits, with the Idempotency-Key it got when it was
 * made, and is sent in order when the server answers again. A retry of a request the server
 * did store gets the stored answer back (the API's idempotency records), so nothing doubles.
 */
import { ApiError, NetworkError, newId, request, session } from './api';

export interface OutboxEntry {
  /** Also the Idempotency-Key: one key per entry, for its whole life. */
  readonly key: string;
  readonly path: string;
  readonly body: unknown;
  /** What the clerk sees in the queue, in Swedish. */
  readonly label: string;
  /** 'justify': sent with the chair's or justerare's token. */
  readonly as: 'clerk' | 'justify';
  readonly createdAt: string;
}

export interface Rejected {
  readonly entry: OutboxEntry;
  readonly detail: string;
}

export type SendResult = { sent: true; body: unknown } | { sent: false; queued: true };

const STORAGE_KEY = 'paragraf.outbox';
const REJECTED_KEY = 'paragraf.outbox.rejected';

function load<T>(key: string): T[] {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '[]') as T[];
  } catch {
    return [];
  }
}

type Waiter = { resolve: (r: SendResult) => void; reject: (e: unknown) => void };

class Outbox {
  private entries: OutboxEntry[] = load<OutboxEntry>(STORAGE_KEY);
  private rejected: Rejected[] = load<Rejected>(REJECTED_KEY);
  private readonly waiters = new Map<string, Waiter>();
  private readonly listeners = new Set<() => void>();
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = 500;
  private _online = true;
  /** Successful sends, so screens can refetch what changed. */
  private sentCount = 0;

  constructor() {
    window.addEventListener('online', () => void this.flush());
    window.addEventListener('offline', () => this.setOnline(false));
    window.addEventListener('storage', (e) => {
      // Another tab changed the queue: take its view (it is the same clerk).
      if (e.key === STORAGE_KEY) this.entries = load<OutboxEntry>(STORAGE_KEY);
      this.emit();
    });
    if (this.entries.length) queueMicrotask(() => void this.flush());
  }

  get pending(): readonly OutboxEntry[] {
    return this.entries;
  }
  get rejections(): readonly Rejected[] {
    return this.rejected;
  }
  get online(): boolean {
    return this._online;
  }
  get sent(): number {
    return this.sentCount;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Queue a write and try to send it. Resolves `{sent: true}` with the API's answer, or
   * `{queued: true}` when the connection is down (it will go later); rejects with ApiError
   * when the API refuses it (a rule, a bad field), so the screen can show why beside the action.
   */
  send(path: string, body: unknown, label: string, as: OutboxEntry['as'] = 'clerk'): Promise<SendResult> {
    const entry: OutboxEntry = { key: newId(), path, body, label, as, createdAt: new Date().toISOString() };
    this.entries = [...this.entries, entry];
    this.persist();
    const done = new Promise<SendResult>((resolve, reject) =>
      this.waiters.set(entry.key, { resolve, reject }),
    );
    void this.flush();
    return done;
  }

  dismissRejected(key: string): void {
    this.rejected = this.rejected.filter((r) => r.entry.key !== key);
    this.persist();
  }

  /** Called by whoever learns the server answers again (a read succeeded). */
  reachable(): void {
    if (!this._online) void this.flush();
  }

  setOnline(online: boolean): void {
    if (this._online === online) return;
    this._online = online;
    this.emit();
  }

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    try {
      while (this.entries.length) {
        const entry = this.entries[0];
        const token = entry.as === 'justify' ? (session.justifyToken() ?? session.token()) : session.token();
        try {
          const body = await request(entry.path, {
            method: 'POST',
            body: entry.body,
            idempotencyKey: entry.key,
            token,
          });
          this.retryDelay = 500;
          this.setOnline(true);
          this.finish(entry);
          this.sentCount++;
          this.waiters.get(entry.key)?.resolve({ sent: true, body });
          this.waiters.delete(entry.key);
        } catch (err) {
          if (err instanceof NetworkError) {
            this.setOnline(false);
            // Everyone waiting learns now that their entry is safe in the queue.
            for (const e of this.entries) {
              this.waiters.get(e.key)?.resolve({ sent: false, queued: true });
              this.waiters.delete(e.key);
            }
            this.scheduleRetry();
            return;
          }
          this.setOnline(true);
          this.finish(entry);
          const waiter = this.waiters.get(entry.key);
          if (waiter) {
            waiter.reject(err);
            this.waiters.delete(entry.key);
          } else {
            // Sent from the queue after the screen stopped waiting: keep the refusal visible.
            const detail = err instanceof ApiError ? err.message : String(err);
            this.rejected = [...this.rejected, { entry, detail }];
            this.persist();
          }
        }
      }
    } finally {
      this.flushing = false;
      this.emit();
    }
  }

  private finish(entry: OutboxEntry): void {
    this.entries = this.entries.filter((e) => e.key !== entry.key);
    this.persist();
  }

  private scheduleRetry(): void {
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, 15_000);
  }

  private persist(): void {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(this.entries));
    localStorage.setItem(REJECTED_KEY, JSON.stringify(this.rejected));
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

export const outbox = new Outbox();
