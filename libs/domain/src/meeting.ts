/**
 * The meeting stream: schedule, attendance (närvaro), justerare, opening and closing, the
 * protocol's justering and its anslag. The meeting state is also the context the paragraph
 * decider reads: who is a member, who serves now, who justerar.
 */
import { appealPeriodEnd, isPlainDate } from './appeal-period.js';
import type { MeetingCommand } from './commands.js';
import type { Decider } from './decider.js';
import { ensure, unknownCommand } from './errors.js';
import { whoServes } from './serving.js';
import type {
  AdjustersAppointed,
  AttendanceRecorded,
  Member,
  MemberRef,
  MeetingEvent,
  MeetingScheduled,
  ProtocolAnnounced,
  ProtocolAttachmentAdded,
  ProtocolJustified,
} from './events.js';

export interface MeetingState {
  readonly schedule?: MeetingScheduled['data'];
  /** The attendance in effect now (the last record replaces the earlier ones). */
  readonly attendance?: AttendanceRecorded['data'];
  /** Every record, in order: who served from when (for the protocol and audits). */
  readonly attendanceHistory: readonly AttendanceRecorded['data'][];
  readonly adjusters?: AdjustersAppointed['data'];
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly protocolJustified?: ProtocolJustified['data'];
  readonly announced?: ProtocolAnnounced['data'];
  /** Bilagor to the protocol as a whole. */
  readonly attachments: readonly ProtocolAttachmentAdded['data'][];
}

export const initialMeetingState: MeetingState = { attendanceHistory: [], attachments: [] };

// ─── who may do what (read by the paragraph decider too) ────────────────────────────

export function findMember(meeting: MeetingState, memberId: string): Member | undefined {
  return meeting.schedule?.members.find((m) => m.memberId === memberId);
}

export function memberRef(member: Member): MemberRef {
  return { memberId: member.memberId, name: member.name, party: member.party };
}

/** Resolve a memberId to the snapshot events carry; unknown ids are refused. */
export function requireMemberRef(meeting: MeetingState, memberId: string): MemberRef {
  const member = findMember(meeting, memberId);
  ensure(member, 'UNKNOWN_MEMBER', { memberId });
  return memberRef(member);
}

/** Who serves under the attendance in effect, in the order of the member list. */
export function servingMemberIds(meeting: MeetingState): string[] {
  const a = meeting.attendance;
  if (!a || !meeting.schedule) return [];
  const members = meeting.schedule.members;
  const role = new Map(members.map((m) => [m.memberId, m.role]));
  return whoServes(members, a, (id) => role.get(id)).map((m) => m.memberId);
}

export function isPresent(meeting: MeetingState, memberId: string): boolean {
  return meeting.attendance?.present.includes(memberId) ?? false;
}

/** KL 6:27: a nämnd may handle matters only when more than half of its ledamöter are present. */
export function hasQuorum(meeting: MeetingState): boolean {
  const ledamoter = meeting.schedule?.members.filter((m) => m.role === 'ledamot').length ?? 0;
  return servingMemberIds(meeting).length * 2 > ledamoter;
}

/** Justering is done by the chair and all the justerare, and by nobody else. */
export function resolveJustifiers(meeting: MeetingState, byMemberIds: readonly string[]): MemberRef[] {
  const { schedule, adjusters } = meeting;
  ensure(schedule, 'MEETING_NOT_SCHEDULED');
  ensure(adjusters, 'ADJUSTERS_NOT_APPOINTED');
  const required = new Set([schedule.chair, ...adjusters.adjusters]);
  const given = new Set(byMemberIds);
  ensure(
    given.size === byMemberIds.length &&
      given.size === required.size &&
      [...required].every((id) => given.has(id)),
    'JUSTIFIERS_INVALID',
    { required: [...required], given: byMemberIds },
  );
  return byMemberIds.map((id) => requireMemberRef(meeting, id));
}

// ─── rules of the meeting stream ─────────────────────────────────────────────────────

