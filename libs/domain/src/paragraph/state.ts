import type {
  AttachmentAdded,
  ChairAskedQuestion,
  CorrectionRecorded,
  DecisionAdopted,
  DecisionDispatched,
  EntryStruck,
  ExtractCertified,
  MemberRef,
  MotionKind,
  MotionProposed,
  MotionTarget,
  NonParticipationDeclared,
  ParagraphJustified,
  ParagraphMarkedConfidential,
  ParagraphOpened,
  ProposalAmended,
  ProposalRef,
  PropositionOrderApproved,
  ProtocolNoteEntered,
  RecusalDeclared,
  ReservationEntered,
  SpeakerRecorded,
  VoteHeld,
  VoteRequested,
} from '../events.js';
import { type MeetingState, findMember, memberRef, servingMemberIds } from '../meeting.js';

// ─── state ───────────────────────────────────────────────────────────────────────────

export interface MotionEntry {
  readonly motion: MotionProposed['data'];
  readonly supporters: readonly string[];
  readonly withdrawn: boolean;
  readonly struck: boolean;
}
export interface QuestionEntry {
  readonly question: ChairAskedQuestion['data'];
  readonly struck: boolean;
}
export interface VoteRound {
  readonly kind: 'huvudvotering' | 'kontraproposition';
  readonly ja: ProposalRef;
  readonly nej: ProposalRef;
  readonly held?: VoteHeld['data'];
}
/** One votering: the request, then its rounds (kontrapropositionsvoteringar, huvudvotering). */
export interface VoteEntry {
  readonly request: VoteRequested['data'];
  readonly rounds: readonly VoteRound[];
  readonly struck: boolean;
}
export interface DecisionEntry {
  readonly decision: DecisionAdopted['data'];
  readonly struck: boolean;
}
export interface ReservationEntry {
  readonly reservation: ReservationEntered['data'];
  /** Written reasons handed in after the meeting (before justering). */
  readonly writtenReasons?: string;
  /** …or as a bilaga: its SHA-256. */
  readonly writtenReasonsAttachment?: string;
  readonly struck: boolean;
}
/** A live-or-struck entry of one of the lists added with issue 11. */
export interface Entry<T> {
  readonly data: T;
  readonly struck: boolean;
}
export interface NoteEntry {
  readonly note: ProtocolNoteEntered['data'];
  readonly struck: boolean;
}

export interface ParagraphState {
  readonly opened?: ParagraphOpened['data'];
  readonly recusals: readonly RecusalDeclared['data'][];
  readonly motions: readonly MotionEntry[];
  readonly questions: readonly QuestionEntry[];
  readonly votes: readonly VoteEntry[];
  readonly decisions: readonly DecisionEntry[];
  readonly reservations: readonly ReservationEntry[];
  readonly notes: readonly NoteEntry[];
  /** Members who instämmer in the preparing body's förslag itself. */
  readonly proposalSupporters: readonly string[];
  readonly amendments: readonly Entry<ProposalAmended['data']>[];
  readonly speakers: readonly Entry<SpeakerRecorded['data']>[];
  readonly nonParticipations: readonly Entry<NonParticipationDeclared['data']>[];
  readonly propositionOrders: readonly Entry<PropositionOrderApproved['data']>[];
  readonly attachments: readonly Entry<AttachmentAdded['data']>[];
  readonly recipients?: readonly string[];
  readonly justified?: ParagraphJustified['data'];
  readonly corrections: readonly CorrectionRecorded['data'][];
  readonly certifications: readonly ExtractCertified['data'][];
  readonly dispatches: readonly DecisionDispatched['data'][];
  readonly strikes: readonly EntryStruck['data'][];
  /** Marked as containing sekretess (docs/adr/0030), until lifted. */
  readonly confidential?: ParagraphMarkedConfidential['data'];
}

