import type { StoredEvent } from '@app/event-store';
import type {
  DecisionAdopted,
  DecisionContent,
  LineageStep,
  MatterForwarded,
  MatterTakenUp,
  MeetingScheduled,
  ParagraphOpened,
  ParagraphRenumbered,
} from '@app/domain';
import { correctText } from '@app/domain';
import { shippedHouseStyle } from '@app/protocol';
import type { Db } from '../db.js';
import type { Projection, ProjectionWriter, Writes } from '../projection.js';
import { RowCache } from './cache.js';

/** One register row per paragraph; the row is also the projection's state for it. */
interface RegisterRow {
  paragraphId: string;
  meetingId: string;
  bodyId: string;
  bodyName: string;
  year: number;
  number: number;
  caseNumber: string;
  title: string;
  decisions: { decisionId: string; kind: DecisionAdopted['data']['kind']; text: string; struck: boolean }[];
  justifiedAt: string | null;
  recipients: string[];
  dispatches: { recipient: string; at: string }[];
  /** A forwarded matter's way here, oldest first (docs/adr/0037); absent on older rows. */
  lineage?: LineageStep[];
  /** Where its förslag was sent on, and the paragraph that took it up there. */
  forwardedTo?: ForwardedTo[];
}

export interface ForwardedTo {
  forwardId: string;
  bodyId: string;
  bodyName: string;
  at: string;
  takenUp: { paragraphId: string; meetingId: string; year: number; number: number } | null;
}

interface MeetingRow {
  meetingId: string;
  bodyId: string;
  bodyName: string;
  date: string;
  justifiedAt: string | null;
  announcedOn: string | null;
  appealEndsOn: string | null;
}

/** The decision in words for the register, e.g. "Kommunstyrelsen beslutar: 1. …". */
/**
 * A decision in one line, worded by the shipped house style's `register.decision` template. The
 * register spans bodies and is folded without reading their style streams, so it uses the shipped
 * default style (docs/adr/0018).
 */
export function decisionText(kind: string, content?: DecisionContent, motivation?: string): string {
  return shippedHouseStyle().registerDecision({
    kind: kind === 'aterremiss' || kind === 'bordlaggning' ? kind : 'sakbeslut',
    motivation: motivation ?? null,
    proposesTo: content?.proposesTo?.body ?? null,
    items: content?.proposesTo?.items ?? [],
    ownDecisions: content?.ownDecisions ?? [],
  });
}

/**
 * Decision register across meetings and bodies. Meeting-level facts (justering of the whole
 * protocol, anslag, appeal period) live in their own table and are joined at query time, so
 * an announcement updates one row, not every paragraph of the meeting. The status
 * (decided … dispatched) depends on "today" and is therefore computed by the query.
 */