function requireScheduled(state: MeetingState, meetingId: string): MeetingScheduled['data'] {
  ensure(state.schedule, 'MEETING_NOT_SCHEDULED', { meetingId });
  ensure(state.schedule.meetingId === meetingId, 'WRONG_MEETING', { meetingId });
  return state.schedule;
}

function checkSchedule(data: MeetingScheduled['data']): void {
  ensure(isPlainDate(data.date), 'INVALID_DATE', { field: 'date', value: data.date });
  const ids = data.members.map((m) => m.memberId);
  ensure(new Set(ids).size === ids.length, 'DUPLICATE_MEMBER');
  const chair = data.members.find((m) => m.memberId === data.chair);
  ensure(chair?.role === 'ledamot', 'CHAIR_NOT_LEDAMOT', { chair: data.chair });
}

/**
 * A record is complete: every ledamot present or absent; present ersättare listed as present.
 * An ersättare serves only when present, only for an absent ledamot, one for one.
 */
function checkAttendance(state: MeetingState, data: AttendanceRecorded['data']): void {
  const members = state.schedule?.members ?? [];
  const byId = new Map(members.map((m) => [m.memberId, m]));
  for (const id of [
    ...data.present,
    ...data.absent,
    ...data.servingSubstitutes.flatMap((s) => [s.substituteId, s.forMemberId]),
  ]) {
    ensure(byId.has(id), 'UNKNOWN_MEMBER', { memberId: id });
  }
  const present = new Set(data.present);
  const absent = new Set(data.absent);
  const both = [...present].filter((id) => absent.has(id));
  ensure(both.length === 0, 'ATTENDANCE_CONFLICT', { memberIds: both });
  const unaccounted = members
    .filter((m) => m.role === 'ledamot' && !present.has(m.memberId) && !absent.has(m.memberId))
    .map((m) => m.memberId);
  ensure(unaccounted.length === 0, 'ATTENDANCE_INCOMPLETE', { memberIds: unaccounted });

  const substitutes = data.servingSubstitutes.map((s) => s.substituteId);
  const replaced = data.servingSubstitutes.map((s) => s.forMemberId);
  ensure(
    new Set(substitutes).size === substitutes.length && new Set(replaced).size === replaced.length,
    'SUBSTITUTE_DUPLICATE',
  );
  for (const s of data.servingSubstitutes) {
    ensure(
      byId.get(s.substituteId)?.role === 'ersattare' && present.has(s.substituteId),
      'SUBSTITUTE_NOT_ERSATTARE',
      {
        memberId: s.substituteId,
      },
    );
    ensure(
      byId.get(s.forMemberId)?.role === 'ledamot' && !present.has(s.forMemberId),
      'SUBSTITUTE_FOR_PRESENT_MEMBER',
      {
        memberId: s.forMemberId,
      },
    );
  }
}

