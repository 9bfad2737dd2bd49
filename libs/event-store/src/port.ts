import type { Observable } from 'rxjs';

/**
 * The event-store port. It has EventStoreDB's semantics so that every adapter
 * (sqlite, eventstoredb, memory) behaves alike; the contract suite proves it.
 */

/** Expected revision of a stream when appending; a bigint is the revision of its last event. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** Global position in `$all`. For sqlite and memory both fields are the same sequence number. */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export type JsonObject = { [key: string]: unknown };

/** An event to append. `id` is a UUID chosen by the caller (idempotency rests on it). */
export interface EventData {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

export interface StoredEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly streamId: string;
  /** 0-based revision of the event in its stream. */
  readonly revision: bigint;
  readonly position: Position;
  readonly created: Date;
}

/**
 * An event as stored, its data left as the stored JSON text: what verification hashes
 * (docs/adr/0050). Metadata is parsed.
 */
export interface RawStoredEvent extends Omit<StoredEvent, 'data'> {
  readonly dataText: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: bigint;
  readonly position: Position;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive start; `'start'` / `'end'` or a revision. */
  readonly fromRevision?: 'start' | 'end' | bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive start; `'start'` / `'end'` or a position. */
  readonly fromPosition?: 'start' | 'end' | Position;
  readonly maxCount?: number;
}

export interface ReadAllPagesOptions {
  /** Inclusive start; `'start'` or a position. */
  readonly fromPosition?: 'start' | Position;
  /** Events per page; every page but the last is full. */
  readonly pageSize: number;
  /**
   * false: leave the metadata out (events carry `{}`). Projections never read it, and it is
   * ≈ 40 % of what a catch-up would otherwise parse. Default true.
   */
  readonly metadata?: boolean;
}

export interface SubscriptionFilter {
  /** Only streams whose id starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
  /** Only events of these types. */
  readonly eventTypes?: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive: the subscription delivers events *after* this position. Default: from the start. */
  readonly fromPosition?: 'start' | 'end' | Position;
  readonly filter?: SubscriptionFilter;
}

export interface EventStore {
  appendToStream(
    stream: string,
    events: readonly EventData[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * `$all` forwards as a sequence of pages, for catch-up. Ends at the last event stored when
   * the reading reached it. An adapter may read the next page while the caller works on this
   * one; breaking out of the loop stops the reading.
   */
  readAllPages(options: ReadAllPagesOptions): AsyncIterable<StoredEvent[]>;
  /**
   * Optional: `$all` forwards with each event's data as the stored text, not parsed. Verification
   * uses it where an adapter has the text at hand (SQLite); others verify from readAllPages.
   */
  readAllRawPages?(options: Omit<ReadAllPagesOptions, 'metadata'>): AsyncIterable<RawStoredEvent[]>;
  /** Catch-up then live; completes only when unsubscribed or the store is closed. */
  subscribeToAll(options?: SubscribeToAllOptions): Observable<StoredEvent>;
  /** Is the store reachable? Used by /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Wrong expected version on ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * The store cannot be reached for now (a server unavailable, a cluster without a leader, a
 * deadline passed). Transient: the API answers 503 with Retry-After, not 500.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: string,
    /** Seconds a client should wait before trying again. */
    readonly retryAfterSeconds = 2,
  ) {
    super(`Event store unavailable: ${reason}`);
    this.name = 'StoreUnavailableError';
  }
}

export class StreamNotFoundError extends Error {
  constructor(readonly streamId: string) {
    super(`Stream not found: ${streamId}`);
    this.name = 'StreamNotFoundError';
  }
}

/**
 * An event id is already stored somewhere other than the place this append would put it
 * (another stream, or elsewhere in this stream), so the append is neither new nor an
 * idempotent retry. The embedded adapters keep event ids unique across the whole store.
 */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly eventId: string,
    /** Stream that already holds the id. */
    readonly existingStreamId: string,
  ) {
    super(`Event id ${eventId} is already stored in stream ${existingStreamId}`);
    this.name = 'DuplicateEventIdError';
  }
}
