/**
 * Commands: what a clerk asks the system to record. Each carries the ids and times it needs
 * (the domain has no clock and draws no random numbers). Members are referred to by memberId;
 * the deciders resolve names and parties from the meeting into the events' MemberRefs.
 */
import type {
  AdjustersAppointed,
  AttendanceRecorded,
  CorrectionRecorded,
  AttachmentRef,
  DecisionContent,
  EarlierReference,
  Matter,
  MeetingScheduled,
  MotionKind,
  MotionTarget,
  PartyGroup,
  ParagraphNumberReleased,
  ParagraphNumbersReassigned,
  ParagraphNumberReserved,
  ParagraphOpened,
  Person,
  Proposal,
  ProposalRef,
  VoteChoice,
} from './events.js';
import { streamIds } from './events.js';

interface Cmd<T extends string, D> {
  readonly type: T;
  readonly data: D;
}

// ─── meeting ─────────────────────────────────────────────────────────────────────────

export type ScheduleMeeting = Cmd<'ScheduleMeeting', MeetingScheduled['data']>;
export type RecordAttendance = Cmd<'RecordAttendance', AttendanceRecorded['data']>;
export type AppointAdjusters = Cmd<'AppointAdjusters', AdjustersAppointed['data']>;
export type OpenMeeting = Cmd<'OpenMeeting', { readonly meetingId: string; readonly at: string }>;
export type CloseMeeting = Cmd<'CloseMeeting', { readonly meetingId: string; readonly at: string }>;
export type JustifyProtocol = Cmd<
  'JustifyProtocol',
  { readonly meetingId: string; readonly byMemberIds: readonly string[]; readonly at: string }
>;
/** `appealEndsOn` is not given: the decider computes it (appeal-period.ts). */
export type AnnounceProtocol = Cmd<
  'AnnounceProtocol',
  { readonly meetingId: string; readonly announcedOn: string; readonly protocolKeptAt: string }
>;

/** `number` may be left out: the next free bilaga number of the protocol. */
export type AddProtocolAttachment = Cmd<
  'AddProtocolAttachment',
  Omit<AttachmentRef, 'number'> & { readonly meetingId: string; readonly number?: number }
>;

export type MeetingCommand =
  | AddProtocolAttachment
  | ScheduleMeeting
  | RecordAttendance
  | AppointAdjusters
  | OpenMeeting
  | CloseMeeting
  | JustifyProtocol
  | AnnounceProtocol;

// ─── numbering ───────────────────────────────────────────────────────────────────────

export type ReserveParagraphNumber = Cmd<'ReserveParagraphNumber', ParagraphNumberReserved['data']>;
export type ReleaseParagraphNumber = Cmd<'ReleaseParagraphNumber', ParagraphNumberReleased['data']>;
export type ReassignParagraphNumbers = Cmd<'ReassignParagraphNumbers', ParagraphNumbersReassigned['data']>;
export type NumberingCommand = ReserveParagraphNumber | ReleaseParagraphNumber | ReassignParagraphNumbers;

// ─── paragraph ───────────────────────────────────────────────────────────────────────

/** Body and year come from the meeting; the earlier paragraph's § and year from its stream. */
export type OpenParagraph = Cmd<
  'OpenParagraph',
  {
    readonly paragraphId: string;
    readonly meetingId: string;
    readonly number: number;
    /** Left out for formalia, which have no diarienummer. */
    readonly caseNumber?: string;
    readonly title: string;
    readonly summary: readonly string[];
    readonly basisDocuments: readonly string[];
    readonly proposal: Proposal;
    /** The paragraph this matter returns from after återremiss or bordläggning. */
    readonly previousParagraphId?: string;
    /** An earlier paragraph that is not in the system, as a free reference. */
    readonly earlierReference?: EarlierReference;
    /** The motion or medborgarförslag the paragraph handles. */
    readonly matter?: Matter;
    /** The ärende's code in the diarieplan, as written ("609", "1.1.6"). */
    readonly classification?: string;
    /** A forwarded matter this paragraph is opened from (the API fills it from incoming-<bodyId>). */
    readonly origin?: ParagraphOpened['data']['origin'];
  }
