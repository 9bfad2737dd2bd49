import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../internal/worker-module.js';
import {
  DuplicateEventIdError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type ExpectedRevision,
} from '../port.js';
import type { AppendRequest, Outcome } from './group-commit.js';

/** An ExpectedRevision or a stream's actual revision, as it crosses threads (no bigints). */
type Revision = string | { readonly revision: string };
const toWire = (r: bigint | string): Revision => (typeof r === 'bigint' ? { revision: String(r) } : r);
const fromWire = (r: Revision): bigint | string => (typeof r === 'string' ? r : BigInt(r.revision));

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly streamId?: string;
  readonly expected?: Revision;
  readonly actual?: Revision;
  readonly eventId?: string;
  readonly existingStreamId?: string;
}

export type WireOutcome =
  | { readonly ok: true; readonly revision: string; readonly position: string }
  | { readonly ok: false; readonly error: WireError };

export type WireRequest = { readonly id: number; readonly batch: readonly WireAppend[] };
export type WireAppend = Omit<AppendRequest, 'expected'> & { readonly expected: Revision };
export type WireReply =
  | { readonly id: number; readonly outcomes: readonly WireOutcome[]; readonly dataVersion: number }
  | { readonly id: number; readonly failed: WireError };

export function toWireAppend(a: AppendRequest): WireAppend {
  return {
    stream: a.stream,
    events: a.events.map((e) => ({ id: e.id, type: e.type })),
    expected: toWire(a.expected),
    payloads: a.payloads,
  };
}

export function fromWireAppend(a: WireAppend): AppendRequest {
  return { ...a, expected: fromWire(a.expected) as ExpectedRevision };
}

export function toWireError(err: unknown): WireError {
  const e = err as Partial<WireError> & { expected?: bigint | string; actual?: bigint | string };
  return {
    name: e?.name ?? 'Error',
    message: e?.message ?? String(err),
    code: e?.code,
    streamId: e?.streamId,
    expected: e?.expected === undefined ? undefined : toWire(e.expected),
    actual: e?.actual === undefined ? undefined : toWire(e.actual),
    eventId: e?.eventId,
    existingStreamId: e?.existingStreamId,
  };
}

/** The port's own errors come back as themselves; anything else as an Error with its SQLite code. */
export function fromWireError(w: WireError): Error {
  switch (w.name) {
    case 'WrongExpectedVersionError':
      return new WrongExpectedVersionError(
        w.streamId!,
        fromWire(w.expected!) as ExpectedRevision,
        fromWire(w.actual!) as bigint | 'no_stream',
      );
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
    ? {
        ok: true,
        revision: String(o.result.nextExpectedRevision),
        position: String(o.result.position.commit),
      }
    : { ok: false, error: toWireError(o.error) };
}

function fromWireOutcome(o: WireOutcome): Outcome {
  if (!o.ok) return { ok: false, error: fromWireError(o.error) };
  const p = BigInt(o.position);
  return {
    ok: true,
    result: { nextExpectedRevision: BigInt(o.revision), position: { commit: p, prepare: p } },
  };
}

/**
 * The write connection of a SqliteEventStore in a worker thread (docs/adr/0013): group commits,
 * with their fsync, happen there, so the API's event loop goes on serving requests meanwhile.
 * Groups are committed in the order they are sent.
 */
export class WriterThread {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (r: { outcomes: Outcome[]; dataVersion: number }) => void; reject: (e: unknown) => void }
  >();
  private failure: Error | null = null;

  constructor(path: string, synchronous: 'FULL' | 'NORMAL', busyTimeoutMs: number) {
    this.worker = startWorkerModule(import.meta.url, 'writer.worker', {
      workerData: { path, synchronous, busyTimeoutMs },
    });
    this.worker.on('message', (m: WireReply) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if ('failed' in m) w.reject(fromWireError(m.failed));
      else w.resolve({ outcomes: m.outcomes.map(fromWireOutcome), dataVersion: m.dataVersion });
    });
    const fail = (err: Error) => {
      this.failure = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`SQLite writer thread stopped (exit code ${code})`)));
  }

  /** Why the thread stopped, if it did: the store can no longer write. */
  get failed(): Error | null {
    return this.failure;
  }

  commit(batch: readonly AppendRequest[]): Promise<{ outcomes: Outcome[]; dataVersion: number }> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, batch: batch.map(toWireAppend) } satisfies WireRequest);
    });
  }

  /** Waits for the groups already sent, then stops the thread (which closes its connection). */
  async close(): Promise<void> {
    if (this.failure) return;
    const exited = new Promise<void>((done) => this.worker.once('exit', () => done()));
    this.worker.postMessage('close');
    await exited;
  }
}
