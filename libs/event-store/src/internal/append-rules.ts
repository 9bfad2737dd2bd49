import {
  DuplicateEventIdError,
  WrongExpectedVersionError,
  type AppendResult,
  type EventData,
  type ExpectedRevision,
} from '../port.js';

/** What an adapter can tell about the stored history, inside its write lock. */
export interface HistoryView {
  /** Revision of the stream's last event, or undefined when the stream has no events. */
  currentRevision(stream: string): number | undefined;
  /** Up to `count` events (ids lower-case) of the stream at revisions > `afterRevision`, in order. */
  eventsAfter(stream: string, afterRevision: number, count: number): { id: string; position: number }[];
  /** Where an event id (lower-case) is stored, if anywhere. */
  locate(eventId: string): { streamId: string; revision: number; position: number } | undefined;
}

export type AppendDecision =
  | { readonly write: true; readonly firstRevision: number }
  | { readonly write: false; readonly result: AppendResult };

export function resultAt(revision: number, position: number): AppendResult {
  const p = BigInt(position);
  return { nextExpectedRevision: BigInt(revision), position: { commit: p, prepare: p } };
}

/**
 * EventStoreDB's expected-revision rules, including its idempotent write: when the caller's
 * expected revision is behind the stream and the events right after it carry the same ids,
 * the append succeeds with the original result and writes nothing.
 */
export function decideAppend(
  view: HistoryView,
  stream: string,
  events: readonly Pick<EventData, 'id'>[],
  expected: ExpectedRevision,
): AppendDecision {
  const current = view.currentRevision(stream);
  if (expected === 'any') return { write: true, firstRevision: (current ?? -1) + 1 };
  if (expected === 'stream_exists') {
    if (current === undefined) throw new WrongExpectedVersionError(stream, expected, 'no_stream');
    return { write: true, firstRevision: current + 1 };
  }
  const after = expected === 'no_stream' ? -1 : Number(expected);
  if (current === undefined) {
    if (after === -1) return { write: true, firstRevision: 0 };
    throw new WrongExpectedVersionError(stream, expected, 'no_stream');
  }
  if (current === after) return { write: true, firstRevision: current + 1 };
  if (after < current) {
    const stored = view.eventsAfter(stream, after, events.length);
    if (stored.length === events.length && stored.every((s, i) => s.id === events[i].id.toLowerCase())) {
      return { write: false, result: resultAt(after + events.length, stored[stored.length - 1].position) };
    }
  }
  throw new WrongExpectedVersionError(stream, expected, BigInt(current));
}

/**
 * Called when some event id of the batch is already stored. With 'any' or 'stream_exists',
 * a retry of the same batch (all ids already in this stream, consecutively, in order) is an
 * idempotent success; anything else is a duplicate id.
 */
export function resolveDuplicateIds(
  view: HistoryView,
  stream: string,
  events: readonly Pick<EventData, 'id'>[],
  expected: ExpectedRevision,
): AppendResult {
  const first = view.locate(events[0].id.toLowerCase());
  if (first && first.streamId === stream && (expected === 'any' || expected === 'stream_exists')) {
    const stored = view.eventsAfter(stream, first.revision - 1, events.length);
    if (stored.length === events.length && stored.every((s, i) => s.id === events[i].id.toLowerCase())) {
      return resultAt(first.revision + events.length - 1, stored[stored.length - 1].position);
    }
  }
  for (const e of events) {
    const at = view.locate(e.id.toLowerCase());
    if (at) throw new DuplicateEventIdError(e.id, at.streamId);
  }
  // Only reachable if an id was removed between the failed insert and now, which never happens.
  throw new Error(`appendToStream(${stream}): unexplained unique-constraint failure`);
}
