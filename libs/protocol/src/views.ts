/**
 * Read models the renderer works from: the state a projection holds. Each is a pure fold of
 * one stream's events, plain JSON (no Maps, no Dates, `null` rather than `undefined`), so a
 * projection can store it as JSON and a rebuild from position 0 gives an equal value.
 *
 * `evolveMeetingView` / `evolveParagraphView` apply one event at a time (what a projection
 * runner calls); `meetingView` / `paragraphView` fold a whole stream with them.
 *
 * Struck entries (EntryStruck) stay in the view with `struck` set, so auditors can see them;
 * the renderer leaves them out.
 */
export { evolveMeetingView, meetingView, currentAttendance, servingMembers } from './views/meeting.js';
export type { AttachmentView, AttendanceView, MeetingView } from './views/meeting.js';
export type {
  MotionView,
  ProceedingView,
  DecisionView,
  ReservationView,
  ProtocolNoteView,
  SpeakerView,
  NonParticipationView,
  AmendmentView,
  VoteRequestView,
  PropositionOrderView,
  CorrectionView,
  ParagraphStatus,
  ParagraphView,
  ConfidentialityView,
} from './views/paragraph-types.js';
export { evolveParagraphView, evolveParagraphViewInPlace, paragraphView } from './views/paragraph.js';
