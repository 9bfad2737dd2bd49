import { Observable, type Subscriber } from 'rxjs';
import type { StoredEvent } from '../port.js';
import type { EventMatcher } from './validate.js';

/** One page of `$all` after a cursor, already filtered; `scannedTo` moves the cursor past skipped events. */
export interface Page {
  readonly events: StoredEvent[];
  readonly scannedTo: number;
  /** True when the page reached the current end of the log. */
  readonly exhausted: boolean;
}

export type PageReader = (after: number, limit: number, match: EventMatcher) => Page;

const PAGE_SIZE = 500;

/**
 * Subscriptions for the embedded adapters. Each subscription is a cursor that pulls pages
 * of `$all` after its last delivered position; catch-up and live are the same loop, so there
 * is no gap and no duplicate at the switch-over. Appends (or a poll that sees another
 * process's append) only wake the cursors.
 */
export class LiveHub {
  private readonly pumps = new Set<Pump>();

  constructor(private readonly onSizeChange: (size: number) => void = () => {}) {}

  get size(): number {
    return this.pumps.size;
  }

  /** `start()` returns the exclusive start position; it runs when the Observable is subscribed. */
  observe(read: PageReader, start: () => number, match: EventMatcher): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      let pump: Pump;
      try {
        pump = new Pump(read, start(), match, subscriber, () => this.remove(pump));
      } catch (err) {
        subscriber.error(err);
        return;
      }
      this.pumps.add(pump);
      this.onSizeChange(this.pumps.size);
      pump.wake();
      return () => pump.stop();
    });
  }

  /** New events may exist: let every cursor look. */
  notify(): void {
    for (const p of this.pumps) p.wake();
  }

  /** Store closing: complete every subscription. */
  completeAll(): void {
    for (const p of [...this.pumps]) p.complete();
  }

  private remove(p: Pump): void {
    if (this.pumps.delete(p)) this.onSizeChange(this.pumps.size);
  }
}

class Pump {
  private stopped = false;
  private scheduled = false;

  constructor(
    private readonly read: PageReader,
    private cursor: number,
    private readonly match: EventMatcher,
    private readonly subscriber: Subscriber<StoredEvent>,
    private readonly onStop: () => void,
  ) {}

  wake(): void {
    if (this.stopped || this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: the appender finishes first and long catch-ups yield to I/O.
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.onStop();
  }

  complete(): void {
    if (this.stopped) return;
    this.stop();
    this.subscriber.complete();
  }

  private drain(): void {
    if (this.stopped) return;
    let page: Page;
    try {
      page = this.read(this.cursor, PAGE_SIZE, this.match);
    } catch (err) {
      this.stop();
      this.subscriber.error(err);
      return;
    }
    for (const e of page.events) {
      if (this.stopped) return;
      this.cursor = Number(e.position.commit);
      this.subscriber.next(e);
    }
    if (this.stopped) return;
    this.cursor = Math.max(this.cursor, page.scannedTo);
    if (!page.exhausted) this.wake();
  }
}