export const initialParagraphState: ParagraphState = {
  recusals: [],
  motions: [],
  questions: [],
  votes: [],
  decisions: [],
  reservations: [],
  notes: [],
  proposalSupporters: [],
  amendments: [],
  speakers: [],
  nonParticipations: [],
  propositionOrders: [],
  attachments: [],
  corrections: [],
  certifications: [],
  dispatches: [],
  strikes: [],
};

export interface ParagraphContext {
  /** The state of the paragraph's meeting. */
  readonly meeting: MeetingState;
  /** For OpenParagraph with `previousParagraphId`: the earlier paragraph's state. */
  readonly previous?: ParagraphState;
  /** The earlier paragraph's meeting, so the link can name the date it was deferred. */
  readonly previousMeeting?: MeetingState;
}

// ─── reading the state ───────────────────────────────────────────────────────────────

export const FORMAL_KINDS: readonly MotionKind[] = ['aterremiss', 'bordlaggning'];

export function liveDecision(state: ParagraphState): DecisionAdopted['data'] | undefined {
  return state.decisions.find((d) => !d.struck)?.decision;
}

export function liveQuestions(state: ParagraphState): ChairAskedQuestion['data'][] {
  return state.questions.filter((q) => !q.struck).map((q) => q.question);
}

export function recusedMemberIds(state: ParagraphState): string[] {
  return state.recusals.map((r) => r.member.memberId);
}

/** Members who declared that they do not take part in the decision (not jäv). */
export function nonParticipantIds(state: ParagraphState): string[] {
  return state.nonParticipations
    .filter((n) => !n.struck)
    .flatMap((n) => n.data.members.map((m) => m.memberId));
}

export function live<T>(list: readonly Entry<T>[]): T[] {
  return list.filter((e) => !e.struck).map((e) => e.data);
}

/**
 * Entitled to take part now: those who serve under the meeting's attendance in effect
 * (present ledamöter without a serving ersättare, and serving ersättare), minus those who
 * declared jäv in this paragraph.
 */
export function entitledMembers(meeting: MeetingState, state: ParagraphState): MemberRef[] {
  const recused = new Set(recusedMemberIds(state));
  return servingMemberIds(meeting)
    .filter((id) => !recused.has(id))
    .map((id) => memberRef(findMember(meeting, id)!));
}

/** Who takes part in the decision: the entitled members less those who declared they do not. */
export function decisionParticipants(meeting: MeetingState, state: ParagraphState): MemberRef[] {
  const out = new Set(nonParticipantIds(state));
  return entitledMembers(meeting, state).filter((m) => !out.has(m.memberId));
}

/**
 * Something of the meeting's handling is recorded (struck entries count: they were said).
 * Bilagor and a sekretess marking are preparation, not handling.
 */
export function isHandled(state: ParagraphState): boolean {
  const lists = [
    state.recusals,
    state.motions,
    state.questions,
    state.votes,
    state.decisions,
    state.reservations,
    state.notes,
    state.proposalSupporters,
    state.amendments,
    state.speakers,
    state.nonParticipations,
    state.propositionOrders,
  ];
  return lists.some((l) => l.length > 0) || state.recipients !== undefined || state.justified !== undefined;
}

/** Justerad on its own (omedelbar justering) or with the whole protocol. */
export function isJustified(state: ParagraphState, meeting: MeetingState): boolean {
  return state.justified !== undefined || meeting.protocolJustified !== undefined;
}

export function sameRef(a: MotionTarget, b: MotionTarget): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'motion' || a.motionId === (b as { motionId: string }).motionId;
}

export function motionEntry(state: ParagraphState, motionId: string): MotionEntry | undefined {
  return state.motions.find((m) => m.motion.motionId === motionId);
}

export function isFormalRef(state: ParagraphState, ref: ProposalRef | 'rejected'): boolean {
  if (ref === 'rejected' || ref.kind !== 'motion') return false;
  const kind = motionEntry(state, ref.motionId)?.motion.kind;
  return kind !== undefined && FORMAL_KINDS.includes(kind);
}

