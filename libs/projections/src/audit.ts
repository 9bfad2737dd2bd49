import type { EventStore, StoredEvent } from '@app/event-store';
import { streamIds } from '@app/domain';
import { evolveMeetingView, evolveParagraphView, type MeetingView, type ParagraphView } from '@app/protocol';

/**
 * Auditors' replay: the raw history, and any view as it stood at a global position or an
 * instant. Views as of a moment are folded from the events themselves (not from the read
 * models), with the renderer's own reducers, so what an auditor sees is what the protocol
 * said then.
 */

/** A point in the history: a global position (inclusive) or an instant (events stored by then). */
export type AsOf = { readonly position: bigint } | { readonly time: Date };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** "12345" is a position; an ISO-8601 date or time is an instant (a bare date means its end, UTC). */
export function parseAsOf(raw: string): AsOf | null {
  const s = raw.trim();
  if (/^\d+$/.test(s)) return { position: BigInt(s) };
  if (!ISO_TIME.test(s)) return null;
  const t = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T23:59:59.999Z`) : new Date(s);
  return Number.isNaN(t.getTime()) ? null : { time: t };
}

export function includes(asOf: AsOf, e: StoredEvent): boolean {
  return 'position' in asOf ? e.position.commit <= asOf.position : e.created.getTime() <= asOf.time.getTime();
}

/** An event as auditors see it: every field, bigints as decimal strings. */
export interface AuditEvent {
  readonly position: string;
  readonly streamId: string;
  readonly revision: string;
  readonly id: string;
  readonly type: string;
  readonly created: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

export function toAuditEvent(e: StoredEvent): AuditEvent {
  return {
    position: String(e.position.commit),
    streamId: e.streamId,
    revision: String(e.revision),
    id: e.id,
    type: e.type,
    created: e.created.toISOString(),
    data: e.data,
    metadata: e.metadata,
  };
}

export async function readStreamOrEmpty(store: EventStore, stream: string): Promise<StoredEvent[]> {
  try {
    return await store.readStream(stream);
  } catch (err) {
    if ((err as Error).name === 'StreamNotFoundError') return [];
    throw err;
  }
}

/** Pages through `$all` forwards from the start (or after `after`), stopping when `stop` says so. */
export async function* scanAll(
  store: EventStore,
  after: bigint = 0n,
  pageSize = 5000,
): AsyncGenerator<StoredEvent> {
  let from = after;
  for (;;) {
    const page = await store.readAll({
      fromPosition: from === 0n ? 'start' : { commit: from, prepare: from },
      maxCount: pageSize,
    });
    let progressed = false;
    for (const e of page) {
      if (e.position.commit <= from && from !== 0n) continue; // readAll's start is inclusive
      progressed = true;
      yield e;
      from = e.position.commit;
    }
    if (page.length < pageSize || !progressed) return;
  }
}

/** Paragraph ids of a meeting, from the history itself (for the CLI, which has no read model). */
export async function findParagraphIds(store: EventStore, meetingId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of scanAll(store)) {
    if (e.type === 'ParagraphOpened' && (e.data as { meetingId?: string }).meetingId === meetingId) {
      ids.push((e.data as { paragraphId: string }).paragraphId);
    }
  }
  return ids;
}

export interface ProtocolAsOf {
  readonly meeting: MeetingView;
  /** Paragraphs opened by then, in § order. */
  readonly paragraphs: ParagraphView[];
  /** Position of the last event included, or null when nothing of the meeting existed yet. */
  readonly lastPosition: string | null;
}

/**
 * The meeting's views as of a point. `paragraphIds` are the meeting's paragraphs (from the read
 * model, or `findParagraphIds`); those opened after the point are left out. Null when the
 * meeting had not been scheduled by then.
 */
export async function protocolAsOf(
  store: EventStore,
  meetingId: string,
  asOf: AsOf,
  paragraphIds: readonly string[],
): Promise<ProtocolAsOf | null> {
  let last: bigint | null = null;
  const seen = (e: StoredEvent) => {
    if (last === null || e.position.commit > last) last = e.position.commit;
  };
  let meeting: MeetingView | null = null;
  for (const e of await readStreamOrEmpty(store, streamIds.meeting(meetingId))) {
    if (!includes(asOf, e)) break;
    meeting = evolveMeetingView(meeting, e);
    seen(e);
  }
  if (!meeting) return null;
  const paragraphs: ParagraphView[] = [];
  for (const pid of paragraphIds) {
    let view: ParagraphView | null = null;
    for (const e of await readStreamOrEmpty(store, streamIds.paragraph(pid))) {
      if (!includes(asOf, e)) break;
      view = evolveParagraphView(view, e);
      seen(e);
    }
    if (view && view.meetingId === meetingId) paragraphs.push(view);
  }
  paragraphs.sort((a, b) => a.number - b.number);
  return { meeting, paragraphs, lastPosition: last === null ? null : String(last) };
}

export interface ChangesPage {
  readonly events: AuditEvent[];
  /** Set when `limit` cut the page short: the position to ask `from` next time. */
  readonly nextFrom: string | null;
}

/** Every event between two points, both inclusive (either may be left open). */
export async function changesBetween(
  store: EventStore,
  range: { from?: AsOf; to?: AsOf; limit?: number },
): Promise<ChangesPage> {
  const limit = range.limit ?? 1000;
  const out: AuditEvent[] = [];
  const start =
    range.from && 'position' in range.from && range.from.position > 0n ? range.from.position - 1n : 0n;
  for await (const e of scanAll(store, start)) {
    if (range.from && 'time' in range.from && e.created.getTime() < range.from.time.getTime()) continue;
    if (range.to && !includes(range.to, e)) break;
    if (out.length === limit) return { events: out, nextFrom: String(e.position.commit) };
    out.push(toAuditEvent(e));
  }
  return { events: out, nextFrom: null };
}