function decide(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  switch (command.type) {
    case 'AddProtocolAttachment': {
      const { number, ...attachment } = command.data;
      requireScheduled(state, attachment.meetingId);
      // A justified protocol is what was signed: nothing is added to it.
      ensure(!state.protocolJustified, 'PROTOCOL_ALREADY_JUSTIFIED');
      ensure(attachment.filename.trim() !== '', 'TEXT_REQUIRED', { field: 'filename' });
      ensure(attachment.title.trim() !== '', 'TEXT_REQUIRED', { field: 'title' });
      const current = state.attachments ?? [];
      ensure(!current.some((a) => a.sha256 === attachment.sha256), 'ATTACHMENT_ALREADY_ADDED', {
        sha256: attachment.sha256,
      });
      const next = number ?? Math.max(0, ...current.map((a) => a.number)) + 1;
      ensure(!current.some((a) => a.number === next), 'ATTACHMENT_NUMBER_TAKEN', { number: next });
      return [{ type: 'ProtocolAttachmentAdded', data: { ...attachment, number: next } }];
    }
    case 'ScheduleMeeting': {
      ensure(!state.schedule, 'MEETING_ALREADY_SCHEDULED', { meetingId: command.data.meetingId });
      checkSchedule(command.data);
      return [{ type: 'MeetingScheduled', data: command.data }];
    }
    case 'RecordAttendance': {
      requireScheduled(state, command.data.meetingId);
      ensure(!state.closedAt, 'MEETING_CLOSED');
      checkAttendance(state, command.data);
      return [{ type: 'AttendanceRecorded', data: command.data }];
    }
    case 'AppointAdjusters': {
      const schedule = requireScheduled(state, command.data.meetingId);
      ensure(!state.closedAt, 'MEETING_CLOSED');
      ensure(state.attendance, 'ATTENDANCE_NOT_RECORDED');
      const ids = command.data.adjusters;
      ensure(ids.length > 0 && new Set(ids).size === ids.length, 'ADJUSTERS_REQUIRED');
      const serving = new Set(servingMemberIds(state));
      for (const id of ids) {
        requireMemberRef(state, id);
        ensure(id !== schedule.chair, 'ADJUSTER_IS_CHAIR', { memberId: id });
        ensure(serving.has(id), 'ADJUSTER_NOT_PRESENT', { memberId: id });
      }
      return [{ type: 'AdjustersAppointed', data: command.data }];
    }
    case 'OpenMeeting': {
      requireScheduled(state, command.data.meetingId);
      ensure(!state.openedAt, 'MEETING_ALREADY_OPENED');
      ensure(state.attendance, 'ATTENDANCE_NOT_RECORDED');
      ensure(hasQuorum(state), 'QUORUM_NOT_MET', { serving: servingMemberIds(state).length });
      return [{ type: 'MeetingOpened', data: command.data }];
    }
    case 'CloseMeeting': {
      requireScheduled(state, command.data.meetingId);
      ensure(state.openedAt, 'MEETING_NOT_OPENED');
      ensure(!state.closedAt, 'MEETING_CLOSED');
      return [{ type: 'MeetingClosed', data: command.data }];
    }
    case 'JustifyProtocol': {
      const { meetingId, byMemberIds, at } = command.data;
      requireScheduled(state, meetingId);
      ensure(!state.protocolJustified, 'PROTOCOL_ALREADY_JUSTIFIED');
      ensure(state.closedAt, 'MEETING_NOT_CLOSED');
      const by = resolveJustifiers(state, byMemberIds);
      return [{ type: 'ProtocolJustified', data: { meetingId, by, at } }];
    }
    case 'AnnounceProtocol': {
      const { meetingId, announcedOn, protocolKeptAt } = command.data;
      requireScheduled(state, meetingId);
      ensure(state.protocolJustified, 'PROTOCOL_NOT_JUSTIFIED');
      ensure(!state.announced, 'PROTOCOL_ALREADY_ANNOUNCED');
      ensure(isPlainDate(announcedOn), 'INVALID_DATE', { field: 'announcedOn', value: announcedOn });
      // Instants carry their local date first ("2024-05-21T15:00:00+02:00").
      const justifiedOn = state.protocolJustified.at.slice(0, 10);
      ensure(announcedOn >= justifiedOn, 'ANNOUNCEMENT_BEFORE_JUSTERING', { justifiedOn, announcedOn });
      const appealEndsOn = appealPeriodEnd(announcedOn);
      return [{ type: 'ProtocolAnnounced', data: { meetingId, announcedOn, appealEndsOn, protocolKeptAt } }];
    }
  }
  return unknownCommand(command);
}

function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingScheduled':
      return { ...state, schedule: event.data };
    case 'AttendanceRecorded':
      return {
        ...state,
        attendance: event.data,
        attendanceHistory: [...state.attendanceHistory, event.data],
      };
    case 'AdjustersAppointed':
      return { ...state, adjusters: event.data };
    case 'MeetingOpened':
      return { ...state, openedAt: event.data.at };
    case 'MeetingClosed':
      return { ...state, closedAt: event.data.at };
    case 'ProtocolJustified':
      return { ...state, protocolJustified: event.data };
    case 'ProtocolAnnounced':
      return { ...state, announced: event.data };
    case 'ProtocolAttachmentAdded':
      return { ...state, attachments: [...(state.attachments ?? []), event.data] };
  }
  return state;
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  initialState: initialMeetingState,
  decide: (command, state) => decide(command, state),
  evolve,
};