/** What a question ended in: the huvudvotering's outcome when one was held, else the chair's finding. */
export function questionResult(
  state: ParagraphState,
  question: ChairAskedQuestion['data'],
): ProposalRef | 'rejected' {
  const vote = state.votes.find((v) => !v.struck && v.request.questionId === question.questionId);
  const last = vote?.rounds.at(-1);
  if (last?.kind === 'huvudvotering' && last.held) return last.held.outcome === 'ja' ? last.ja : last.nej;
  return question.finding;
}

export function isVoteComplete(vote: VoteEntry): boolean {
  const last = vote.rounds.at(-1);
  return last?.kind === 'huvudvotering' && last.held !== undefined;
}

export function pendingVote(state: ParagraphState): VoteEntry | undefined {
  return state.votes.find((v) => !v.struck && !isVoteComplete(v));
}

/** Follow bifall/avslag of a motion to the motion they are about (for the order of trial). */
export function rootRef(state: ParagraphState, ref: ProposalRef): ProposalRef {
  const seen = new Set<string>();
  let current = ref;
  while (current.kind === 'motion' && !seen.has(current.motionId)) {
    seen.add(current.motionId);
    const m = motionEntry(state, current.motionId)?.motion;
    const target = m?.refersTo;
    if (!m || (m.kind !== 'bifall' && m.kind !== 'avslag') || target?.kind !== 'motion') break;
    current = target;
  }
  return current;
}

type TrialGroup = 'formal' | 'main' | 'addition';

/** Formal yrkanden (återremiss, bordläggning), the matter itself, or tilläggsyrkanden. */
export function trialGroup(state: ParagraphState, ref: ProposalRef): TrialGroup {
  const root = rootRef(state, ref);
  if (root.kind === 'proposal') return 'main';
  const kind = motionEntry(state, root.motionId)?.motion.kind;
  if (kind && FORMAL_KINDS.includes(kind)) return 'formal';
  return kind === 'tillagg' ? 'addition' : 'main';
}

export function livePuts(state: ParagraphState): ProposalRef[][] {
  return liveQuestions(state).map((q) => [...q.puts]);
}

export function isPut(state: ParagraphState, ref: MotionTarget, puts = livePuts(state)): boolean {
  return puts.some((step) => step.some((p) => sameRef(p, ref)));
}

/**
 * A live motion has been tried (among `puts`): put itself, or (bifall/avslag) what it is about
 * was put. A yrkande on the matter itself is tried only when it is put itself.
 */
export function isTried(
  state: ParagraphState,
  motion: MotionProposed['data'],
  puts: ProposalRef[][],
): boolean {
  const ref: ProposalRef = { kind: 'motion', motionId: motion.motionId };
  if (isPut(state, ref, puts)) return true;
  if (motion.kind === 'bifall' || motion.kind === 'avslag')
    return isPut(state, motion.refersTo ?? { kind: 'proposal' }, puts);
  return false;
}

export function liveMotions(state: ParagraphState): MotionProposed['data'][] {
  return state.motions.filter((m) => !m.struck && !m.withdrawn).map((m) => m.motion);
}

/** Does any entry of the paragraph carry this id? (Checked on every command: no copies made.) */
export function hasEntry(state: ParagraphState, id: string): boolean {
  return (
    state.motions.some((m) => m.motion.motionId === id) ||
    state.questions.some((q) => q.question.questionId === id) ||
    state.votes.some((v) => v.request.voteId === id) ||
    state.decisions.some((d) => d.decision.decisionId === id) ||
    state.reservations.some((r) => r.reservation.reservationId === id) ||
    state.notes.some((n) => n.note.noteId === id) ||
    state.amendments.some((a) => a.data.amendmentId === id) ||
    state.speakers.some((a) => a.data.speakerId === id) ||
    state.nonParticipations.some((a) => a.data.declarationId === id) ||
    state.propositionOrders.some((a) => a.data.orderId === id)
  );
}

/** Every member of a reservation (older events name one). */
export function reservationMembers(r: ReservationEntered['data']): readonly MemberRef[] {
  return r.members ?? [r.member];
}
