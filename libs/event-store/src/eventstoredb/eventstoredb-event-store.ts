import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError as EsdbStreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type Filter,
  type RecordedEvent,
} from '@eventstore/db-client';
import { Observable } from 'rxjs';
import { compileFilter, validateAppend } from '../internal/validate.js';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type JsonObject,
  type Position,
  type ReadAllOptions,
  type ReadAllPagesOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeToAllOptions,
  type StoreDescription,
} from '../port.js';
import { pagesFromReadAll } from '../internal/pages.js';
import { fromEsdbMetadata, toEsdbMetadata, translateError } from './esdb-mapping.js';
import { upcastEvent, type EventUpcaster } from '../upcast.js';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  readonly connectionString: string;
  /** Brings every event read to its type's current schema version (docs/adr/0043). */
  readonly upcaster?: EventUpcaster;
}

/** System streams and events (`$`-prefixed) are EventStoreDB's own bookkeeping, not Paragraf history. */
const isSystem = (streamId: string, type: string): boolean =>
  streamId.startsWith('$') || type.startsWith('$');

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Adapter over `@eventstore/db-client` 6.x. One long-lived client per store (gRPC channels are
 * expensive), disposed in `close()`.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly live = new Set<{ sub: AllStreamSubscription; complete: () => void }>();
  private closed = false;

  private readonly upcaster: EventUpcaster | undefined;

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.upcaster = options.upcaster;
  }

  private decode(e: RecordedEvent, commitPosition?: bigint): StoredEvent {
    return upcastEvent(toStored(e, commitPosition), this.upcaster);
  }

  describe(): StoreDescription {
    return { kind: 'eventstoredb', connectionString: this.options.connectionString };
  }

  async appendToStream(
    stream: string,
    events: readonly EventData[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedRevision ?? 'any';
    validateAppend(stream, events, expected);
    const proposed = events.map((e) =>
      jsonEvent({ id: e.id, type: e.type, data: e.data, metadata: toEsdbMetadata(e.metadata ?? {}) }),
    );
    try {
      const r = await this.client.appendToStream(stream, proposed, { expectedRevision: expected });
      // The server reports no position for an idempotent (already written) append: look it up.
      const position = r.position ?? (await this.positionOf(stream, r.nextExpectedRevision));
      return { nextExpectedRevision: r.nextExpectedRevision, position };
    } catch (err) {
      if (err instanceof EsdbWrongExpectedVersionError) {
        throw new WrongExpectedVersionError(stream, expected, err.actualVersion);
      }
      throw translateError(err);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision ?? (backwards ? END : START),
      ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
    });
    const out: StoredEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) out.push(this.decode(resolved.event, resolved.commitPosition));
      }
    } catch (err) {
      if (err instanceof EsdbStreamNotFoundError) throw new StreamNotFoundError(stream);
      throw translateError(err);
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromPosition ?? (backwards ? END : START);
    const out: StoredEvent[] = [];
    if (max <= 0) return out;
    // The port's start position is inclusive in both directions; reading $all backwards from a
    // position starts before it, so fetch the event at that position first.
    if (backwards && typeof from === 'object') {
      for await (const r of this.client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: 1 })) {
        if (
          r.event?.position &&
          r.event.position.commit === from.commit &&
          !isSystem(r.event.streamId, r.event.type)
        ) {
          out.push(this.decode(r.event));
        }
      }
    }
    // System events are filtered here, so read until enough user events are found rather than maxCount raw ones.
    const read = this.client.readAll({ fromPosition: from, direction: backwards ? BACKWARDS : FORWARDS });
    try {
      for await (const r of read) {
        if (out.length >= max) break;
        const e = r.event;
        if (!e || isSystem(e.streamId, e.type)) continue;
        if (out.length && e.position.commit === out[out.length - 1].position.commit) continue;
        out.push(this.decode(e));
      }
    } catch (err) {
      throw translateError(err);
    } finally {
      await read.cancel().catch(() => {});
    }
    return out;
  }

  readAllPages(options: ReadAllPagesOptions): AsyncIterable<StoredEvent[]> {
    return pagesFromReadAll(this, options);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Observable<StoredEvent> {
    return new Observable<StoredEvent>((subscriber) => {
      if (this.closed) {
        subscriber.complete();
        return;
      }
      const prefixes = options.filter?.streamPrefixes ?? [];
      const types = options.filter?.eventTypes ?? [];
      // One filter runs on the server; what it cannot express is checked here.
      let filter: Filter;
      if (types.length) filter = eventTypeFilter({ regex: `^(?:${types.map(escapeRegex).join('|')})$` });
      else if (prefixes.length) filter = streamNameFilter({ prefixes: [...prefixes] });
      else filter = excludeSystemEvents();
      const match = compileFilter(options.filter);

      const sub = this.client.subscribeToAll({ fromPosition: options.fromPosition ?? START, filter });
      const entry = { sub, complete: () => subscriber.complete() };
      this.live.add(entry);
      sub.on('data', (r) => {
        const e = r.event;
        if (!e || isSystem(e.streamId, e.type) || (match && !match(e.streamId, e.type))) return;
        subscriber.next(this.decode(e));
      });
      sub.on('error', (err) => {
        this.live.delete(entry);
        subscriber.error(translateError(err));
      });
      sub.on('end', () => {
        this.live.delete(entry);
        subscriber.complete();
      });
      return () => {
        this.live.delete(entry);
        void sub.unsubscribe().catch(() => {});
      };
    });
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      const read = this.client.readAll({ maxCount: 1, direction: BACKWARDS });
      for await (const _ of read) break;
    } catch (err) {
      throw translateError(err);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const live = [...this.live];
    this.live.clear();
    await Promise.all(live.map(({ sub }) => sub.unsubscribe().catch(() => {})));
    for (const { complete } of live) complete();
    await this.client.dispose();
  }

  private async positionOf(stream: string, revision: bigint): Promise<Position> {
    const [e] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    return e.position;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('EventStoreDbEventStore is closed');
  }
}

function toStored(e: RecordedEvent, commitPosition?: bigint): StoredEvent {
  const position: Position = e.position ?? { commit: commitPosition ?? -1n, prepare: commitPosition ?? -1n };
  return {
    id: e.id,
    type: e.type,
    data: asJson(e.data),
    metadata: fromEsdbMetadata(asJson(e.metadata)),
    streamId: e.streamId,
    revision: e.revision,
    position,
    created: e.created,
  };
}

/** Paragraf writes JSON objects only; anything else (foreign binary events) is wrapped, not dropped. */
function asJson(value: unknown): JsonObject {
  if (value === undefined || value === null) return {};
  if (value instanceof Uint8Array) return { binary: Buffer.from(value).toString('base64') };
  if (typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  return { value };
}
