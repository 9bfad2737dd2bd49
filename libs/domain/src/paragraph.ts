/**
 * The paragraph stream: one ärende (§) through its life — yrkanden, beslutsgång, votering,
 * beslut, reservationer, protokollsanteckningar, expediering, justering, rättelse.
 *
 * decide(command, state, { meeting }) reads the meeting's state for who is a member, who
 * serves now and whether the meeting is open; each rule is checked in one place below.
 */
export {
  initialParagraphState,
  liveDecision,
  liveQuestions,
  recusedMemberIds,
  nonParticipantIds,
  entitledMembers,
  decisionParticipants,
  isJustified,
  questionResult,
  reservationMembers,
} from './paragraph/state.js';
export type {
  MotionEntry,
  QuestionEntry,
  VoteRound,
  VoteEntry,
  DecisionEntry,
  ReservationEntry,
  Entry,
  NoteEntry,
  ParagraphState,
  ParagraphContext,
} from './paragraph/state.js';
export { paragraphDecider } from './paragraph/decide.js';
