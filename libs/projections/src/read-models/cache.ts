import type { Writes } from '../projection.js';

/**
 * Hot rows of one projection, kept between events so that catch-up parses and serialises
 * each row once per batch rather than once per event. Dirty rows are written by `flush`
 * through the runner's sink; `discard` forgets everything after a rollback.
 *
 * A sink may still be committing the writes of earlier flushes while the next batch runs (the
 * write-behind thread, ADR 0016): a row written by one of the sink's `retainedFlushes` latest
 * flushes stays cached, because reading it back from the file could give an older version.
 */
export class RowCache<T> {
  private readonly rows = new Map<string, T>();
  private dirty = new Set<string>();
  /** Keys written by the previous `retainedFlushes - 1` flushes, oldest first. */
  private readonly written: Set<string>[] = [];

  constructor(
    /** The sink's writes: how many flushes to keep comes from there. */
    private readonly writes: Writes,
    private readonly load: (key: string) => T | undefined,
    private readonly write: (key: string, row: T) => void,
    /** Rows kept after a flush; the oldest go first. */
    private readonly capacity = 1000,
  ) {}

  get(key: string): T | undefined {
    const hit = this.rows.get(key);
    if (hit !== undefined) return hit;
    const loaded = this.load(key);
    if (loaded !== undefined) this.rows.set(key, loaded);
    return loaded;
  }

  /** Within a batch the cache may grow past its capacity (a batch is bounded); `flush` trims it. */
  set(key: string, row: T): void {
    this.rows.set(key, row);
    this.dirty.add(key);
  }

  flush(): void {
    for (const key of this.dirty) this.write(key, this.rows.get(key)!);
    if (this.rows.size > this.capacity) this.evict();
    this.written.push(this.dirty);
    while (this.written.length > this.writes.retainedFlushes - 1) this.written.shift();
    this.dirty = new Set();
  }

  discard(): void {
    this.rows.clear();
    this.dirty.clear();
    this.written.length = 0;
  }

  /** Forget the oldest rows, down to half the capacity, except those of the retained flushes. */
  private evict(): void {
    const target = this.capacity >> 1;
    for (const key of this.rows.keys()) {
      if (this.rows.size <= target) break;
      if (!this.dirty.has(key) && !this.written.some((w) => w.has(key))) this.rows.delete(key);
    }
  }
}