>;
/**
 * The § number the agenda's new order gives the paragraph (docs/adr/0055). `reassigned`: the
 * body's numbering stream has recorded the change already, so the paragraph follows it even if
 * something was recorded in it since the order was checked.
 */
export type RenumberParagraph = Cmd<
  'RenumberParagraph',
  { readonly paragraphId: string; readonly number: number; readonly reassigned?: boolean }
>;
export type DeclareRecusal = Cmd<
  'DeclareRecusal',
  { readonly paragraphId: string; readonly memberId: string; readonly reason?: string }
>;
export type ProposeMotion = Cmd<
  'ProposeMotion',
  {
    readonly paragraphId: string;
    readonly motionId: string;
    readonly proposerId: string;
    /** Joint movers besides the proposer. */
    readonly coProposerIds?: readonly string[];
    readonly kind: MotionKind;
    readonly text?: string;
    readonly motivation?: string;
    readonly refersTo?: MotionTarget;
  }
>;
export type SupportProposal = Cmd<
  'SupportProposal',
  { readonly paragraphId: string; readonly memberId: string }
>;
/** `byMemberId` defaults to the meeting's chair. */
export type AmendProposal = Cmd<
  'AmendProposal',
  {
    readonly paragraphId: string;
    readonly amendmentId: string;
    readonly decision: DecisionContent;
    readonly byMemberId?: string;
    readonly text?: string;
  }
>;
/** A member (`memberId`) or someone who is not (`person`) spoke. */
export type RecordSpeaker = Cmd<
  'RecordSpeaker',
  {
    readonly paragraphId: string;
    readonly speakerId: string;
    readonly memberId?: string;
    readonly person?: Person;
    readonly at?: string;
  }
>;
/**
 * Who: `memberIds`, or a party `group` (then its serving members unless `memberIds` name them).
 * The same shape serves joint reservations and group protokollsanteckningar.
 */
export type DeclareNonParticipation = Cmd<
  'DeclareNonParticipation',
  {
    readonly paragraphId: string;
    readonly declarationId: string;
    readonly memberIds?: readonly string[];
    readonly group?: PartyGroup;
    readonly reason?: string;
  }
>;
export type ApprovePropositionOrder = Cmd<
  'ApprovePropositionOrder',
  {
    readonly paragraphId: string;
    readonly orderId: string;
    readonly steps: readonly { readonly puts: readonly ProposalRef[] }[];
    readonly text?: string;
  }
>;
/** `number` may be left out: the next free bilaga number of the paragraph. */
export type AddAttachment = Cmd<
  'AddAttachment',
  Omit<AttachmentRef, 'number'> & { readonly paragraphId: string; readonly number?: number }
>;
export type SupportMotion = Cmd<
  'SupportMotion',
  { readonly paragraphId: string; readonly motionId: string; readonly memberId: string }
>;
export type WithdrawMotion = Cmd<
  'WithdrawMotion',
  { readonly paragraphId: string; readonly motionId: string }
>;
export type AmendMotion = Cmd<
  'AmendMotion',
  {
    readonly paragraphId: string;
    readonly motionId: string;
    readonly kind: MotionKind;
    readonly text?: string;
    readonly motivation?: string;
    readonly reason?: string;
  }
>;
export type AskQuestion = Cmd<
  'AskQuestion',
  {
    readonly paragraphId: string;
    readonly questionId: string;
    readonly puts: readonly ProposalRef[];
    readonly finding: ProposalRef | 'rejected';
  }
>;
export type RequestVote = Cmd<
  'RequestVote',
  {
    readonly paragraphId: string;
    readonly voteId: string;
    /** Left out when the protocol does not say who asked ("Omröstning begärs"). */
    readonly requestedById?: string;
    readonly questionId: string;
  }
>;
/**
 * One voting round of the votering `voteId`: kontrapropositionsvotering(ar) first when there are
 * several counter-proposals, then the huvudvotering.
 */
