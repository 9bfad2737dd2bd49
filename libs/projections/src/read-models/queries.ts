import type { MeetingView, ParagraphView } from '@app/protocol';
import type { Db } from '../db.js';
import type { LineageStep } from '@app/domain';
import type { ForwardedTo } from './register.projection.js';

// ─── dates ───────────────────────────────────────────────────────────────────────────

const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Sweden at `at` (YYYY-MM-DD): "today" for the clerk. */
export function swedishDate(at: Date = new Date()): string {
  return stockholmDate.format(at);
}

/** Monday and Sunday (YYYY-MM-DD) of the ISO week that contains `day`. */
export function weekOf(day: string): { monday: string; sunday: string } {
  const d = new Date(`${day}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7; // days since Monday
  const monday = new Date(d.getTime() - offset * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { monday: monday.toISOString().slice(0, 10), sunday: sunday.toISOString().slice(0, 10) };
}

// ─── meetings ────────────────────────────────────────────────────────────────────────

export interface MeetingListItem {
  readonly meetingId: string;
  readonly body: MeetingView['body'];
  readonly date: string;
  readonly startTime: string;
  readonly place: string;
  readonly paragraphs: number;
  readonly justified: boolean;
  readonly announced: boolean;
}

/** Every meeting, newest first, optionally of one body and year: the clerk's list. */
export function meetingsQuery(db: Db, filter: { body?: string; year?: number } = {}): MeetingListItem[] {
  const rows = db
    .prepare<[{ body: string | null; year: string | null }], { view: string; paragraphs: number }>(
      `SELECT m.view, (SELECT count(*) FROM rm_protocol_paragraphs p WHERE p.meeting_id = m.meeting_id) AS paragraphs
       FROM rm_protocol_meetings m
       WHERE (@body IS NULL OR m.body_id = @body) AND (@year IS NULL OR substr(m.date, 1, 4) = @year)
       ORDER BY m.date DESC, m.meeting_id`,
    )
    .all({ body: filter.body ?? null, year: filter.year === undefined ? null : String(filter.year) });
  return rows.map((r) => {
    const m = JSON.parse(r.view) as MeetingView;
    return {
      meetingId: m.meetingId,
      body: m.body,
      date: m.date,
      startTime: m.startTime,
      place: m.place,
      paragraphs: r.paragraphs,
      justified: m.justified !== null,
      announced: m.announced !== null,
    };
  });
}

// ─── protocol ────────────────────────────────────────────────────────────────────────

export interface ProtocolParagraph {
  readonly paragraphId: string;
  readonly number: number;
  readonly caseNumber: string;
  readonly title: string;
  readonly status: string;
  /** Revision of the paragraph's stream (its last event the model holds). */
  readonly revision: number;
  readonly view: ParagraphView;
}

export interface ProtocolReadModel {
  readonly meeting: MeetingView;
  /** Revision of the meeting's stream (its last event the model holds). */
  readonly revision: number;
  /** In § order. */
  readonly paragraphs: ProtocolParagraph[];
}

export function protocolOf(db: Db, meetingId: string): ProtocolReadModel | null {
  const m = db
    .prepare<[string], { view: string; revision: number }>(
      'SELECT view, revision FROM rm_protocol_meetings WHERE meeting_id = ?',
    )
    .get(meetingId);
  if (!m) return null;
  const rows = db
    .prepare<
      [string],
      {
        paragraph_id: string;
        number: number;
        case_number: string;
        title: string;
        status: string;
        revision: number;
        view: string;
      }
    >(
      `SELECT paragraph_id, number, case_number, title, status, revision, view FROM rm_protocol_paragraphs
       WHERE meeting_id = ? ORDER BY number, paragraph_id`,
    )
    .all(meetingId);
  const meeting = JSON.parse(m.view) as MeetingView;
  return {
    meeting,
    revision: m.revision,
    paragraphs: rows.map((r) => ({
      paragraphId: r.paragraph_id,
      number: r.number,
      caseNumber: r.case_number,
      title: r.title,
      // Justering of the whole protocol justifies every paragraph not justified on its own.
      status: meeting.justified ? 'justified' : r.status,
      revision: r.revision,
      view: JSON.parse(r.view) as ParagraphView,
    })),
  };
}

export function paragraphOf(db: Db, paragraphId: string): ParagraphView | null {
  return paragraphWithRevision(db, paragraphId)?.view ?? null;
}

/** A paragraph's view with the revision of its stream's last event the model holds. */
export function paragraphWithRevision(
  db: Db,
  paragraphId: string,
): { view: ParagraphView; revision: number } | null {
  const r = db
    .prepare<[string], { view: string; revision: number }>(
      'SELECT view, revision FROM rm_protocol_paragraphs WHERE paragraph_id = ?',
    )
    .get(paragraphId);
  return r ? { view: JSON.parse(r.view) as ParagraphView, revision: r.revision } : null;
}

/** Paragraph ids of a meeting (a paragraph never moves to another meeting). */
export function paragraphIdsOf(db: Db, meetingId: string): string[] {
  return db
    .prepare<[string], { paragraph_id: string }>(
      'SELECT paragraph_id FROM rm_protocol_paragraphs WHERE meeting_id = ?',
    )
    .all(meetingId)
    .map((r) => r.paragraph_id);
}

export function meetingExists(db: Db, meetingId: string): boolean {
  return !!db.prepare('SELECT 1 FROM rm_protocol_meetings WHERE meeting_id = ?').get(meetingId);
}

// ─── decision register ───────────────────────────────────────────────────────────────

export const REGISTER_STATUSES = [
  'decided',
  'justified',
  'announced',
  'appeal_period_over',
  'dispatched',
] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/** Status words as a clerk reads them. */
export const STATUS_TEXT: Record<RegisterStatus, string> = {
  decided: 'beslutad',
  justified: 'justerad',
  announced: 'anslagen',
  appeal_period_over: 'överklagandetiden har gått ut',
  dispatched: 'expedierad',
};

export interface RegisterFilter {
  readonly bodyId?: string;
  readonly year?: number;
  readonly caseNumber?: string;
  readonly status?: RegisterStatus;
  /** YYYY-MM-DD: decides whether an appeal period is over. */
  readonly today: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface RegisterEntry {
  readonly paragraphId: string;
  readonly meetingId: string;
  readonly bodyId: string;
  readonly bodyName: string;
  readonly meetingDate: string;
  readonly year: number;
  readonly number: number;
  readonly caseNumber: string;
  readonly title: string;
  readonly decisionKind: string;
  readonly decision: string;
  readonly justifiedAt: string | null;
  readonly announcedOn: string | null;
  readonly appealEndsOn: string | null;
  readonly pendingRecipients: string[];
  readonly status: RegisterStatus;
  readonly statusText: string;
  /** A forwarded matter's way here: which body proposed what, in which § (docs/adr/0037). */
  readonly lineage: readonly LineageStep[];
  /** Where its förslag was sent on, and which paragraph took it up. */
  readonly forwardedTo: readonly ForwardedTo[];
  /** The lineage in words: "Kommunstyrelsens arbetsutskott 2024-05-27 § 12" per step ("" when none). */
  readonly preparedBy: string;
  /** Where it was sent on, in words: "Kommunstyrelsen (§ 3/2024)" ("" when nowhere). */
  readonly sentOnTo: string;
}

/**
 * One stage per decision, the furthest reached: dispatched (every recipient sent) >
 * appeal period over > announced > justified (the § or the whole protocol) > decided.
 */
const STATUS_SQL = `CASE
  WHEN r.recipients_count > 0 AND r.pending_recipients = '[]' THEN 'dispatched'
  WHEN m.appeal_ends_on IS NOT NULL AND m.appeal_ends_on < @today THEN 'appeal_period_over'
  WHEN m.announced_on IS NOT NULL THEN 'announced'
  WHEN r.justified_at IS NOT NULL OR m.justified_at IS NOT NULL THEN 'justified'
  ELSE 'decided' END`;

export function registerQuery(db: Db, f: RegisterFilter): RegisterEntry[] {
  const where = ['r.decision_id IS NOT NULL'];
  const params: Record<string, unknown> = { today: f.today, limit: f.limit ?? -1, offset: f.offset ?? 0 };
  if (f.bodyId !== undefined) {
    where.push('r.body_id = @bodyId');
    params.bodyId = f.bodyId;
  }
  if (f.year !== undefined) {
    where.push('r.year = @year');
    params.year = f.year;
  }
  if (f.caseNumber !== undefined) {
    where.push('r.case_number = @caseNumber');
    params.caseNumber = f.caseNumber;
  }
  if (f.status !== undefined) {
    where.push(`${STATUS_SQL} = @status`);
    params.status = f.status;
  }
  const rows = db
    .prepare(
      `SELECT r.paragraph_id, r.meeting_id, r.body_id, r.body_name, m.date, r.year, r.number, r.case_number,
              r.title, r.decision_kind, r.decision_text, COALESCE(r.justified_at, m.justified_at) AS justified_at,
              m.announced_on, m.appeal_ends_on, r.pending_recipients, r.state, ${STATUS_SQL} AS status
       FROM rm_register r JOIN rm_register_meetings m ON m.meeting_id = r.meeting_id
       WHERE ${where.join(' AND ')}
       ORDER BY r.body_id, r.year, r.number, r.paragraph_id
       LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Record<string, never>[];
  return rows.map((r) => ({
    paragraphId: r.paragraph_id,
    meetingId: r.meeting_id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    meetingDate: r.date,
    year: r.year,
    number: r.number,
    caseNumber: r.case_number,
    title: r.title,
    decisionKind: r.decision_kind,
    decision: r.decision_text,
    justifiedAt: r.justified_at,
    announcedOn: r.announced_on,
    appealEndsOn: r.appeal_ends_on,
    pendingRecipients: JSON.parse(r.pending_recipients) as string[],
    status: r.status,
    statusText: STATUS_TEXT[r.status as RegisterStatus],
    ...lineageOf(r.state),
  }));
}

function lineageOf(state: string) {
  const row = JSON.parse(state) as { lineage?: LineageStep[]; forwardedTo?: ForwardedTo[] };
  const lineage = row.lineage ?? [];
  const forwardedTo = row.forwardedTo ?? [];
  return {
    lineage,
    forwardedTo,
    preparedBy: lineage.map((s) => `${s.bodyName} ${s.date} ${s.label}`).join('; '),
    sentOnTo: forwardedTo
      .map((f) => (f.takenUp ? `${f.bodyName} (§ ${f.takenUp.number}/${f.takenUp.year})` : f.bodyName))
      .join('; '),
  };
}

// ─── statistics ──────────────────────────────────────────────────────────────────────

export interface StatisticsFilter {
  readonly bodyId?: string;
  readonly year?: number;
}

export interface Tally {
  readonly motions: number;
  readonly motionsAdopted: number;
  readonly votes: { readonly ja: number; readonly nej: number; readonly avstar: number };
  readonly reservations: number;
  readonly recusals: number;
}

export interface MemberStatistics extends Tally {
  readonly memberId: string;
  readonly name: string;
  readonly party: string;
}

export interface PartyStatistics extends Tally {
  readonly party: string;
}

const TALLY_SQL = `
  SUM(motions) AS motions, SUM(adopted) AS adopted, SUM(ja) AS ja, SUM(nej) AS nej, SUM(avstar) AS avstar,
  SUM(reservations) AS reservations, SUM(recusals) AS recusals`;

function tally(r: Record<string, number>): Tally {
  return {
    motions: r.motions,
    motionsAdopted: r.adopted,
    votes: { ja: r.ja, nej: r.nej, avstar: r.avstar },
    reservations: r.reservations,
    recusals: r.recusals,
  };
}

export function statisticsQuery(
  db: Db,
  f: StatisticsFilter,
): { members: MemberStatistics[]; parties: PartyStatistics[] } {
  const where: string[] = ['1 = 1'];
  const params: Record<string, unknown> = {};
  if (f.bodyId !== undefined) {
    where.push('body_id = @bodyId');
    params.bodyId = f.bodyId;
  }
  if (f.year !== undefined) {
    where.push('year = @year');
    params.year = f.year;
  }
  const w = where.join(' AND ');
  const members = db
    .prepare(
      `SELECT member_id, name, party, ${TALLY_SQL} FROM rm_stat_members WHERE ${w}
       GROUP BY member_id, name, party ORDER BY party, name, member_id`,
    )
    .all(params) as Record<string, never>[];
  const parties = db
    .prepare(`SELECT party, ${TALLY_SQL} FROM rm_stat_members WHERE ${w} GROUP BY party ORDER BY party`)
    .all(params) as Record<string, never>[];
  return {
    members: members.map((r) => ({ memberId: r.member_id, name: r.name, party: r.party, ...tally(r) })),
    parties: parties.map((r) => ({ party: r.party, ...tally(r) })),
  };
}

// ─── clerk's worklist ────────────────────────────────────────────────────────────────

export interface Worklist {
  readonly today: string;
  readonly week: { readonly monday: string; readonly sunday: string };
  /** Paragraphs neither justified on their own nor with their protocol. */
  readonly notJustified: {
    paragraphId: string;
    meetingId: string;
    bodyId: string;
    meetingDate: string;
    number: number;
    caseNumber: string;
    title: string;
    decided: boolean;
  }[];
  /** Justified decisions with recipients not yet sent the decision. */
  readonly notDispatched: {
    paragraphId: string;
    meetingId: string;
    bodyId: string;
    number: number;
    year: number;
    caseNumber: string;
    title: string;
    recipients: string[];
  }[];
  /** Protocols whose appeal period ends this week (Monday to Sunday). */
  readonly appealEndingThisWeek: {
    meetingId: string;
    bodyId: string;
    bodyName: string;
    meetingDate: string;
    announcedOn: string;
    appealEndsOn: string;
  }[];
}

export function worklistQuery(db: Db, f: { today: string; bodyId?: string }): Worklist {
  const week = weekOf(f.today);
  const body = f.bodyId !== undefined ? 'AND r.body_id = @bodyId' : '';
  const params = { bodyId: f.bodyId, ...week };
  const notJustified = db
    .prepare(
      `SELECT r.paragraph_id, r.meeting_id, r.body_id, m.date, r.number, r.case_number, r.title, r.decision_id
       FROM rm_register r JOIN rm_register_meetings m ON m.meeting_id = r.meeting_id
       WHERE r.justified_at IS NULL AND m.justified_at IS NULL ${body}
       ORDER BY m.date, r.body_id, r.number`,
    )
    .all(params) as Record<string, never>[];
  const notDispatched = db
    .prepare(
      `SELECT r.paragraph_id, r.meeting_id, r.body_id, r.number, r.year, r.case_number, r.title, r.pending_recipients
       FROM rm_register r JOIN rm_register_meetings m ON m.meeting_id = r.meeting_id
       WHERE r.pending_recipients <> '[]' AND (r.justified_at IS NOT NULL OR m.justified_at IS NOT NULL)
         AND r.decision_id IS NOT NULL ${body}
       ORDER BY r.body_id, r.year, r.number`,
    )
    .all(params) as Record<string, never>[];
  const appeal = db
    .prepare(
      `SELECT meeting_id, body_id, body_name, date, announced_on, appeal_ends_on FROM rm_register_meetings r
       WHERE appeal_ends_on BETWEEN @monday AND @sunday ${body}
       ORDER BY appeal_ends_on, body_id, date`,
    )
    .all(params) as Record<string, never>[];
  return {
    today: f.today,
    week,
    notJustified: notJustified.map((r) => ({
      paragraphId: r.paragraph_id,
      meetingId: r.meeting_id,
      bodyId: r.body_id,
      meetingDate: r.date,
      number: r.number,
      caseNumber: r.case_number,
      title: r.title,
      decided: r.decision_id !== null,
    })),
    notDispatched: notDispatched.map((r) => ({
      paragraphId: r.paragraph_id,
      meetingId: r.meeting_id,
      bodyId: r.body_id,
      number: r.number,
      year: r.year,
      caseNumber: r.case_number,
      title: r.title,
      recipients: JSON.parse(r.pending_recipients) as string[],
    })),
    appealEndingThisWeek: appeal.map((r) => ({
      meetingId: r.meeting_id,
      bodyId: r.body_id,
      bodyName: r.body_name,
      meetingDate: r.date,
      announcedOn: r.announced_on,
      appealEndsOn: r.appeal_ends_on,
    })),
  };
}
