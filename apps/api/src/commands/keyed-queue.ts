/**
 * Runs tasks one after another per key, and tasks of different keys side by side. The command
 * runner queues each command on its stream, so commands on one stream in this process never
 * race each other to the same expected revision: 50 parallel yrkanden on one paragraph all
 * land, instead of a handful winning and the rest exhausting their retries (docs/adr/0027).
 */
export class KeyedQueue {
  /** The last task queued per key; removed when it settles and nothing queued behind it. */
  private readonly tails = new Map<string, Promise<unknown>>();
  private running = 0;

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const start = () => {
      this.running++;
      return task().finally(() => this.running--);
    };
    // A failed task must not fail the ones queued behind it.
    const result = previous ? previous.then(start, start) : start();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (for metrics and shutdown). */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far has settled. */
  async drained(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
