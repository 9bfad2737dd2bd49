import type { DomainEventType } from '@app/domain';

export const MEETING_EVENTS = [
  'MeetingScheduled',
  'AttendanceRecorded',
  'AdjustersAppointed',
  'MeetingOpened',
  'MeetingClosed',
  'ProtocolJustified',
  'ProtocolAnnounced',
  'ProtocolAttachmentAdded',
] as const satisfies readonly DomainEventType[];

export const PARAGRAPH_EVENTS = [
  'ParagraphOpened',
  'ParagraphRenumbered',
  'RecusalDeclared',
  'MotionProposed',
  'MotionSupported',
  'MotionWithdrawn',
  'MotionAmended',
  'ProposalSupported',
  'ProposalAmended',
  'SpeakerRecorded',
  'NonParticipationDeclared',
  'PropositionOrderApproved',
  'AttachmentAdded',
  'ChairAskedQuestion',
  'VoteRequested',
  'VotePropositionApproved',
  'VoteHeld',
  'DecisionAdopted',
  'ReservationEntered',
  'ReservationReasonsSubmitted',
  'ProtocolNoteEntered',
  'DistributionSet',
  'EntryStruck',
  'ParagraphJustified',
  'CorrectionRecorded',
  'ExtractCertified',
  'DecisionDispatched',
  'ParagraphMarkedConfidential',
  'ParagraphConfidentialityLifted',
] as const satisfies readonly DomainEventType[];

const meetingTypes = new Set<string>(MEETING_EVENTS);
export const isMeetingEvent = (type: string): boolean => meetingTypes.has(type);