export const registerProjection: Projection = {
  name: 'register',
  // 2: lineage and forwarding (issue 15). 3: a rättelse of a part of a title or case number applies
  // (the protocol view's correctText).
  version: 3,
  handles: [
    'MeetingScheduled',
    'ProtocolJustified',
    'ProtocolAnnounced',
    'ParagraphOpened',
    'ParagraphRenumbered',
    'DecisionAdopted',
    'EntryStruck',
    'DistributionSet',
    'ParagraphJustified',
    'CorrectionRecorded',
    'DecisionDispatched',
    'MatterForwarded',
    'MatterTakenUp',
  ],
  migrate(db: Db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_register_meetings (
        meeting_id TEXT PRIMARY KEY,
        body_id TEXT NOT NULL,
        body_name TEXT NOT NULL,
        date TEXT NOT NULL,
        justified_at TEXT,
        announced_on TEXT,
        appeal_ends_on TEXT
      );
      CREATE INDEX IF NOT EXISTS rm_register_meetings_appeal ON rm_register_meetings (appeal_ends_on);
      CREATE TABLE IF NOT EXISTS rm_register (
        paragraph_id TEXT PRIMARY KEY,
        meeting_id TEXT NOT NULL,
        body_id TEXT NOT NULL,
        body_name TEXT NOT NULL,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        case_number TEXT NOT NULL,
        title TEXT NOT NULL,
        decision_id TEXT,
        decision_kind TEXT,
        decision_text TEXT,
        justified_at TEXT,
        recipients_count INTEGER NOT NULL,
        pending_recipients TEXT NOT NULL,
        state TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS rm_register_body_year ON rm_register (body_id, year, number);
      CREATE INDEX IF NOT EXISTS rm_register_case ON rm_register (case_number);
      CREATE INDEX IF NOT EXISTS rm_register_meeting ON rm_register (meeting_id);
    `);
  },
  reset(db: Db) {
    db.exec('DROP TABLE IF EXISTS rm_register_meetings; DROP TABLE IF EXISTS rm_register;');
  },
  open(db: Db, writes: Writes): ProjectionWriter {
    const selectMeeting = db.prepare<[string], MeetingRow>(
      `SELECT meeting_id AS meetingId, body_id AS bodyId, body_name AS bodyName, date,
              justified_at AS justifiedAt, announced_on AS announcedOn, appeal_ends_on AS appealEndsOn
       FROM rm_register_meetings WHERE meeting_id = ?`,
    );
    const upsertMeeting = db.prepare(
      `INSERT OR REPLACE INTO rm_register_meetings
         (meeting_id, body_id, body_name, date, justified_at, announced_on, appeal_ends_on)
       VALUES (@meetingId, @bodyId, @bodyName, @date, @justifiedAt, @announcedOn, @appealEndsOn)`,
    );
    const selectRow = db.prepare<[string], { state: string }>(
      'SELECT state FROM rm_register WHERE paragraph_id = ?',
    );
    const upsertRow = db.prepare(
      `INSERT OR REPLACE INTO rm_register
         (paragraph_id, meeting_id, body_id, body_name, year, number, case_number, title,
          decision_id, decision_kind, decision_text, justified_at, recipients_count, pending_recipients, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const meetings = new RowCache<MeetingRow>(
      writes,
      (id) => selectMeeting.get(id),
      (_id, m) => writes.run(upsertMeeting, m),
    );
    const rows = new RowCache<RegisterRow>(
      writes,
      (id) => {
        const r = selectRow.get(id);
        return r ? (JSON.parse(r.state) as RegisterRow) : undefined;
      },
      (id, r) => {
        const decision = current(r);
        const sent = new Set(r.dispatches.map((d) => d.recipient));
        const pending = r.recipients.filter((x) => !sent.has(x));
        writes.run(
          upsertRow,
          id,
          r.meetingId,
          r.bodyId,
          r.bodyName,
          r.year,
          r.number,
          r.caseNumber,
          r.title,
          decision?.decisionId ?? null,
          decision?.kind ?? null,
          decision?.text ?? null,
          r.justifiedAt,
          r.recipients.length,
          JSON.stringify(pending),
          JSON.stringify(r),
        );
      },
    );

    function updateMeeting(id: string, change: (m: MeetingRow) => MeetingRow): void {
      const m = meetings.get(id);
      if (m) meetings.set(id, change(m));
    }
    function updateRow(id: string, change: (r: RegisterRow) => void): void {
      const r = rows.get(id);
      if (!r) return;
      change(r);
      rows.set(id, r);
    }

    return {
      apply(event: StoredEvent) {
        const d = event.data as Record<string, never>;
        switch (event.type) {
          case 'MeetingScheduled': {
            const m = d as unknown as MeetingScheduled['data'];
            meetings.set(m.meetingId, {
              meetingId: m.meetingId,
              bodyId: m.body.id,
              bodyName: m.body.name,
              date: m.date,
              justifiedAt: null,
              announcedOn: null,
              appealEndsOn: null,
            });
            return;
          }
          case 'ProtocolJustified':
            return updateMeeting(d.meetingId, (m) => ({ ...m, justifiedAt: d.at }));
          case 'ProtocolAnnounced':
            return updateMeeting(d.meetingId, (m) => ({
              ...m,
              announcedOn: d.announcedOn,
              appealEndsOn: d.appealEndsOn,
            }));
          case 'ParagraphOpened': {
            const p = d as unknown as ParagraphOpened['data'];
            rows.set(p.paragraphId, {
              paragraphId: p.paragraphId,
              meetingId: p.meetingId,
              bodyId: p.body.id,
              bodyName: p.body.name,
              year: p.year,
              number: p.number,
              caseNumber: p.caseNumber ?? '',
              title: p.title,
              decisions: [],
              justifiedAt: null,
              recipients: [],
              dispatches: [],
              ...(p.origin ? { lineage: p.origin.lineage.map((x) => ({ ...x })) } : {}),
            });
            return;
          }
          case 'ParagraphRenumbered': {
            const { paragraphId, to } = d as unknown as ParagraphRenumbered['data'];
            return updateRow(paragraphId, (r) => {
              r.number = to;
            });
          }
          case 'MatterForwarded': {
            const f = d as unknown as MatterForwarded['data'];
            const from = f.lineage[f.lineage.length - 1];
            if (!from) return;
            return updateRow(from.paragraphId, (r) => {
              r.forwardedTo = [
                ...(r.forwardedTo ?? []),
                {
                  forwardId: f.forwardId,
                  bodyId: f.toBody.id,
                  bodyName: f.toBody.name,
                  at: f.at,
                  takenUp: null,
                },
              ];
            });
          }
          case 'MatterTakenUp': {
            const t = d as unknown as MatterTakenUp['data'];
            return updateRow(t.fromParagraphId, (r) => {
              for (const f of r.forwardedTo ?? []) {
                if (f.forwardId === t.forwardId) {
                  f.takenUp = {
                    paragraphId: t.paragraphId,
                    meetingId: t.meetingId,
                    year: t.year,
                    number: t.number,
                  };
                }
              }
            });
          }
          case 'DecisionAdopted': {
            const a = d as unknown as DecisionAdopted['data'];
            return updateRow(a.paragraphId, (r) => {
              r.decisions.push({
                decisionId: a.decisionId,
                kind: a.kind,
                text: decisionText(a.kind, a.content, a.motivation),
                struck: false,
              });
            });
          }
          case 'EntryStruck':
            return updateRow(d.paragraphId, (r) => {
              for (const x of r.decisions) if (x.decisionId === d.entryId) x.struck = true;
            });
          case 'DistributionSet':
            return updateRow(d.paragraphId, (r) => {
              r.recipients = [...(d.recipients as string[])];
            });
          case 'ParagraphJustified':
            return updateRow(d.paragraphId, (r) => {
              r.justifiedAt = d.at;
            });
          case 'DecisionDispatched':
            return updateRow(d.paragraphId, (r) => {
              r.dispatches.push({ recipient: d.recipient, at: d.at });
            });
          case 'CorrectionRecorded':
            return updateRow(d.paragraphId, (r) => {
              // The protocol view applies the same function (libs/protocol correct()).
              const c = d as unknown as { field: string; from: string; to: string };
              if (c.field === 'title') r.title = correctText(r.title, c).text;
              else if (c.field === 'caseNumber') r.caseNumber = correctText(r.caseNumber, c).text;
              else if (c.field === 'decision') {
                const x = current(r);
                if (x) x.text = correctText(x.text, c).text;
              }
            });
        }
      },
      flush() {
        meetings.flush();
        rows.flush();
      },
      discard() {
        meetings.discard();
        rows.discard();
      },
    };
  },
};

function current(r: RegisterRow) {
  for (let i = r.decisions.length - 1; i >= 0; i--) if (!r.decisions[i].struck) return r.decisions[i];
  return undefined;
}
