import { hash as oneShotHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import type { EventData, JsonObject, StoredEvent } from '../port.js';
import { asStored } from '../upcast.js';

// A CommonJS module whose typings declare an ES default export: at run time the import is the function.
const canonicalize = canonicalizeModule as unknown as (input: unknown) => string | undefined;
/**
 * Hash chain over each stream (docs/adr/0024). An event's hash is SHA-256 over the RFC 8785
 * canonical JSON of
 *
 *   { v: 1, id, streamId, type, data, metadata, prev }
 *
 * where `metadata` is all of the event's metadata except the two chain fields (`sha256`,
 * `prev`): who (userId, role), when (recordedAt), commandId, correlationId, causationId,
 * requestId, schemaVersion, and anything added later. `prev` is the predecessor's hash in the
 * same stream (null for revision 0). Not covered: the revision (the chain fixes the order), the
 * global position and the store's `created` time (both assigned by the store after the hash is
 * made; `created` is checked for order instead).
 */
export const HASH_VERSION = 1;

/** Metadata keys the chain adds; never part of what is hashed. */
export const CHAIN_KEYS = ['sha256', 'prev'] as const;

export interface HashableEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

function withoutChainKeys(metadata: JsonObject | undefined): JsonObject {
  if (!metadata) return {};
  if (!('sha256' in metadata) && !('prev' in metadata)) return metadata;
  const { sha256: _s, prev: _p, ...rest } = metadata;
  return rest;
}

export function sha256Hex(text: string): string {
  // One-shot hashing: about three times faster than createHash() for an event's few hundred bytes.
  return oneShotHash('sha256', text, 'hex');
}

/** RFC 8785 text of the metadata without the chain keys, without copying the object first. */
function canonicalMetadata(metadata: JsonObject | undefined): string {
  if (!metadata) return '{}';
  let out = '{';
  for (const key of Object.keys(metadata).sort()) {
    if (key === 'sha256' || key === 'prev') continue;
    const value = metadata[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${canonicalize(value)!}`;
  }
  return `${out}}`;
}

/**
 * The library builds its text by concatenation, which V8 keeps as a tree of pieces (a "cons
 * string"); SQLite's binding then copies such a text far more slowly than a flat one (bench:store:
 * 100-event appends at 0.68 of raw with the tree, at par once flat). Converting it to a number
 * makes V8 flatten it in place, once (the idiom of the `flatstr` package, used by pino).
 */
function flat(text: string): string {
  Number(text);
  return text;
}

/** Canonical texts of data objects the chain has hashed, so that the store writes the same text. */
const canonicalTexts = new WeakMap<object, string>();

/**
 * The RFC 8785 text of an event's data. The store writes this text (docs/adr/0050), so that the
 * stored bytes are exactly what the hash covers and verification can hash them as read; the text
 * the chain computed is remembered per object, so an append serialises its data once.
 */
export function canonicalData(data: JsonObject): string {
  let text = canonicalTexts.get(data);
  if (text === undefined) {
    text = flat(canonicalize(data)!);
    canonicalTexts.set(data, text);
  }
  return text;
}

/**
 * The canonical text an event's hash is taken over: exactly the RFC 8785 serialisation of
 * `{v, id, streamId, type, data, metadata, prev}` (a test compares it with the library's
 * serialisation of that object), written with its keys already in order so that verifying a
 * million events does not sort and copy a wrapper object for each.
 */
export function canonicalContent(upcastOrStored: HashableEvent, prev: string | null): string {
  // An upcast event is hashed as it is stored (docs/adr/0043).
  const event = asStored(upcastOrStored);
  return canonicalContentOfText(event, canonicalize(event.data)!, prev);
}

/** The same, with the data given as its canonical text (as the store keeps it). */
export function canonicalContentOfText(
  event: Omit<HashableEvent, 'data'>,
  dataText: string,
  prev: string | null,
): string {
  return (
    `{"data":${dataText},"id":${JSON.stringify(event.id)},` +
    `"metadata":${canonicalMetadata(event.metadata)},"prev":${prev === null ? 'null' : JSON.stringify(prev)},` +
    `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)},"v":${HASH_VERSION}}`
  );
}

/** The same text through the library over the whole object: the reference canonicalContent must equal. */
export function canonicalContentReference(upcastOrStored: HashableEvent, prev: string | null): string {
  const event = asStored(upcastOrStored);
  return canonicalize({
    v: HASH_VERSION,
    id: event.id,
    streamId: event.streamId,
    type: event.type,
    data: event.data,
    metadata: withoutChainKeys(event.metadata),
    prev,
  })!;
}

/** The hash of an event whose data is given as the text the store keeps (docs/adr/0050). */
export function contentHashOfText(
  event: Omit<HashableEvent, 'data'>,
  dataText: string,
  prev: string | null,
): string {
  return sha256Hex(canonicalContentOfText(event, dataText, prev));
}

export function contentHash(event: HashableEvent, prev: string | null): string {
  return sha256Hex(canonicalContent(event, prev));
}

/** The hash an event claims (metadata.sha256), or undefined for one written before chaining. */
export function storedHash(event: { readonly metadata?: JsonObject }): string | undefined {
  const h = event.metadata?.sha256;
  return typeof h === 'string' ? h : undefined;
}

export function storedPrev(event: { readonly metadata?: JsonObject }): string | null | undefined {
  const p = event.metadata?.prev;
  return typeof p === 'string' || p === null ? p : undefined;
}

/**
 * The hash that stands for an event in the chain: the stored one, or for an event written before
 * chaining its content hash linked to `virtualPrev` (the same rule over the unchained prefix,
 * computed on reading and sealed by the genesis seal; docs/adr/0024).
 */
export function chainHashOf(event: StoredEvent | HashableEvent, virtualPrev: string | null): string {
  return storedHash(event) ?? contentHash(event, virtualPrev);
}

/** The hash of a stream's last event, from its events in revision order. */
export function headOf(events: readonly StoredEvent[], from: string | null = null): string | null {
  let head = from;
  for (const e of events) head = chainHashOf(e, head);
  return head;
}

/**
 * Link events about to be appended to `stream` after the event whose hash is `prev` (null for a
 * new stream): each gets its own metadata with `prev` and `sha256`. Every writer uses this.
 */
export function chainEvents(
  stream: string,
  events: readonly EventData[],
  prev: string | null,
): { events: EventData[]; head: string | null } {
  let head = prev;
  const linked = events.map((e) => {
    const metadata: JsonObject = { ...withoutChainKeys(e.metadata), prev: head };
    const text = canonicalContentOfText(
      { id: e.id, streamId: stream, type: e.type, metadata },
      canonicalData(e.data),
      head,
    );
    const sha256 = sha256Hex(text);
    metadata.sha256 = sha256;
    head = sha256;
    return { ...e, metadata };
  });
  return { events: linked, head };
}

/**
 * Chains a sequence of appends (test histories, benchmarks, scripts) in the order they will be
 * written, keeping each stream's head between them.
 */
export class ChainTracker {
  private readonly heads = new Map<string, string | null>();

  chain(stream: string, events: readonly EventData[]): EventData[] {
    const result = chainEvents(stream, events, this.heads.get(stream) ?? null);
    this.heads.set(stream, result.head);
    return result.events;
  }

  head(stream: string): string | null {
    return this.heads.get(stream) ?? null;
  }
}
