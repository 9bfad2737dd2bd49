import {
  attendanceIdsOf,
  whoServes,
  type AttachmentRef,
  type Body,
  type MeetingEvent,
  type Member,
  type MemberRef,
  type Person,
} from '@app/domain';
import { copyRef } from './paragraph-copy.js';

// ─── meeting ─────────────────────────────────────────────────────────────────────────

/** A bilaga, listed and numbered in the documents; the bytes are fetched by `sha256`. */
export interface AttachmentView {
  readonly sha256: string;
  readonly filename: string;
  readonly mediaType: string;
  readonly size: number;
  readonly title: string;
  readonly number: number;
  readonly struck: boolean;
}

export function attachmentView(a: AttachmentRef): AttachmentView {
  return {
    sha256: a.sha256,
    filename: a.filename,
    mediaType: a.mediaType,
    size: a.size,
    title: a.title,
    number: a.number,
    struck: false,
  };
}

export interface AttendanceView {
  readonly effectiveFrom: string;
  /** Members present (ledamöter and ersättare), in the register's order. */
  readonly present: MemberRef[];
  readonly absent: MemberRef[];
  readonly servingSubstitutes: { readonly substitute: MemberRef; readonly forMember: MemberRef }[];
  readonly others: Person[];
}

export interface MeetingView {
  readonly meetingId: string;
  readonly body: Body;
  readonly date: string;
  readonly startTime: string;
  readonly place: string;
  readonly chair: MemberRef | null;
  readonly secretary: Person;
  readonly members: Member[];
  /** Every attendance record in order; the last one is in force. */
  readonly attendance: AttendanceView[];
  readonly adjusters: MemberRef[];
  readonly justeringAt: string | null;
  readonly justeringPlace: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly justified: { readonly by: MemberRef[]; readonly at: string } | null;
  readonly announced: {
    readonly announcedOn: string;
    readonly appealEndsOn: string;
    readonly protocolKeptAt: string;
  } | null;
  /** Bilagor to the protocol as a whole (views stored before issue 11 may lack it). */
  readonly attachments?: AttachmentView[];
  /** How many of this stream's events the view has applied. */
  readonly version: number;
}

export type EventLike = { readonly type: string; readonly data: unknown };

function ref(member: Member): MemberRef {
  return { memberId: member.memberId, name: member.name, party: member.party };
}

/** A member id the register does not know still renders, as the bare id, rather than failing. */
function lookup(members: readonly Member[], memberId: string): MemberRef {
  const member = members.find((m) => m.memberId === memberId);
  return member ? ref(member) : { memberId, name: memberId, party: '' };
}

/** Apply one event to a meeting view. Events of other streams leave it unchanged. */
export function evolveMeetingView(view: MeetingView | null, event: EventLike): MeetingView | null {
  const e = event as MeetingEvent;
  if (e.type === 'MeetingScheduled') {
    const d = e.data;
    return {
      meetingId: d.meetingId,
      body: { ...d.body },
      date: d.date,
      startTime: d.startTime,
      place: d.place,
      chair: d.members.some((m) => m.memberId === d.chair) ? lookup(d.members, d.chair) : null,
      secretary: { ...d.secretary },
      members: d.members.map((m) => ({ ...m })),
      attendance: [],
      adjusters: [],
      justeringAt: null,
      justeringPlace: null,
      openedAt: null,
      closedAt: null,
      justified: null,
      announced: null,
      attachments: [],
      version: 1,
    };
  }
  if (view === null) return null;
  const next = { ...view, version: view.version + 1 };
  switch (e.type) {
    case 'AttendanceRecorded': {
      const d = e.data;
      const byId = (id: string) => lookup(view.members, id);
      // Keep the register's order so the protocol lists members as the body does.
      const inRegisterOrder = (ids: readonly string[]) =>
        view.members
          .filter((m) => ids.includes(m.memberId))
          .map(ref)
          .concat(ids.filter((id) => !view.members.some((m) => m.memberId === id)).map(byId));
      return {
        ...next,
        attendance: [
          ...view.attendance,
          {
            effectiveFrom: d.effectiveFrom,
            present: inRegisterOrder(d.present),
            absent: inRegisterOrder(d.absent),
            servingSubstitutes: d.servingSubstitutes.map((s) => ({
              substitute: byId(s.substituteId),
              forMember: byId(s.forMemberId),
            })),
            others: (d.others ?? []).map((p) => ({ ...p })),
          },
        ],
      };
    }
    case 'AdjustersAppointed':
      return {
        ...next,
        adjusters: e.data.adjusters.map((id) => lookup(view.members, id)),
        justeringAt: e.data.justeringAt,
        justeringPlace: e.data.justeringPlace,
      };
    case 'MeetingOpened':
      return { ...next, openedAt: e.data.at };
    case 'MeetingClosed':
      return { ...next, closedAt: e.data.at };
    case 'ProtocolJustified':
      return { ...next, justified: { by: e.data.by.map(copyRef), at: e.data.at } };
    case 'ProtocolAttachmentAdded':
      return { ...next, attachments: [...(view.attachments ?? []), attachmentView(e.data)] };
    case 'ProtocolAnnounced':
      return {
        ...next,
        announced: {
          announcedOn: e.data.announcedOn,
          appealEndsOn: e.data.appealEndsOn,
          protocolKeptAt: e.data.protocolKeptAt,
        },
      };
    default:
      return view;
  }
}

/** Fold a meeting stream. Throws if it has no MeetingScheduled (nothing to render). */
export function meetingView(events: readonly EventLike[]): MeetingView {
  const view = events.reduce<MeetingView | null>(evolveMeetingView, null);
  if (view === null) throw new Error('meetingView: the events hold no MeetingScheduled');
  return view;
}

/** The attendance in force (the last record), or null before attendance is recorded. */
export function currentAttendance(view: MeetingView): AttendanceView | null {
  return view.attendance[view.attendance.length - 1] ?? null;
}

/**
 * Who may decide under an attendance record: present ledamöter whose seat is not taken by a
 * substitute, and the serving ersättare.
 */
export function servingMembers(view: MeetingView, attendance: AttendanceView): MemberRef[] {
  const role = new Map(view.members.map((m) => [m.memberId, m.role]));
  return whoServes(attendance.present, attendanceIdsOf(attendance), (id) => role.get(id));
}