export type ApproveVoteProposition = Cmd<
  'ApproveVoteProposition',
  {
    readonly paragraphId: string;
    readonly voteId: string;
    readonly kind: 'huvudvotering' | 'kontraproposition';
    readonly ja: ProposalRef;
    readonly nej: ProposalRef;
  }
>;
/** The roll call in the order members were called. The tally is computed by the decider. */
export type HoldVote = Cmd<
  'HoldVote',
  {
    readonly paragraphId: string;
    readonly voteId: string;
    readonly votes: readonly { readonly memberId: string; readonly vote: VoteChoice }[];
    readonly castingVote?: 'ja' | 'nej';
    /** Print the names in the appendix only. */
    readonly namesInAppendix?: boolean;
  }
>;
/**
 * `basedOn` may be left out: the decider then records every live question and the last
 * completed votering. When given it must be exactly that.
 */
export type AdoptDecision = Cmd<
  'AdoptDecision',
  {
    readonly paragraphId: string;
    readonly decisionId: string;
    readonly kind: 'sakbeslut' | 'aterremiss' | 'bordlaggning';
    readonly content?: DecisionContent;
    readonly motivation?: string;
    readonly basedOn?: { readonly questionIds: readonly string[]; readonly voteId?: string };
  }
>;
export type EnterReservation = Cmd<
  'EnterReservation',
  {
    readonly paragraphId: string;
    readonly reservationId: string;
    /** One member, or several (`memberIds`), or a party `group`; at least one of them. */
    readonly memberId?: string;
    readonly memberIds?: readonly string[];
    readonly group?: PartyGroup;
    readonly decisionId: string;
    readonly reasons?: string;
    /** SHA-256 of a bilaga of this paragraph with the written reasons. */
    readonly reasonsAttachment?: string;
  }
>;
/** Text, or a bilaga of this paragraph (its SHA-256), or both. */
export type SubmitReservationReasons = Cmd<
  'SubmitReservationReasons',
  {
    readonly paragraphId: string;
    readonly reservationId: string;
    readonly reasons?: string;
    readonly attachment?: string;
  }
>;
export type EnterProtocolNote = Cmd<
  'EnterProtocolNote',
  {
    readonly paragraphId: string;
    readonly noteId: string;
    /** One member, or several (`memberIds`), or a party `group`; at least one of them. */
    readonly memberId?: string;
    readonly memberIds?: readonly string[];
    readonly group?: PartyGroup;
    readonly text: string;
  }
>;
export type SetDistribution = Cmd<
  'SetDistribution',
  { readonly paragraphId: string; readonly recipients: readonly string[] }
>;
export type StrikeEntry = Cmd<
  'StrikeEntry',
  { readonly paragraphId: string; readonly entryId: string; readonly reason: string }
>;
export type JustifyParagraph = Cmd<
  'JustifyParagraph',
  {
    readonly paragraphId: string;
    readonly byMemberIds: readonly string[];
    readonly at: string;
    readonly immediate: boolean;
  }
>;
export type RecordCorrection = Cmd<'RecordCorrection', CorrectionRecorded['data']>;
export type CertifyExtract = Cmd<
  'CertifyExtract',
  { readonly paragraphId: string; readonly by: Person; readonly at: string }
>;
export type DispatchDecision = Cmd<
  'DispatchDecision',
  { readonly paragraphId: string; readonly recipient: string; readonly at: string }
>;

export type MarkParagraphConfidential = Cmd<
  'MarkParagraphConfidential',
  {
    readonly paragraphId: string;
    readonly provision: string;
    readonly reason?: string;
    readonly by: Person;
    readonly at: string;
  }
>;
export type LiftParagraphConfidentiality = Cmd<
  'LiftParagraphConfidentiality',
  { readonly paragraphId: string; readonly reason: string; readonly by: Person; readonly at: string }
>;

