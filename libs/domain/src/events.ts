/**
 * The event catalogue: what a clerk records, in past tense. Events are facts; they carry
 * enough (member names and parties, texts) to render the protocol without other sources,
 * because a protocol of record must not change when a member register changes later.
 *
 * Streams:
 *   meeting-<uuid>               the meeting: schedule, attendance, justerare, opening/closing,
 *                                protocol justering and anslag
 *   paragraph-<uuid>             one ärende (§) through its life
 *   numbering-<bodyId>-<year>    reservations of § numbers, so that § numbers are unique per
 *                                body and calendar year (see docs/adr/0004-paragraph-numbering-stream.md)
 *
 * Times are ISO-8601 strings (instants: `2024-05-14T09:00:00+02:00`; dates: `2024-05-14`).
 * They come in with each command: the domain has no clock.
 */
export type {
  MemberRole,
  Member,
  MemberRef,
  Body,
  LineageStep,
  Person,
  Proposal,
  DecisionContent,
  ProposalRef,
  MotionTarget,
  Matter,
  PartyGroup,
  EarlierReference,
  AttachmentRef,
  MotionKind,
  VoteChoice,
} from './events/shared.js';
export type {
  MeetingScheduled,
  AttendanceRecorded,
  AdjustersAppointed,
  MeetingOpened,
  MeetingClosed,
  ProtocolJustified,
  ProtocolAnnounced,
  MeetingEvent,
  ProtocolAttachmentAdded,
} from './events/meeting.js';
export type {
  ParagraphNumberReserved,
  ParagraphNumberReleased,
  ParagraphNumbersReassigned,
  NumberingEvent,
} from './events/numbering.js';
export type {
  ParagraphOpened,
  ParagraphRenumbered,
  RecusalDeclared,
  MotionProposed,
  ProposalSupported,
  ProposalAmended,
  SpeakerRecorded,
  NonParticipationDeclared,
  PropositionOrderApproved,
  AttachmentAdded,
  MotionSupported,
  MotionAmended,
  MotionWithdrawn,
  ChairAskedQuestion,
  VoteRequested,
  VotePropositionApproved,
  VoteHeld,
  DecisionAdopted,
  ReservationEntered,
  ReservationReasonsSubmitted,
  ProtocolNoteEntered,
  DistributionSet,
  EntryStruck,
  ParagraphJustified,
  CorrectionRecorded,
  ExtractCertified,
  DecisionDispatched,
  ParagraphMarkedConfidential,
  ParagraphConfidentialityLifted,
  ParagraphEvent,
} from './events/paragraph.js';
export { streamIds } from './events/streams.js';
export type { DomainEvent, DomainEventType } from './events/streams.js';
