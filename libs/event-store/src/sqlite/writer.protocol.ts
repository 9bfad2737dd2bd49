/**
 * The messages of the SQLite writer thread (writer-thread.ts ⇄ writer.worker.ts). Bigints
 * (revisions, positions) cross as bigints: structured clone keeps them, as it does for every
 * thread of the project (ADR 0048). Errors cross as values and become the port's classes again.
 */
import {
  DuplicateEventIdError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ExpectedRevision,
} from '../port.js';
import type { AppendRequest, Outcome } from './group-commit.js';

export interface WriterData {
  readonly path: string;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly busyTimeoutMs: number;
}

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly streamId?: string;
  readonly expected?: ExpectedRevision;
  readonly actual?: bigint | 'no_stream';
  readonly eventId?: string;
  readonly existingStreamId?: string;
}

export type WireOutcome =
  | { readonly ok: true; readonly revision: bigint; readonly position: bigint }
  | { readonly ok: false; readonly error: WireError };

/** Store → thread: commit a group (in the order sent), or close the connection and stop. */
export type WriterRequest =
  | { readonly kind: 'commit'; readonly id: number; readonly batch: readonly AppendRequest[] }
  | { readonly kind: 'close' };

/** Thread → store: each append's outcome and the writer's data_version, or why the group failed. */
export type WriterReply =
  | { readonly id: number; readonly outcomes: readonly WireOutcome[]; readonly dataVersion: number }
  | { readonly id: number; readonly failed: WireError };

/** Only what the thread needs: the store's pending appends also hold their callbacks and the events' data. */
export function toWireAppend(a: AppendRequest): AppendRequest {
  return {
    stream: a.stream,
    events: a.events.map((e) => ({ id: e.id, type: e.type })),
    expected: a.expected,
    payloads: a.payloads,
  };
}

export function toWireError(err: unknown): WireError {
  const e = err as Partial<WireError> | undefined;
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(err),
    code: e?.code,
    streamId: e?.streamId,
    expected: e?.expected,
    actual: e?.actual,
    eventId: e?.eventId,
    existingStreamId: e?.existingStreamId,
  };
}

/** The port's own errors come back as themselves; anything else as an Error with its SQLite code. */
export function fromWireError(w: WireError): Error {
  switch (w.name) {
    case 'WrongExpectedVersionError':
      return new WrongExpectedVersionError(w.streamId!, w.expected!, w.actual!);
    case 'DuplicateEventIdError':
      return new DuplicateEventIdError(w.eventId!, w.existingStreamId!);
    case 'StreamNotFoundError':
      return new StreamNotFoundError(w.streamId!);
    default:
      return Object.assign(new Error(w.message), { name: w.name, code: w.code });
  }
}

export function toWireOutcome(o: Outcome): WireOutcome {
  return o.ok
    ? { ok: true, revision: o.result.nextExpectedRevision, position: o.result.position.commit }
    : { ok: false, error: toWireError(o.error) };
}

export function fromWireOutcome(o: WireOutcome): Outcome {
  if (!o.ok) return { ok: false, error: fromWireError(o.error) };
  return {
    ok: true,
    result: { nextExpectedRevision: o.revision, position: { commit: o.position, prepare: o.position } },
  };
}
