import { streamIds } from '@app/domain';
import type { StoredEvent } from '@app/event-store';
import {
  evolveMeetingView,
  evolveParagraphViewInPlace,
  type MeetingView,
  type ParagraphView,
} from '@app/protocol';
import type { Db } from '../db.js';
import type { Projection, ProjectionWriter, Writes } from '../projection.js';
import { RowCache } from './cache.js';
import { MEETING_EVENTS, PARAGRAPH_EVENTS, isMeetingEvent } from './event-types.js';

/** A view with the revision of its own stream's last event applied (-1: none yet). */
interface Row<V> {
  view: V;
  revision: number;
}

/** The cached row after `event`: changed in place when there was one. */
function row<V>(prior: Row<V> | null, view: V, event: StoredEvent, stream: string): Row<V> {
  const revision = event.streamId === stream ? Number(event.revision) : (prior?.revision ?? -1);
  if (!prior) return { view, revision };
  prior.view = view;
  prior.revision = revision;
  return prior;
}

/**
 * The protocol of each meeting: the renderer's meeting and paragraph views, stored as JSON
 * so that any format can be rendered from them. Each view is parsed once when it enters the
 * cache and serialised once per batch, however many events of the batch touch it.
 */
export const protocolProjection: Projection = {
  name: 'protocol',
  // 2: the views gained the steps of issue 11 (talarlista, bilagor, joint reservations …).
  // 3: each row keeps its stream's revision (the API's protocol routes read only this model).
  version: 3,
  handles: [...MEETING_EVENTS, ...PARAGRAPH_EVENTS],
  migrate(db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_protocol_meetings (
        meeting_id TEXT PRIMARY KEY,
        body_id TEXT NOT NULL,
        date TEXT NOT NULL,
        revision INTEGER NOT NULL,
        view TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS rm_protocol_paragraphs (
        paragraph_id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL,
        body_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        case_number TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        revision INTEGER NOT NULL,
        view TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS rm_protocol_paragraphs_meeting ON rm_protocol_paragraphs (meeting_id, number);
    `);
  },
  reset(db: Db) {
    db.exec(`
      DROP TABLE IF EXISTS rm_protocol_meetings;
      DROP TABLE IF EXISTS rm_protocol_paragraphs;
    `);
  },
  open(db: Db, writes: Writes): ProjectionWriter {
    const selectMeeting = db.prepare<[string], { view: string; revision: number }>(
      'SELECT view, revision FROM rm_protocol_meetings WHERE meeting_id = ?',
    );
    const upsertMeeting = db.prepare(
      `INSERT INTO rm_protocol_meetings (meeting_id, body_id, date, revision, view) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(meeting_id) DO UPDATE SET body_id = excluded.body_id, date = excluded.date,
         revision = excluded.revision, view = excluded.view`,
    );
    const selectParagraph = db.prepare<[string], { view: string; revision: number }>(
      'SELECT view, revision FROM rm_protocol_paragraphs WHERE paragraph_id = ?',
    );
    const upsertParagraph = db.prepare(
      `INSERT INTO rm_protocol_paragraphs
         (paragraph_id, meeting_id, body_id, year, number, case_number, title, status, revision, view)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(paragraph_id) DO UPDATE SET meeting_id = excluded.meeting_id, body_id = excluded.body_id,
         year = excluded.year, number = excluded.number, case_number = excluded.case_number,
         title = excluded.title, status = excluded.status, revision = excluded.revision, view = excluded.view`,
    );

    const meetings = new RowCache<Row<MeetingView>>(
      writes,
      (id) => {
        const row = selectMeeting.get(id);
        return row ? { view: JSON.parse(row.view) as MeetingView, revision: row.revision } : undefined;
      },
      (id, { view: v, revision }) =>
        writes.run(upsertMeeting, id, v.body.id, v.date, revision, JSON.stringify(v)),
    );
    const paragraphs = new RowCache<Row<ParagraphView>>(
      writes,
      (id) => {
        const row = selectParagraph.get(id);
        return row ? { view: JSON.parse(row.view) as ParagraphView, revision: row.revision } : undefined;
      },
      (id, { view: v, revision }) =>
        writes.run(
          upsertParagraph,
          id,
          v.meetingId,
          v.body.id,
          v.year,
          v.number,
          v.caseNumber,
          v.title,
          v.status,
          revision,
          JSON.stringify(v),
        ),
    );

    return {
      apply(event: StoredEvent) {
        const data = event.data as { meetingId?: string; paragraphId?: string };
        if (isMeetingEvent(event.type)) {
          if (!data.meetingId) return;
          // A creation event ignores any earlier view: no need to look for one.
          const prior = event.type === 'MeetingScheduled' ? null : (meetings.get(data.meetingId) ?? null);
          const next = evolveMeetingView(prior?.view ?? null, event);
          if (next) meetings.set(data.meetingId, row(prior, next, event, streamIds.meeting(data.meetingId)));
        } else {
          if (!data.paragraphId) return;
          const prior = event.type === 'ParagraphOpened' ? null : (paragraphs.get(data.paragraphId) ?? null);
          // The cache owns its views: change them in place rather than copy one per event.
          const next = evolveParagraphViewInPlace(prior?.view ?? null, event);
          if (next)
            paragraphs.set(data.paragraphId, row(prior, next, event, streamIds.paragraph(data.paragraphId)));
        }
      },
      flush() {
        meetings.flush();
        paragraphs.flush();
      },
      discard() {
        meetings.discard();
        paragraphs.discard();
      },
    };
  },
};