export type ParagraphCommand =
  | OpenParagraph
  | RenumberParagraph
  | DeclareRecusal
  | ProposeMotion
  | SupportMotion
  | WithdrawMotion
  | AmendMotion
  | SupportProposal
  | AmendProposal
  | RecordSpeaker
  | DeclareNonParticipation
  | ApprovePropositionOrder
  | AddAttachment
  | AskQuestion
  | RequestVote
  | ApproveVoteProposition
  | HoldVote
  | AdoptDecision
  | EnterReservation
  | SubmitReservationReasons
  | EnterProtocolNote
  | SetDistribution
  | StrikeEntry
  | JustifyParagraph
  | RecordCorrection
  | CertifyExtract
  | DispatchDecision
  | MarkParagraphConfidential
  | LiftParagraphConfidentiality;

export type DomainCommand = MeetingCommand | NumberingCommand | ParagraphCommand;
export type DomainCommandType = DomainCommand['type'];
export type StreamKind = 'meeting' | 'numbering' | 'paragraph';

/** Every command type and the stream type it is decided on (for the API to enumerate). */
export const commandStreamKinds = {
  ScheduleMeeting: 'meeting',
  RecordAttendance: 'meeting',
  AppointAdjusters: 'meeting',
  OpenMeeting: 'meeting',
  CloseMeeting: 'meeting',
  JustifyProtocol: 'meeting',
  AnnounceProtocol: 'meeting',
  AddProtocolAttachment: 'meeting',
  ReserveParagraphNumber: 'numbering',
  ReleaseParagraphNumber: 'numbering',
  ReassignParagraphNumbers: 'numbering',
  OpenParagraph: 'paragraph',
  RenumberParagraph: 'paragraph',
  DeclareRecusal: 'paragraph',
  ProposeMotion: 'paragraph',
  SupportMotion: 'paragraph',
  WithdrawMotion: 'paragraph',
  AmendMotion: 'paragraph',
  SupportProposal: 'paragraph',
  AmendProposal: 'paragraph',
  RecordSpeaker: 'paragraph',
  DeclareNonParticipation: 'paragraph',
  ApprovePropositionOrder: 'paragraph',
  AddAttachment: 'paragraph',
  AskQuestion: 'paragraph',
  RequestVote: 'paragraph',
  ApproveVoteProposition: 'paragraph',
  HoldVote: 'paragraph',
  AdoptDecision: 'paragraph',
  EnterReservation: 'paragraph',
  SubmitReservationReasons: 'paragraph',
  EnterProtocolNote: 'paragraph',
  SetDistribution: 'paragraph',
  StrikeEntry: 'paragraph',
  JustifyParagraph: 'paragraph',
  RecordCorrection: 'paragraph',
  CertifyExtract: 'paragraph',
  DispatchDecision: 'paragraph',
  MarkParagraphConfidential: 'paragraph',
  LiftParagraphConfidentiality: 'paragraph',
} as const satisfies Record<DomainCommandType, StreamKind>;

export const commandTypes = Object.keys(commandStreamKinds) as DomainCommandType[];
export const meetingCommandTypes = commandTypes.filter((t) => commandStreamKinds[t] === 'meeting');
export const paragraphCommandTypes = commandTypes.filter((t) => commandStreamKinds[t] === 'paragraph');
export const numberingCommandTypes = commandTypes.filter((t) => commandStreamKinds[t] === 'numbering');

export function isMeetingCommand(c: DomainCommand): c is MeetingCommand {
  return commandStreamKinds[c.type] === 'meeting';
}
export function isParagraphCommand(c: DomainCommand): c is ParagraphCommand {
  return commandStreamKinds[c.type] === 'paragraph';
}
export function isNumberingCommand(c: DomainCommand): c is NumberingCommand {
  return commandStreamKinds[c.type] === 'numbering';
}

/** The stream a command is decided on and appended to. */
export function targetStreamId(command: DomainCommand): string {
  if (isMeetingCommand(command)) return streamIds.meeting(command.data.meetingId);
  if (isNumberingCommand(command)) return streamIds.numbering(command.data.bodyId, command.data.year);
  return streamIds.paragraph(command.data.paragraphId);
}
