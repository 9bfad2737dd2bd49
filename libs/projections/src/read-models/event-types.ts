export const MEETING_EVENTS = [
  'MeetingScheduled',
  'AttendanceRecorded',
  'AdjustersAppointed',
  'MeetingOpened',
  'MeetingClosed',
  'ProtocolJustified',
  'ProtocolAnnounced',
  'ProtocolAttachmentAdded',
] as const;

export const PARAGRAPH_EVENTS = [
  'ParagraphOpened',
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
] as const;

const meetingTypes = new Set<string>(MEETING_EVENTS);
export const isMeetingEvent = (type: string): boolean => meetingTypes.has(type);
