/**
 * Hot rows of one projection, kept between events so that catch-up parses and serialises
 * each row once per batch rather than once per event. Dirty rows are written by `flush`
 * inside the runner's transaction; `discard` forgets everything after a rollback.
 *
 * With the write-behind thread (ADR 0016) a batch's writes may still be on their way to the
 * database while the next batch runs, so a row written by one of the last two flushes stays
 * cached: reading it back from the database could give an older version.
 */
export class RowCache<T> {
  private readonly rows = new Map<string, T>();
  private dirty = new Set<string>();
  private written = new Set<string>();

  constructor(
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
    this.written = this.dirty;
    this.dirty = new Set();
  }

  discard(): void {
    this.rows.clear();
    this.dirty.clear();
    this.written.clear();
  }

  /** Forget the oldest rows, down to half the capacity, except those of this flush and the last. */
  private evict(): void {
    const target = this.capacity >> 1;
    for (const key of this.rows.keys()) {
      if (this.rows.size <= target) break;
      if (!this.dirty.has(key) && !this.written.has(key)) this.rows.delete(key);
    }
  }
}
