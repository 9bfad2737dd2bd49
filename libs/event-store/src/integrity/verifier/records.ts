import { createHash } from 'node:crypto';
import type { JsonObject, RawStoredEvent, StoredEvent } from '../../port.js';
import { contentHash, contentHashOfText } from '../hash.js';

/** The stream seals are recorded on (docs/adr/0025). Not a `$` name: those are EventStoreDB's own. */
export const SEAL_STREAM = 'integrity-seals';
export const SEAL_EVENT = 'SealRecorded';
/** Root before the first seal. */
export const ZERO_ROOT = '0'.repeat(64);
/**
 * How far a timestamp may go back before it counts as out of order: a command keeps the time it
 * arrived while it waits or is re-decided, and clocks are corrected by NTP. A backdated entry
 * (days) is far beyond it.
 */
export const TIMESTAMP_SKEW_MS = 5 * 60_000;

export type BreakKind =
  /** The event's content no longer gives its hash, or it lost its hash. */
  | 'changed'
  /** A revision (or a sealed stream) is gone. */
  | 'missing'
  /** An event (or a stream) that the chain or the seals do not know. */
  | 'inserted'
  /** Events stored in another order than their chain. */
  | 'reordered'
  /** `recordedAt` (per stream) or the store's `created` time (over $all) goes backwards. */
  | 'timestamp'
  /** A seal's root over $all does not match the events it covers. */
  | 'seal'
  /** Events written before chaining that no genesis seal covers yet. */
  | 'unsealed';

export interface IntegrityBreak {
  readonly streamId: string;
  /** Revision in the stream; null when the break concerns the stream as a whole. */
  readonly revision: number | null;
  /** Global position of the event concerned, when one is stored. */
  readonly position: string | null;
  readonly kind: BreakKind;
  /** For the auditor, in Swedish. */
  readonly detail: string;
}

export interface SealData extends JsonObject {
  /** Commit position of the last event the seal covers (decimal). */
  upTo: string;
  /** `upTo` of the previous seal, or null for the first: the seal covers (from, upTo]. */
  from: string | null;
  /** Events covered by this seal (those after `from`, up to `upTo`). */
  count: number;
  previousRoot: string;
  /** SHA-256 over previousRoot followed by each covered event's hash (hex), in $all order. */
  root: string;
  /** For each stream with events in the seal: its last revision and hash there. */
  heads: Record<string, [number, string]>;
  /** Covers events written before chaining (docs/adr/0024): only the first seals may. */
  genesis: boolean;
  reason: string;
  sealedAt: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly checkedEvents: number;
  readonly streams: number;
  readonly seals: number;
  /** The last seal met: what it covers and its root. */
  readonly lastSeal: { upTo: string; root: string; revision: number } | null;
  /** Position of the last event read. */
  readonly lastPosition: string | null;
  /** Events after the last seal (covered by the next one). */
  readonly unsealedEvents: number;
  /** Events written before chaining (covered by the genesis seal). */
  readonly legacyEvents: number;
  readonly breaks: readonly IntegrityBreak[];
  /** How many breaks were left out of `breaks` (it is capped). */
  readonly breaksOmitted: number;
}

export interface Entry {
  readonly position: bigint;
  readonly streamId: string;
  readonly revision: number;
  readonly hash: string;
  readonly legacy: boolean;
}

interface Link {
  readonly revision: number;
  readonly prev: string | null | undefined;
  readonly hash: string;
  readonly position: string;
}

export interface StreamState {
  next: number;
  head: string | null;
  before: string | null;
  lastAt: number | null;
  /** Revisions skipped so far, with the link their successor recorded (to tell a reorder from an insert). */
  gaps: Map<number, { succPrev: string | null | undefined; succHash?: string }> | null;
  /** Events whose `prev` did not name their predecessor (yet). */
  unresolved: Link[] | null;
}

export const MAX_BREAKS = 1000;

/** An event as read for verification: parsed, or with its data as the stored text. */
export type VerifiableEvent = StoredEvent | RawStoredEvent;

export function positionOf(e: VerifiableEvent): string {
  return e.position.commit.toString();
}

/** The event's data as an object; null when the stored text is not JSON at all. */
export function dataOf(e: VerifiableEvent): JsonObject | null {
  if (!('dataText' in e)) return e.data;
  try {
    return JSON.parse(e.dataText) as JsonObject;
  } catch {
    return null;
  }
}

/**
 * Does the event's content give `stored`? The stored text is hashed as it is first (the store
 * writes the canonical text, docs/adr/0050); text stored otherwise (before that change, or by an
 * adapter that re-serialises) is parsed and canonicalised, so formatting alone never counts as a change.
 */
export function contentGives(e: VerifiableEvent, prev: string | null, stored: string): boolean {
  if (!('dataText' in e)) return contentHash(e, prev) === stored;
  if (contentHashOfText(e, e.dataText, prev) === stored) return true;
  const data = dataOf(e);
  return data !== null && contentHash({ ...e, data }, prev) === stored;
}

export function rootOver(previousRoot: string, entries: readonly Entry[]): string {
  const h = createHash('sha256').update(previousRoot);
  for (const e of entries) h.update(e.hash);
  return h.digest('hex');
}

export function headsOf(entries: readonly Entry[]): Map<string, [number, string]> {
  const heads = new Map<string, [number, string]>();
  for (const e of entries) {
    const h = heads.get(e.streamId);
    if (!h || e.revision > h[0]) heads.set(e.streamId, [e.revision, e.hash]);
  }
  return heads;
}
