import type { EventData, ExpectedRevision, SubscriptionFilter } from '../port.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Shape checks every adapter applies before touching storage, so a bad append fails the
 * same way everywhere (EventStoreDB itself insists on UUID ids).
 */
export function validateAppend(
  stream: string,
  events: readonly EventData[],
  expected: ExpectedRevision,
): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new TypeError('appendToStream: stream id must be a non-empty string');
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new TypeError(`appendToStream(${stream}): at least one event is required`);
  }
  if (typeof expected === 'bigint') {
    if (expected < 0n) throw new TypeError(`appendToStream(${stream}): expected revision must be >= 0`);
  } else if (expected !== 'any' && expected !== 'no_stream' && expected !== 'stream_exists') {
    throw new TypeError(`appendToStream(${stream}): unknown expected revision ${String(expected)}`);
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!UUID.test(e.id)) throw new TypeError(`appendToStream(${stream}): event ${i} id is not a UUID`);
    if (typeof e.type !== 'string' || e.type.length === 0) {
      throw new TypeError(`appendToStream(${stream}): event ${i} type must be a non-empty string`);
    }
    if (e.data === null || typeof e.data !== 'object') {
      throw new TypeError(`appendToStream(${stream}): event ${i} data must be a JSON object`);
    }
  }
  if (events.length > 1 && new Set(events.map((e) => e.id.toLowerCase())).size !== events.length) {
    throw new TypeError(`appendToStream(${stream}): the same event id appears twice in one append`);
  }
}

/** A predicate over (stream, type) built from a subscription filter; undefined = everything. */
export type EventMatcher = ((streamId: string, type: string) => boolean) | undefined;

export function compileFilter(filter: SubscriptionFilter | undefined): EventMatcher {
  const prefixes = filter?.streamPrefixes?.length ? [...filter.streamPrefixes] : undefined;
  const types = filter?.eventTypes?.length ? new Set(filter.eventTypes) : undefined;
  if (!prefixes && !types) return undefined;
  return (streamId, type) =>
    (!types || types.has(type)) && (!prefixes || prefixes.some((p) => streamId.startsWith(p)));
}
