/** Callers waiting until the projections reach a global position (CLI, tests, the API). */
export class PositionWaiters {
  private readonly waiting = new Set<{
    position: bigint;
    resolve: () => void;
    reject: (err: unknown) => void;
  }>();

  /** Resolves once the reached position (`reached` now) is at `position` or beyond; rejects after `timeoutMs` or on `failAll`. */
  wait(position: bigint, reached: bigint, timeoutMs: number): Promise<void> {
    if (reached >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (err: unknown) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      const timer = setTimeout(() => {
        this.waiting.delete(waiter);
        reject(new Error(`Projections did not reach position ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.add(waiter);
    });
  }

  /** The projections have reached `position`: answer everyone waiting for it or less. */
  reach(position: bigint): void {
    for (const w of this.waiting) {
      if (position >= w.position) {
        this.waiting.delete(w);
        w.resolve();
      }
    }
  }

  failAll(err: unknown): void {
    for (const w of this.waiting) w.reject(err);
    this.waiting.clear();
  }
}
