import type { AttachmentRef, Body, Member, MemberRef, Person } from './shared.js';

// ─── meeting stream ──────────────────────────────────────────────────────────────────

export interface MeetingScheduled {
  readonly type: 'MeetingScheduled';
  readonly data: {
    readonly meetingId: string;
    readonly body: Body;
    /** Local date `YYYY-MM-DD`. */
    readonly date: string;
    /** Local time `HH:MM`. */
    readonly startTime: string;
    readonly place: string;
    readonly chair: string; // memberId of the ordförande
    readonly secretary: Person;
    readonly members: readonly Member[];
    /**
     * Where the members came from when the API filled them from the body's roster (docs/adr/0036):
     * the roster stream's revision and the date it was read for. Absent: typed by the clerk.
     */
    readonly membersFrom?: { readonly roster: string; readonly revision: number; readonly date: string };
  };
}

/**
 * Attendance from `effectiveFrom` on (the first record covers the whole meeting; a later one
 * records an ersättare stepping in mid-meeting). Each record is complete: it replaces the last.
 */
export interface AttendanceRecorded {
  readonly type: 'AttendanceRecorded';
  readonly data: {
    readonly meetingId: string;
    readonly effectiveFrom: string;
    readonly present: readonly string[]; // memberIds of present ledamöter and ersättare
    readonly absent: readonly string[];
    /** Ersättare who serve (tjänstgör), and for whom. */
    readonly servingSubstitutes: readonly { readonly substituteId: string; readonly forMemberId: string }[];
    readonly others?: readonly Person[]; // övriga närvarande (officials)
  };
}

export interface AdjustersAppointed {
  readonly type: 'AdjustersAppointed';
  readonly data: {
    readonly meetingId: string;
    readonly adjusters: readonly string[]; // memberIds
    /** When and where the protocol is to be justerat. */
    readonly justeringAt: string;
    readonly justeringPlace: string;
  };
}

export interface MeetingOpened {
  readonly type: 'MeetingOpened';
  readonly data: { readonly meetingId: string; readonly at: string };
}

export interface MeetingClosed {
  readonly type: 'MeetingClosed';
  readonly data: { readonly meetingId: string; readonly at: string };
}

/** The whole protocol justerat by the chair and the justerare. */
export interface ProtocolJustified {
  readonly type: 'ProtocolJustified';
  readonly data: { readonly meetingId: string; readonly by: readonly MemberRef[]; readonly at: string };
}

/** Tillkännagivande on the anslagstavla; the appeal period ends on `appealEndsOn`. */
export interface ProtocolAnnounced {
  readonly type: 'ProtocolAnnounced';
  readonly data: {
    readonly meetingId: string;
    readonly announcedOn: string; // YYYY-MM-DD
    readonly appealEndsOn: string; // YYYY-MM-DD, computed by the domain's appeal-period rule
    readonly protocolKeptAt: string; // where the protocol is kept (förvaringsplats)
  };
}

export type MeetingEvent =
  | MeetingScheduled
  | AttendanceRecorded
  | AdjustersAppointed
  | MeetingOpened
  | MeetingClosed
  | ProtocolJustified
  | ProtocolAnnounced
  | ProtocolAttachmentAdded;

/** A bilaga attached to the protocol as a whole (added with issue 11). */
export interface ProtocolAttachmentAdded {
  readonly type: 'ProtocolAttachmentAdded';
  readonly data: AttachmentRef & { readonly meetingId: string };
}
