import type { Observable } from 'rxjs';
import { decideAppend, resolveDuplicateIds, resultAt, type HistoryView } from '../internal/append-rules.js';
import { LiveHub, type Page } from '../internal/live.js';
import { compileFilter, validateAppend, type EventMatcher } from '../internal/validate.js';
import {
  StreamNotFoundError,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type ReadAllOptions,
  type ReadAllPagesOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeToAllOptions,
  type StoreDescription,
} from '../port.js';
import { pagesFromReadAll } from '../internal/pages.js';
import { upcastEvent, type EventUpcaster } from '../upcast.js';

/** Stored as JSON text, like the SQLite adapter, so callers cannot mutate history by reference. */
interface Row {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly streamId: string;
  readonly revision: number;
  /** 1-based; equals index + 1 in `log`. */
  readonly position: number;
  readonly created: number;
}

/** In-memory adapter for fast unit tests. Same semantics as the SQLite adapter, nothing persisted. */
export class MemoryEventStore implements EventStore {
  /** `upcaster` brings every event read to its type's current schema version (docs/adr/0043). */
  constructor(private readonly options: { readonly upcaster?: EventUpcaster } = {}) {}

  private decode(r: Row): StoredEvent {
    return upcastEvent(toStored(r), this.options.upcaster);
  }

  private readonly log: Row[] = [];
  private readonly streams = new Map<string, Row[]>();
  private readonly byId = new Map<string, Row>();
  private readonly hub = new LiveHub();
  private closed = false;

  describe(): StoreDescription {
    return { kind: 'memory' };
  }

  private readonly view: HistoryView = {
    currentRevision: (stream) => {
      const rows = this.streams.get(stream);
      return rows ? rows.length - 1 : undefined;
    },
    eventsAfter: (stream, after, count) =>
      (this.streams.get(stream) ?? [])
        .slice(after + 1, after + 1 + count)
        .map((r) => ({ id: r.id, position: r.position })),
    locate: (id) => this.byId.get(id),
  };

  async appendToStream(
    stream: string,
    events: readonly EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    validateAppend(stream, events, expected);
    const decision = decideAppend(this.view, stream, events, expected);
    if (!decision.write) return decision.result;
    if (events.some((e) => this.byId.has(e.id.toLowerCase()))) {
      return resolveDuplicateIds(this.view, stream, events, expected);
    }
    const created = Date.now();
    const rows = this.streams.get(stream) ?? [];
    let last!: Row;
    events.forEach((e, i) => {
      last = {
        // UUIDs compare case-insensitively (EventStoreDB stores them as 16 bytes).
        id: e.id.toLowerCase(),
        type: e.type,
        data: JSON.stringify(e.data),
        metadata: JSON.stringify(e.metadata ?? {}),
        streamId: stream,
        revision: decision.firstRevision + i,
        position: this.log.length + 1,
        created,
      };
      this.log.push(last);
      rows.push(last);
      this.byId.set(last.id, last);
    });
    this.streams.set(stream, rows);
    this.hub.notify();
    return resultAt(last.revision, last.position);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const rows = this.streams.get(stream);
    if (!rows) throw new StreamNotFoundError(stream);
    const backwards = options.direction === 'backwards';
    const max = options.maxCount ?? Infinity;
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const out: StoredEvent[] = [];
    if (backwards) {
      let i =
        from === 'end' ? rows.length - 1 : from === 'start' ? 0 : Math.min(Number(from), rows.length - 1);
      for (; i >= 0 && out.length < max; i--) out.push(this.decode(rows[i]));
    } else {
      let i = from === 'start' ? 0 : from === 'end' ? rows.length : Number(from);
      for (; i < rows.length && out.length < max; i++) out.push(this.decode(rows[i]));
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const max = options.maxCount ?? Infinity;
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const n = this.log.length;
    const out: StoredEvent[] = [];
    if (backwards) {
      let i = from === 'end' ? n - 1 : from === 'start' ? -1 : Math.min(Number(from.commit), n) - 1;
      for (; i >= 0 && out.length < max; i--) out.push(this.decode(this.log[i]));
    } else {
      let i = from === 'start' ? 0 : from === 'end' ? n : Math.max(Number(from.commit), 1) - 1;
      for (; i < n && out.length < max; i++) out.push(this.decode(this.log[i]));
    }
    return out;
  }

  readAllPages(options: ReadAllPagesOptions): AsyncIterable<StoredEvent[]> {
    return pagesFromReadAll(this, options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Observable<StoredEvent> {
    const from = options.fromPosition ?? 'start';
    return this.hub.observe(
      (after, limit, match) => this.page(after, limit, match),
      () => {
        this.assertOpen();
        return from === 'start' ? 0 : from === 'end' ? this.log.length : Number(from.commit);
      },
      compileFilter(options.filter),
    );
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.hub.completeAll();
  }

  private page(after: number, limit: number, match: EventMatcher): Page {
    const end = Math.min(this.log.length, after + limit);
    const events: StoredEvent[] = [];
    for (let i = after; i < end; i++) {
      const r = this.log[i];
      if (!match || match(r.streamId, r.type)) events.push(this.decode(r));
    }
    return { events, scannedTo: Math.max(end, after), exhausted: end === this.log.length };
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('MemoryEventStore is closed');
  }
}

function toStored(r: Row): StoredEvent {
  const p = BigInt(r.position);
  return {
    id: r.id,
    type: r.type,
    data: JSON.parse(r.data),
    metadata: JSON.parse(r.metadata),
    streamId: r.streamId,
    revision: BigInt(r.revision),
    position: { commit: p, prepare: p },
    created: new Date(r.created),
  };
}
