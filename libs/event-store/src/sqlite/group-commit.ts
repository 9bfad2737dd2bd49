import type { Database as Db } from 'better-sqlite3';
import { decideAppend, resultAt, type HistoryView } from '../internal/append-rules.js';
import type { AppendResult, ExpectedRevision } from '../port.js';

/** One append of a group: the events' ids and types, with data and metadata already serialised. */
export interface AppendRequest {
  readonly stream: string;
  readonly events: readonly { readonly id: string; readonly type: string }[];
  readonly expected: ExpectedRevision;
  /** data, metadata, data, metadata … as JSON text. */
  readonly payloads: readonly string[];
}

/** Errors travel as values: `instanceof Error` is unreliable across realms (Jest's VM) and threads. */
export type Outcome =
  { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/** What the append rules may ask of the stored history, answered by this connection. */
export function historyView(db: Db): HistoryView {
  const current = db
    .prepare<[string], number>(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    )
    .pluck();
  const after = db.prepare<[string, number, number], { id: string; position: number }>(
    'SELECT event_id AS id, position FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision LIMIT ?',
  );
  const locate = db.prepare<[string], { streamId: string; revision: number; position: number }>(
    'SELECT stream_id AS streamId, revision, position FROM events WHERE event_id = ?',
  );
  return {
    currentRevision: (stream) => current.get(stream),
    eventsAfter: (stream, afterRevision, count) => after.all(stream, afterRevision, count),
    locate: (id) => locate.get(id),
  };
}

/**
 * Group commit (docs/adr/0003): the appends of a group are written in ONE IMMEDIATE
 * transaction, each inside its own savepoint, so each is still all-or-nothing and checks its
 * expected revision against everything before it, and all share one fsync. Throws only when
 * the transaction itself fails (disk, lock timeout): then nothing of the group was written.
 */
export function groupCommitter(db: Db): (batch: readonly AppendRequest[]) => Outcome[] {
  const view = historyView(db);
  const insert = db.prepare<[string, number, string, string, string, string, number]>(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const appendOne = db.transaction((a: AppendRequest): AppendResult => {
    const decision = decideAppend(view, a.stream, a.events, a.expected);
    if (!decision.write) return decision.result;
    const created = Date.now();
    let revision = decision.firstRevision;
    let position = 0;
    for (let i = 0; i < a.events.length; i++) {
      const e = a.events[i];
      position = insert.run(
        a.stream,
        revision++,
        e.id.toLowerCase(),
        e.type,
        a.payloads[2 * i],
        a.payloads[2 * i + 1],
        created,
      ).lastInsertRowid as number;
    }
    return resultAt(revision - 1, position);
  });
  // Inside the group's transaction each appendOne above runs as a savepoint.
  return db.transaction((batch: readonly AppendRequest[]) =>
    batch.map((a): Outcome => {
      try {
        return { ok: true, result: appendOne(a) };
      } catch (error) {
        return { ok: false, error };
      }
    }),
  ).immediate;
}
