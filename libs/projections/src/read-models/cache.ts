/**
 * Hot rows of one projection, kept between events so that catch-up parses and serialises
 * each row once per batch rather than once per event. Dirty rows are written by `flush`
 * inside the runner's transaction; `discard` forgets everything after a rollback.
 */
export class RowCache<T> {
  private readonly rows = new Map<string, T>();
  private readonly dirty = new Set<string>();

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
    this.dirty.clear();
    if (this.rows.size > this.capacity) this.evict();
  }

  discard(): void {
    this.rows.clear();
    this.dirty.clear();
  }

  /** Forget the oldest rows (all are clean right after a flush), down to half the capacity. */
  private evict(): void {
    const target = this.capacity >> 1;
    for (const key of this.rows.keys()) {
      if (this.rows.size <= target) break;
      this.rows.delete(key);
    }
  }
}
