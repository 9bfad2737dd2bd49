/**
 * The paragraph stream: one ärende (§) through its life — yrkanden, beslutsgång, votering,
 * beslut, reservationer, protokollsanteckningar, expediering, justering, rättelse.
 *
 * decide(command, state, { meeting }) reads the meeting's state for who is a member, who
 * serves now and whether the meeting is open; each rule is checked in one place below.
 */
import { isPlainDate } from './appeal-period.js';
import type { ParagraphCommand } from './commands.js';
import type { Decider } from './decider.js';
import { ensure, unknownCommand, warning, type Warning, type WarningCode } from './errors.js';
import type {
  AttachmentAdded,
  ChairAskedQuestion,
  CorrectionRecorded,
  DecisionAdopted,
  DecisionContent,
  DecisionDispatched,
  ParagraphMarkedConfidential,
  EntryStruck,
  ExtractCertified,
  MemberRef,
  MotionKind,
  MotionProposed,
  MotionTarget,
  NonParticipationDeclared,
  ParagraphEvent,
  ParagraphJustified,
  ParagraphOpened,
  PartyGroup,
  PropositionOrderApproved,
  ProposalAmended,
  ProposalRef,
  ProtocolNoteEntered,
  RecusalDeclared,
  ReservationEntered,
  SpeakerRecorded,
  VoteHeld,
  VoteRequested,
} from './events.js';
import {
  findMember,
  isPresent,
  memberRef,
  type MeetingState,
  requireMemberRef,
  resolveJustifiers,
  servingMemberIds,
} from './meeting.js';

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

const FORMAL_KINDS: readonly MotionKind[] = ['aterremiss', 'bordlaggning'];

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

function live<T>(list: readonly Entry<T>[]): T[] {
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

/** Justerad on its own (omedelbar justering) or with the whole protocol. */
export function isJustified(state: ParagraphState, meeting: MeetingState): boolean {
  return state.justified !== undefined || meeting.protocolJustified !== undefined;
}

function sameRef(a: MotionTarget, b: MotionTarget): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'motion' || a.motionId === (b as { motionId: string }).motionId;
}

function motionEntry(state: ParagraphState, motionId: string): MotionEntry | undefined {
  return state.motions.find((m) => m.motion.motionId === motionId);
}

function isFormalRef(state: ParagraphState, ref: ProposalRef | 'rejected'): boolean {
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

function isVoteComplete(vote: VoteEntry): boolean {
  const last = vote.rounds.at(-1);
  return last?.kind === 'huvudvotering' && last.held !== undefined;
}

function pendingVote(state: ParagraphState): VoteEntry | undefined {
  return state.votes.find((v) => !v.struck && !isVoteComplete(v));
}

/** Follow bifall/avslag of a motion to the motion they are about (for the order of trial). */
function rootRef(state: ParagraphState, ref: ProposalRef): ProposalRef {
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
function trialGroup(state: ParagraphState, ref: ProposalRef): TrialGroup {
  const root = rootRef(state, ref);
  if (root.kind === 'proposal') return 'main';
  const kind = motionEntry(state, root.motionId)?.motion.kind;
  if (kind && FORMAL_KINDS.includes(kind)) return 'formal';
  return kind === 'tillagg' ? 'addition' : 'main';
}

function livePuts(state: ParagraphState): ProposalRef[][] {
  return liveQuestions(state).map((q) => [...q.puts]);
}

function isPut(state: ParagraphState, ref: MotionTarget, puts = livePuts(state)): boolean {
  return puts.some((step) => step.some((p) => sameRef(p, ref)));
}

/**
 * A live motion has been tried (among `puts`): put itself, or (bifall/avslag) what it is about
 * was put. A yrkande on the matter itself is tried only when it is put itself.
 */
function isTried(state: ParagraphState, motion: MotionProposed['data'], puts: ProposalRef[][]): boolean {
  const ref: ProposalRef = { kind: 'motion', motionId: motion.motionId };
  if (isPut(state, ref, puts)) return true;
  if (motion.kind === 'bifall' || motion.kind === 'avslag')
    return isPut(state, motion.refersTo ?? { kind: 'proposal' }, puts);
  return false;
}

function liveMotions(state: ParagraphState): MotionProposed['data'][] {
  return state.motions.filter((m) => !m.struck && !m.withdrawn).map((m) => m.motion);
}

/** Does any entry of the paragraph carry this id? (Checked on every command: no copies made.) */
function hasEntry(state: ParagraphState, id: string): boolean {
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

// ─── rules (each in one place) ───────────────────────────────────────────────────────

/** Yrkanden, propositioner, voteringar, beslut and reservationer happen at the open meeting. */
function requireMeetingInSession(meeting: MeetingState): void {
  ensure(meeting.openedAt, 'MEETING_NOT_OPENED');
  ensure(!meeting.closedAt, 'MEETING_CLOSED');
}

function requireNoDecision(state: ParagraphState): void {
  const decision = liveDecision(state);
  ensure(!decision, 'DECISION_ALREADY_ADOPTED', { decisionId: decision?.decisionId });
}

/** Ids come from the client; within a paragraph they name one entry each (StrikeEntry relies on it). */
function requireNewId(state: ParagraphState, id: string): void {
  ensure(id && !hasEntry(state, id), 'DUPLICATE_ENTRY_ID', { id });
}

function requireText(text: string | undefined, field: string): string {
  ensure(text !== undefined && text.trim() !== '', 'TEXT_REQUIRED', { field });
  return text;
}

/** Only members entitled to take part in this paragraph propose, support, vote and reserve. */
function requireEntitled(meeting: MeetingState, state: ParagraphState, memberId: string): MemberRef {
  const ref = requireMemberRef(meeting, memberId);
  ensure(!recusedMemberIds(state).includes(memberId), 'MEMBER_RECUSED', { member: ref });
  ensure(servingMemberIds(meeting).includes(memberId), 'MEMBER_NOT_ENTITLED', { member: ref });
  return ref;
}

function requireLiveMotion(state: ParagraphState, motionId: string): MotionEntry {
  const entry = motionEntry(state, motionId);
  ensure(entry, 'UNKNOWN_MOTION', { motionId });
  ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: motionId });
  ensure(!entry.withdrawn, 'MOTION_WITHDRAWN', { motionId });
  return entry;
}

function requireLiveQuestion(state: ParagraphState, questionId: string): ChairAskedQuestion['data'] {
  const entry = state.questions.find((q) => q.question.questionId === questionId);
  ensure(entry, 'UNKNOWN_QUESTION', { questionId });
  ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: questionId });
  return entry.question;
}

function requireLiveVote(state: ParagraphState, voteId: string): VoteEntry {
  const entry = state.votes.find((v) => v.request.voteId === voteId);
  ensure(entry, 'UNKNOWN_VOTE', { voteId });
  ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: voteId });
  return entry;
}

function requireLiveAttachment(state: ParagraphState, sha256: string): void {
  ensure(
    state.attachments.some((a) => !a.struck && a.data.sha256 === sha256),
    'UNKNOWN_ATTACHMENT',
    { sha256 },
  );
}

/** Called with each warning a rule raises; the command is still recorded. */
type Warn = (code: WarningCode, details?: Readonly<Record<string, unknown>>) => void;

/**
 * Who acts when one member, several members or a party group may: the ids given (each once),
 * or, for a group without ids, its members among `candidates` (who could act here).
 */
function whoActs(
  data: { readonly memberId?: string; readonly memberIds?: readonly string[]; readonly group?: PartyGroup },
  candidates: () => MemberRef[],
): string[] {
  const ids = [...(data.memberId ? [data.memberId] : []), ...(data.memberIds ?? [])];
  ensure(new Set(ids).size === ids.length, 'DUPLICATE_PERSON', { memberIds: ids });
  if (ids.length > 0) return ids;
  const group = data.group;
  const members = group ? candidates().filter((m) => m.party === group.party) : [];
  ensure(members.length > 0, 'GROUP_WITHOUT_MEMBERS', { group });
  return members.map((m) => m.memberId);
}

/**
 * A yrkande's own content: ändring, tillägg and fritt have text; återremiss should be
 * motivated (a warning: the protocol may not say why).
 */
function checkMotionContent(
  state: ParagraphState,
  data: ParagraphCommandData<'ProposeMotion'>,
  warn: Warn,
): void {
  if (data.kind === 'aterremiss' && !data.motivation?.trim()) warn('MOTIVATION_REQUIRED');
  if (data.kind === 'andring' || data.kind === 'tillagg' || data.kind === 'fritt') {
    ensure(data.text?.trim(), 'MOTION_TEXT_REQUIRED', { kind: data.kind });
  }
  if (data.refersTo?.kind === 'motion') requireLiveMotion(state, data.refersTo.motionId);
}

/** A proposition (or a step of a propositionsordning): the proposal or live yrkanden, each once. */
function checkPuts(state: ParagraphState, puts: readonly ProposalRef[]): boolean {
  if (puts.length === 0) return false;
  if (!puts.every((p, i) => puts.findIndex((q) => sameRef(p, q)) === i)) return false;
  for (const p of puts) if (p.kind === 'motion') requireLiveMotion(state, p.motionId);
  return true;
}

/**
 * A question puts the proposal or live yrkanden, each once; the chair finds for one of them,
 * or finds a proposal put alone rejected.
 */
function checkQuestionShape(state: ParagraphState, data: ParagraphCommandData<'AskQuestion'>): void {
  const { puts, finding } = data;
  ensure(checkPuts(state, puts), 'QUESTION_INVALID', { reason: 'empty-or-duplicate' });
  if (finding === 'rejected')
    ensure(puts.length === 1, 'QUESTION_INVALID', { reason: 'rejected-needs-single' });
  else
    ensure(
      puts.some((p) => sameRef(p, finding)),
      'FINDING_NOT_PUT',
    );
}

/**
 * The usual propositionsordning: formal yrkanden (återremiss, bordläggning) first and each on
 * its own (against deciding the matter today, i.e. the proposal); once one is adopted nothing
 * else is tried. Then the matter itself; tilläggsyrkanden last and not mixed with the main
 * question. The chair proposes the order and the meeting approves it, so a departure is a
 * warning, never a refusal: this returns what departs (empty when nothing does).
 * `earlier` is what was put before (questions asked, or earlier steps of a planned order).
 */
function orderOfTrialIssues(
  state: ParagraphState,
  puts: readonly ProposalRef[],
  earlier: ProposalRef[][],
  formalAdopted: boolean,
): Record<string, unknown>[] {
  if (formalAdopted) return [{ reason: 'formal-motion-adopted' }];
  const groups = new Set(puts.map((p) => trialGroup(state, p)));
  if (groups.has('formal')) {
    const formalRoots = new Set(
      puts.filter((p) => trialGroup(state, p) === 'formal').map((p) => JSON.stringify(rootRef(state, p))),
    );
    const othersAreProposal = puts.every((p) => trialGroup(state, p) === 'formal' || p.kind === 'proposal');
    return formalRoots.size === 1 && othersAreProposal ? [] : [{ reason: 'formal-separately' }];
  }
  const issues: Record<string, unknown>[] = [];
  if (groups.has('main') && groups.has('addition')) issues.push({ reason: 'additions-separately' });
  const untriedFormal = liveMotions(state).filter(
    (m) => FORMAL_KINDS.includes(m.kind) && !isTried(state, m, earlier),
  );
  if (untriedFormal.length > 0)
    issues.push({ reason: 'formal-first', motionIds: untriedFormal.map((m) => m.motionId) });
  if (groups.has('addition') && !groups.has('main')) {
    const mainPut = earlier.some((step) => step.some((p) => trialGroup(state, p) === 'main'));
    const untriedMain = liveMotions(state).filter(
      (m) =>
        trialGroup(state, { kind: 'motion', motionId: m.motionId }) === 'main' && !isTried(state, m, earlier),
    );
    if (!mainPut || untriedMain.length > 0)
      issues.push({ reason: 'main-first', motionIds: untriedMain.map((m) => m.motionId) });
  }
  return issues;
}

/**
 * Voteringsproposition. The chair's finding is the huvudförslag (ja). With several
 * counter-proposals, kontrapropositionsvoteringar eliminate them pairwise until one remains;
 * the huvudvotering then puts the huvudförslag (ja) against it (nej).
 */
function checkVoteProposition(
  state: ParagraphState,
  vote: VoteEntry,
  data: ParagraphCommandData<'ApproveVoteProposition'>,
  warn: Warn,
): void {
  const last = vote.rounds.at(-1);
  ensure(!last || last.held, 'VOTE_IN_PROGRESS', { voteId: vote.request.voteId });
  ensure(!isVoteComplete(vote), 'VOTE_PROPOSITION_INVALID', { reason: 'vote-complete' });
  const question = requireLiveQuestion(state, vote.request.questionId);
  const finding = question.finding as ProposalRef; // votes need ≥ 2 puts, so the finding is one of them
  const inPuts = (r: ProposalRef) => question.puts.some((p) => sameRef(p, r));
  ensure(inPuts(data.ja) && inPuts(data.nej) && !sameRef(data.ja, data.nej), 'VOTE_PROPOSITION_INVALID', {
    reason: 'not-in-question',
  });
  const losers = vote.rounds.map((r) => (r.held!.outcome === 'ja' ? r.nej : r.ja));
  const survivors = question.puts.filter((p) => !sameRef(p, finding) && !losers.some((l) => sameRef(l, p)));
  const survives = (r: ProposalRef) => survivors.some((s) => sameRef(s, r));
  // The meeting approves the voteringsproposition: an unusual one is recorded with a warning.
  if (data.kind === 'kontraproposition') {
    if (!(survivors.length >= 2 && survives(data.ja) && survives(data.nej)))
      warn('VOTE_PROPOSITION_ORDER', { reason: 'kontraproposition-between-counter-proposals' });
    return;
  }
  if (survivors.length > 1) warn('KONTRAPROPOSITION_REQUIRED', { counterProposals: survivors });
  else if (!(sameRef(data.ja, finding) && survivors.length === 1 && sameRef(data.nej, survivors[0]!)))
    warn('VOTE_PROPOSITION_ORDER', { reason: 'ja-for-finding-nej-for-counter-proposal' });
}

/**
 * Roll call: every entitled member exactly once, nobody else. The tally is counted here.
 * On a tie the chair's utslagsröst decides (KL 5:57 via 6:35) and must be the chair's own
 * ja or nej when the chair voted so; without a tie there is no utslagsröst.
 */
function countVotes(
  meeting: MeetingState,
  state: ParagraphState,
  data: ParagraphCommandData<'HoldVote'>,
): Pick<VoteHeld['data'], 'votes' | 'tally' | 'castingVote' | 'outcome'> {
  const seen = new Set<string>();
  const out = new Set(nonParticipantIds(state));
  const votes = data.votes.map(({ memberId, vote }) => {
    const member = requireEntitled(meeting, state, memberId);
    ensure(!out.has(memberId), 'MEMBER_NOT_PARTICIPATING', { member });
    ensure(!seen.has(memberId), 'DUPLICATE_VOTE', { member });
    seen.add(memberId);
    return { member, vote };
  });
  const missing = decisionParticipants(meeting, state).filter((m) => !seen.has(m.memberId));
  ensure(missing.length === 0, 'VOTE_MISSING', { members: missing });
  const tally = {
    ja: votes.filter((v) => v.vote === 'ja').length,
    nej: votes.filter((v) => v.vote === 'nej').length,
    avstar: votes.filter((v) => v.vote === 'avstar').length,
  };
  if (tally.ja !== tally.nej) {
    ensure(data.castingVote === undefined, 'CASTING_VOTE_NOT_ALLOWED', { tally });
    return { votes, tally, outcome: tally.ja > tally.nej ? 'ja' : 'nej' };
  }
  ensure(data.castingVote, 'CASTING_VOTE_REQUIRED', { tally });
  const chairVote = votes.find((v) => v.member.memberId === meeting.schedule?.chair)?.vote;
  ensure(
    chairVote === undefined || chairVote === 'avstar' || chairVote === data.castingVote,
    'CASTING_VOTE_MISMATCH',
    {
      chairVote,
    },
  );
  return { votes, tally, castingVote: data.castingVote, outcome: data.castingVote };
}

function hasContent(content: DecisionContent | undefined): boolean {
  return (
    (content?.proposesTo?.items.length ?? 0) > 0 ||
    (content?.ownDecisions?.length ?? 0) > 0 ||
    (content?.text?.some((t) => t.trim() !== '') ?? false)
  );
}

/**
 * A decision follows every live question of the paragraph and the last completed votering,
 * and says what they found: återremiss/bordläggning when such a yrkande won, else a decision
 * in sak. Several non-competing questions in sequence (the proposal, then a tilläggs- or free
 * yrkande) make one combined decision; its wording is the clerk's.
 */
function checkDecision(
  state: ParagraphState,
  data: ParagraphCommandData<'AdoptDecision'>,
): Pick<DecisionAdopted['data'], 'basedOn' | 'motivation'> {
  const pending = pendingVote(state);
  ensure(!pending, 'VOTE_IN_PROGRESS', { voteId: pending?.request.voteId });
  const questions = liveQuestions(state);
  ensure(questions.length > 0, 'DECISION_WITHOUT_QUESTION');
  const lastVote = state.votes.filter((v) => !v.struck).at(-1);
  const basedOn = {
    questionIds: questions.map((q) => q.questionId),
    ...(lastVote ? { voteId: lastVote.request.voteId } : {}),
  };
  if (data.basedOn) {
    const given = new Set(data.basedOn.questionIds);
    ensure(
      given.size === basedOn.questionIds.length &&
        basedOn.questionIds.every((id) => given.has(id)) &&
        data.basedOn.voteId === basedOn.voteId,
      'DECISION_BASIS_MISMATCH',
      { expected: basedOn },
    );
  }
  const formalWin = questions
    .map((q) => questionResult(state, q))
    .find((r): r is ProposalRef => isFormalRef(state, r));
  if (formalWin) {
    const motion = motionEntry(state, (formalWin as { motionId: string }).motionId)!.motion;
    ensure(data.kind === motion.kind, 'DECISION_CONTRADICTS_FINDING', { adopted: motion.kind });
    const motivation = data.motivation ?? motion.motivation;
    return { basedOn, ...(motion.kind === 'aterremiss' && motivation ? { motivation } : {}) };
  }
  ensure(data.kind === 'sakbeslut', 'DECISION_CONTRADICTS_FINDING', { adopted: 'sakbeslut' });
  ensure(hasContent(data.content), 'DECISION_CONTENT_REQUIRED');
  return { basedOn };
}

/**
 * Did the member stand behind the decision? After a huvudvotering on the deciding question:
 * yes if they voted for the outcome (nej and avstår may reserve). By acklamation: yes unless
 * they proposed or supported a live yrkande that did not prevail (silence counts as support).
 */
/** The deciding vote of a decision: the last round of its vote, when the vote settled its last question. */
function decidingRound(state: ParagraphState, decision: DecisionAdopted['data']) {
  const vote = state.votes.find((v) => !v.struck && v.request.voteId === decision.basedOn.voteId);
  if (!vote || vote.request.questionId !== decision.basedOn.questionIds.at(-1)) return undefined;
  return vote.rounds.at(-1)?.held;
}

/**
 * Who abstains (avstår) in the deciding vote does not take part in the decision, so has no
 * responsibility to free themselves from: a reservation is not open to them (KL 4:27 speaks of
 * those who took part; the municipal guides in domain-rules.md §5 read it so).
 */
function abstainedInDecidingVote(
  state: ParagraphState,
  decision: DecisionAdopted['data'],
  memberId: string,
): boolean {
  const cast = decidingRound(state, decision)?.votes.find((v) => v.member.memberId === memberId);
  return cast?.vote === 'avstar';
}

/**
 * Did the member stand behind the decision? 'voted' when they voted for the outcome in the
 * deciding vote (nej and avstår did not). By acklamation: 'moved' when they moved, joined or
 * supported yrkanden (or the förslag) and every one of them prevailed. Silence is not support:
 * a member who said nothing may reserve.
 */
function supportOf(
  state: ParagraphState,
  decision: DecisionAdopted['data'],
  memberId: string,
): 'voted' | 'moved' | null {
  const held = decidingRound(state, decision);
  const cast = held?.votes.find((v) => v.member.memberId === memberId);
  if (held && cast) return cast.vote === held.outcome ? 'voted' : null;
  const questions = liveQuestions(state).filter((q) => decision.basedOn.questionIds.includes(q.questionId));
  const results = questions.map((q) => questionResult(state, q));
  const won = (ref: MotionTarget) => results.some((r) => r !== 'rejected' && sameRef(r, ref));
  const prevailed = (m: MotionProposed['data']): boolean => {
    if (won({ kind: 'motion', motionId: m.motionId })) return true;
    const target = m.refersTo ?? { kind: 'proposal' };
    if (m.kind === 'bifall') return won(target);
    // Avslag prevails when what it rejects was put and did not win.
    if (m.kind === 'avslag')
      return questions.some((q) => q.puts.some((p) => sameRef(p, target))) && !won(target);
    return false;
  };
  const moved = liveMotions(state).filter(
    (m) =>
      m.proposer.memberId === memberId ||
      m.coProposers?.some((c) => c.memberId === memberId) ||
      motionEntry(state, m.motionId)!.supporters.includes(memberId),
  );
  const backedProposal = state.proposalSupporters.includes(memberId);
  if (moved.length === 0 && !backedProposal) return null;
  const all = moved.every(prevailed) && (!backedProposal || won({ kind: 'proposal' }));
  return all ? 'moved' : null;
}

/** An entry may be struck only when no live entry builds on it. */
function checkStrike(state: ParagraphState, entryId: string): void {
  const motion = state.motions.find((m) => m.motion.motionId === entryId);
  const question = state.questions.find((q) => q.question.questionId === entryId);
  const vote = state.votes.find((v) => v.request.voteId === entryId);
  const decision = state.decisions.find((d) => d.decision.decisionId === entryId);
  const reservation = state.reservations.find((r) => r.reservation.reservationId === entryId);
  const note = state.notes.find((n) => n.note.noteId === entryId);
  const amendment = state.amendments.find((a) => a.data.amendmentId === entryId);
  const speaker = state.speakers.find((a) => a.data.speakerId === entryId);
  const declaration = state.nonParticipations.find((a) => a.data.declarationId === entryId);
  const order = state.propositionOrders.find((a) => a.data.orderId === entryId);
  // Bilagor have no id of their own: they are struck by their SHA-256.
  const attachment = state.attachments.find((a) => !a.struck && a.data.sha256 === entryId);
  const entry =
    motion ??
    question ??
    vote ??
    decision ??
    reservation ??
    note ??
    amendment ??
    speaker ??
    declaration ??
    order ??
    attachment;
  ensure(entry, 'UNKNOWN_ENTRY', { entryId });
  ensure(!entry.struck, 'ENTRY_STRUCK', { entryId });
  const live = liveDecision(state);
  const ref: ProposalRef = { kind: 'motion', motionId: entryId };
  const inUse =
    (motion &&
      (isPut(state, ref) || liveMotions(state).some((m) => m.refersTo && sameRef(m.refersTo, ref)))) ||
    (question &&
      (state.votes.some((v) => !v.struck && v.request.questionId === entryId) ||
        live?.basedOn.questionIds.includes(entryId))) ||
    (vote && live?.basedOn.voteId === entryId) ||
    (decision && state.reservations.some((r) => !r.struck && r.reservation.decisionId === entryId)) ||
    // The decision's participants and the proposal it followed were fixed by these.
    ((declaration || amendment) && live) ||
    (attachment &&
      state.reservations.some(
        (r) =>
          !r.struck &&
          (r.reservation.reasonsAttachment === entryId || r.writtenReasonsAttachment === entryId),
      ));
  ensure(!inUse, 'ENTRY_IN_USE', { entryId });
}

// ─── decide ──────────────────────────────────────────────────────────────────────────

type ParagraphCommandData<T extends ParagraphCommand['type']> = Extract<
  ParagraphCommand,
  { type: T }
>['data'];

/** After justering only these may be recorded (KL; FL 36 § for rättelse). */
const AFTER_JUSTERING: ReadonlySet<ParagraphCommand['type']> = new Set([
  'RecordCorrection',
  'CertifyExtract',
  'DispatchDecision',
  // Sekretess is judged when the record is asked for, also long after justering: it changes
  // what is published, never what was decided or signed.
  'MarkParagraphConfidential',
  'LiftParagraphConfidentiality',
]);

function openParagraph(
  state: ParagraphState,
  context: ParagraphContext,
  data: ParagraphCommandData<'OpenParagraph'>,
): ParagraphEvent[] {
  ensure(!state.opened, 'PARAGRAPH_ALREADY_OPENED', { paragraphId: data.paragraphId });
  const { meeting, previous, previousMeeting } = context;
  const schedule = meeting.schedule;
  ensure(schedule, 'MEETING_NOT_SCHEDULED', { meetingId: data.meetingId });
  ensure(schedule.meetingId === data.meetingId, 'WRONG_MEETING', { meetingId: data.meetingId });
  ensure(!meeting.closedAt, 'MEETING_CLOSED');
  ensure(Number.isInteger(data.number) && data.number > 0, 'INVALID_PARAGRAPH_NUMBER', {
    number: data.number,
  });
  requireText(data.caseNumber, 'caseNumber');
  requireText(data.title, 'title');
  if (data.earlierReference) {
    requireText(data.earlierReference.body, 'earlierReference.body');
    requireText(data.earlierReference.paragraph, 'earlierReference.paragraph');
    const date = data.earlierReference.date;
    if (date !== undefined) ensure(isPlainDate(date), 'INVALID_DATE', { field: 'earlierReference.date' });
  }
  if (data.matter) requireText(data.matter.kind, 'matter.kind');
  let link: ParagraphOpened['data']['previous'];
  if (data.previousParagraphId !== undefined) {
    // A matter returning after återremiss or bordläggning links to the paragraph that deferred it.
    const earlier = previous?.opened;
    const deferredBy = previous && liveDecision(previous)?.kind;
    ensure(
      earlier?.paragraphId === data.previousParagraphId &&
        earlier.body.id === schedule.body.id &&
        (deferredBy === 'aterremiss' || deferredBy === 'bordlaggning'),
      'PREVIOUS_PARAGRAPH_NOT_DEFERRED',
      { previousParagraphId: data.previousParagraphId },
    );
    const date = previousMeeting?.schedule?.date;
    link = {
      paragraphId: earlier.paragraphId,
      number: earlier.number,
      year: earlier.year,
      outcome: deferredBy,
      ...(date && previousMeeting.schedule?.meetingId === earlier.meetingId ? { date } : {}),
    };
  }
  const { previousParagraphId: _ignored, ...rest } = data;
  return [
    {
      type: 'ParagraphOpened',
      data: {
        ...rest,
        body: schedule.body,
        year: Number(schedule.date.slice(0, 4)),
        ...(link ? { previous: link } : {}),
      },
    },
  ];
}

function decide(
  command: ParagraphCommand,
  state: ParagraphState,
  context: ParagraphContext,
  warn: Warn,
): ParagraphEvent[] {
  if (command.type === 'OpenParagraph') return openParagraph(state, context, command.data);

  const { meeting } = context;
  ensure(state.opened, 'PARAGRAPH_NOT_OPENED', { paragraphId: command.data.paragraphId });
  ensure(meeting.schedule?.meetingId === state.opened.meetingId, 'WRONG_MEETING', {
    meetingId: state.opened.meetingId,
  });
  const justified = isJustified(state, meeting);
  if (!AFTER_JUSTERING.has(command.type)) ensure(!justified, 'PARAGRAPH_JUSTIFIED');
  const paragraphId = state.opened.paragraphId;

  switch (command.type) {
    case 'DeclareRecusal': {
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      const member = requireMemberRef(meeting, command.data.memberId);
      ensure(!recusedMemberIds(state).includes(member.memberId), 'ALREADY_RECUSED', { member });
      const reason = command.data.reason;
      return [{ type: 'RecusalDeclared', data: { paragraphId, member, ...(reason ? { reason } : {}) } }];
    }

    case 'ProposeMotion': {
      const { proposerId, coProposerIds, ...motion } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, motion.motionId);
      const proposer = requireEntitled(meeting, state, proposerId);
      const movers = [proposerId, ...(coProposerIds ?? [])];
      ensure(new Set(movers).size === movers.length, 'DUPLICATE_PERSON', { memberIds: movers });
      const coProposers = (coProposerIds ?? []).map((id) => requireEntitled(meeting, state, id));
      checkMotionContent(state, command.data, warn);
      return [
        {
          type: 'MotionProposed',
          data: {
            ...motion,
            paragraphId,
            proposer,
            ...(coProposers.length > 0 ? { coProposers } : {}),
          },
        },
      ];
    }

    case 'SupportMotion': {
      const { motionId, memberId } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      const entry = requireLiveMotion(state, motionId);
      const member = requireEntitled(meeting, state, memberId);
      const movers = [entry.motion.proposer, ...(entry.motion.coProposers ?? [])];
      ensure(!movers.some((m) => m.memberId === memberId), 'OWN_MOTION_SUPPORT', { member });
      ensure(!entry.supporters.includes(memberId), 'ALREADY_SUPPORTED', { member });
      return [{ type: 'MotionSupported', data: { paragraphId, motionId, member } }];
    }

    case 'SupportProposal': {
      const { memberId } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      const member = requireEntitled(meeting, state, memberId);
      ensure(!state.proposalSupporters.includes(memberId), 'ALREADY_SUPPORTED', { member });
      return [{ type: 'ProposalSupported', data: { paragraphId, member } }];
    }

    case 'AmendProposal': {
      const { amendmentId, decision, byMemberId, text } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, amendmentId);
      ensure(hasContent(decision), 'DECISION_CONTENT_REQUIRED');
      const by = requireMemberRef(meeting, byMemberId ?? meeting.schedule!.chair);
      if (isPut(state, { kind: 'proposal' })) warn('PROPOSAL_AMENDED_AFTER_PUT');
      return [
        {
          type: 'ProposalAmended',
          data: { paragraphId, amendmentId, decision, by, ...(text !== undefined ? { text } : {}) },
        },
      ];
    }

    case 'RecordSpeaker': {
      // Kept live during överläggningen; an official (föredragande) speaks too.
      const { speakerId, memberId, person, at } = command.data;
      requireMeetingInSession(meeting);
      requireNewId(state, speakerId);
      ensure((memberId === undefined) !== (person === undefined), 'TEXT_REQUIRED', {
        field: 'memberId or person',
      });
      let speaker: { member: MemberRef } | { person: NonNullable<typeof person> };
      if (memberId !== undefined) {
        const member = requireMemberRef(meeting, memberId);
        // A jävig member takes no part in the handling of the matter (KL 6:28, 5:47).
        ensure(!recusedMemberIds(state).includes(memberId), 'MEMBER_RECUSED', { member });
        ensure(isPresent(meeting, memberId), 'MEMBER_NOT_PRESENT', { member });
        speaker = { member };
      } else {
        requireText(person!.name, 'person.name');
        speaker = { person: person! };
      }
      return [
        {
          type: 'SpeakerRecorded',
          data: { paragraphId, speakerId, ...speaker, ...(at !== undefined ? { at } : {}) },
        },
      ];
    }

    case 'DeclareNonParticipation': {
      const { declarationId, group, reason } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, declarationId);
      const already = new Set(nonParticipantIds(state));
      const ids = whoActs(command.data, () =>
        entitledMembers(meeting, state).filter((m) => !already.has(m.memberId)),
      );
      const members = ids.map((id) => {
        const member = requireEntitled(meeting, state, id);
        ensure(!already.has(id), 'ALREADY_NOT_PARTICIPATING', { member });
        return member;
      });
      return [
        {
          type: 'NonParticipationDeclared',
          data: {
            paragraphId,
            declarationId,
            members,
            ...(group ? { group } : {}),
            ...(reason !== undefined ? { reason } : {}),
          },
        },
      ];
    }

    case 'ApprovePropositionOrder': {
      const { orderId, steps, text } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, orderId);
      ensure(
        steps.length > 0 && steps.every((step) => checkPuts(state, step.puts)),
        'PROPOSITION_ORDER_INVALID',
      );
      // The meeting decides its order: departures from the usual one are warnings.
      const planned: ProposalRef[][] = livePuts(state);
      for (const [i, step] of steps.entries()) {
        for (const issue of orderOfTrialIssues(state, step.puts, planned, false))
          warn('ORDER_OF_TRIAL', { step: i + 1, ...issue });
        planned.push([...step.puts]);
      }
      return [
        {
          type: 'PropositionOrderApproved',
          data: { paragraphId, orderId, steps, ...(text !== undefined ? { text } : {}) },
        },
      ];
    }

    case 'AddAttachment': {
      // Beslutsunderlag, or written reasons handed in after the meeting: until justering.
      const { number, ...attachment } = command.data;
      requireText(attachment.filename, 'filename');
      requireText(attachment.title, 'title');
      const current = live(state.attachments);
      ensure(!current.some((a) => a.sha256 === attachment.sha256), 'ATTACHMENT_ALREADY_ADDED', {
        sha256: attachment.sha256,
      });
      const next = number ?? Math.max(0, ...current.map((a) => a.number)) + 1;
      ensure(Number.isInteger(next) && next > 0, 'INVALID_PARAGRAPH_NUMBER', { number: next });
      ensure(!current.some((a) => a.number === next), 'ATTACHMENT_NUMBER_TAKEN', { number: next });
      return [{ type: 'AttachmentAdded', data: { ...attachment, number: next, paragraphId } }];
    }

    case 'WithdrawMotion': {
      const { motionId } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireLiveMotion(state, motionId);
      ensure(!isPut(state, { kind: 'motion', motionId }), 'MOTION_ALREADY_PUT', { motionId });
      return [{ type: 'MotionWithdrawn', data: { paragraphId, motionId } }];
    }

    case 'AskQuestion': {
      const { questionId, puts, finding } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, questionId);
      const pending = pendingVote(state);
      ensure(!pending, 'VOTE_IN_PROGRESS', { voteId: pending?.request.voteId });
      checkQuestionShape(state, command.data);
      // Once the meeting has approved a propositionsordning, the chair follows it: no warning.
      if (live(state.propositionOrders).length === 0) {
        const formalAdopted = liveQuestions(state).some((q) => isFormalRef(state, questionResult(state, q)));
        for (const issue of orderOfTrialIssues(state, puts, livePuts(state), formalAdopted))
          warn('ORDER_OF_TRIAL', issue);
      }
      return [{ type: 'ChairAskedQuestion', data: { paragraphId, questionId, puts, finding } }];
    }

    case 'RequestVote': {
      const { voteId, requestedById, questionId } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, voteId);
      const requestedBy =
        requestedById === undefined ? undefined : requireEntitled(meeting, state, requestedById);
      const question = requireLiveQuestion(state, questionId);
      if (liveQuestions(state).at(-1)?.questionId !== questionId) warn('VOTE_TOO_LATE', { questionId });
      ensure(question.puts.length >= 2, 'VOTE_NEEDS_ALTERNATIVES', { questionId });
      ensure(
        !state.votes.some((v) => !v.struck && v.request.questionId === questionId),
        'VOTE_ALREADY_REQUESTED',
        {
          questionId,
        },
      );
      return [
        {
          type: 'VoteRequested',
          data: { paragraphId, voteId, ...(requestedBy ? { requestedBy } : {}), questionId },
        },
      ];
    }

    case 'ApproveVoteProposition': {
      const { voteId, kind, ja, nej } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      const vote = requireLiveVote(state, voteId);
      checkVoteProposition(state, vote, command.data, warn);
      return [{ type: 'VotePropositionApproved', data: { paragraphId, voteId, kind, ja, nej } }];
    }

    case 'HoldVote': {
      const { voteId } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      const vote = requireLiveVote(state, voteId);
      const round = vote.rounds.at(-1);
      ensure(round && !round.held, 'VOTE_PROPOSITION_NOT_APPROVED', { voteId });
      const counted = countVotes(meeting, state, command.data);
      const appendix = command.data.namesInAppendix ? { namesInAppendix: true } : {};
      return [{ type: 'VoteHeld', data: { paragraphId, voteId, kind: round.kind, ...counted, ...appendix } }];
    }

    case 'AdoptDecision': {
      const { decisionId, kind, content } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, decisionId);
      const checked = checkDecision(state, command.data);
      // Who declared that they do not take part is not among the participants (not jäv).
      const participants = decisionParticipants(meeting, state);
      return [
        {
          type: 'DecisionAdopted',
          data: {
            paragraphId,
            decisionId,
            kind,
            // Återremiss and bordläggning are worded by the style, unless the clerk records the
            // protocol's own words verbatim.
            ...(kind === 'sakbeslut' || content?.verbatim ? { content } : {}),
            ...checked,
            participants,
          },
        },
      ];
    }

    case 'EnterReservation': {
      const { reservationId, memberId, memberIds, group, decisionId, reasons, reasonsAttachment } =
        command.data;
      // Announced before the meeting closes; written reasons may follow until justering.
      requireMeetingInSession(meeting);
      requireNewId(state, reservationId);
      const entry = state.decisions.find((d) => d.decision.decisionId === decisionId);
      ensure(entry, 'UNKNOWN_DECISION', { decisionId });
      ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: decisionId });
      const decision = entry.decision;
      if (reasonsAttachment !== undefined) requireLiveAttachment(state, reasonsAttachment);
      const reserved = (id: string) =>
        state.reservations.some(
          (r) =>
            !r.struck &&
            r.reservation.decisionId === decisionId &&
            reservationMembers(r.reservation).some((m) => m.memberId === id),
        );
      // A group reserves through those of its members who took part and did not vote for the outcome.
      const ids = whoActs({ memberId, memberIds, group }, () =>
        decision.participants.filter(
          (p) =>
            !reserved(p.memberId) &&
            !abstainedInDecidingVote(state, decision, p.memberId) &&
            supportOf(state, decision, p.memberId) !== 'voted',
        ),
      );
      const members = ids.map((id) => {
        const member = requireMemberRef(meeting, id);
        ensure(!recusedMemberIds(state).includes(id), 'MEMBER_RECUSED', { member });
        ensure(
          decision.participants.some((p) => p.memberId === id),
          'MEMBER_DID_NOT_TAKE_PART',
          { member },
        );
        ensure(!abstainedInDecidingVote(state, decision, id), 'MEMBER_ABSTAINED', { member });
        const support = supportOf(state, decision, id);
        ensure(support !== 'voted', 'RESERVATION_BY_SUPPORTER', { member });
        if (support === 'moved') warn('RESERVATION_AFTER_SUPPORT', { member });
        ensure(!reserved(id), 'ALREADY_RESERVED', { member });
        return member;
      });
      return [
        {
          type: 'ReservationEntered',
          data: {
            paragraphId,
            reservationId,
            member: members[0]!,
            ...(members.length > 1 ? { members } : {}),
            ...(group ? { group } : {}),
            decisionId,
            ...(reasons?.trim() ? { reasons } : {}),
            ...(reasonsAttachment !== undefined ? { reasonsAttachment } : {}),
          },
        },
      ];
    }

    case 'SubmitReservationReasons': {
      const { reservationId, reasons, attachment } = command.data;
      const entry = state.reservations.find((r) => r.reservation.reservationId === reservationId);
      ensure(entry, 'UNKNOWN_RESERVATION', { reservationId });
      ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: reservationId });
      const hasText = reasons !== undefined && reasons.trim() !== '';
      ensure(hasText || attachment !== undefined, 'REASONS_REQUIRED');
      if (attachment !== undefined) requireLiveAttachment(state, attachment);
      ensure(
        entry.writtenReasons === undefined && entry.writtenReasonsAttachment === undefined,
        'REASONS_ALREADY_SUBMITTED',
        { reservationId },
      );
      return [
        {
          type: 'ReservationReasonsSubmitted',
          data: {
            paragraphId,
            reservationId,
            reasons: hasText ? reasons : '',
            ...(attachment !== undefined ? { attachment } : {}),
          },
        },
      ];
    }

    case 'EnterProtocolNote': {
      // The chair allows it at the meeting; the text may be handed in until justering. Any
      // present member may have one, a non-serving ersättare too (Göteborg's practice), but
      // not a member who is jävig in the matter. A party group enters one through its
      // present members.
      const { noteId, memberId, memberIds, group, text } = command.data;
      ensure(meeting.openedAt, 'MEETING_NOT_OPENED');
      requireNewId(state, noteId);
      requireText(text, 'text');
      const recused = new Set(recusedMemberIds(state));
      const ids = whoActs({ memberId, memberIds, group }, () =>
        (meeting.schedule?.members ?? [])
          .filter((m) => isPresent(meeting, m.memberId) && !recused.has(m.memberId))
          .map(memberRef),
      );
      const members = ids.map((id) => {
        const member = requireMemberRef(meeting, id);
        ensure(!recused.has(id), 'MEMBER_RECUSED', { member });
        ensure(isPresent(meeting, id), 'MEMBER_NOT_PRESENT', { member });
        return member;
      });
      return [
        {
          type: 'ProtocolNoteEntered',
          data: {
            paragraphId,
            noteId,
            member: members[0]!,
            ...(members.length > 1 ? { members } : {}),
            ...(group ? { group } : {}),
            text,
          },
        },
      ];
    }

    case 'SetDistribution': {
      const recipients = command.data.recipients;
      ensure(
        recipients.length > 0 &&
          recipients.every((r) => r.trim() !== '') &&
          new Set(recipients).size === recipients.length,
        'RECIPIENTS_INVALID',
      );
      return [{ type: 'DistributionSet', data: { paragraphId, recipients } }];
    }

    case 'StrikeEntry': {
      const { entryId, reason } = command.data;
      requireText(reason, 'reason');
      checkStrike(state, entryId);
      return [{ type: 'EntryStruck', data: { paragraphId, entryId, reason } }];
    }

    case 'JustifyParagraph': {
      const { byMemberIds, at, immediate } = command.data;
      ensure(liveDecision(state), 'NO_DECISION');
      // Omedelbar justering happens at the meeting; otherwise with the protocol, after it.
      if (immediate) requireMeetingInSession(meeting);
      else ensure(meeting.closedAt, 'MEETING_NOT_CLOSED');
      const by = resolveJustifiers(meeting, byMemberIds);
      return [{ type: 'ParagraphJustified', data: { paragraphId, by, at, immediate } }];
    }

    case 'RecordCorrection': {
      const data = command.data;
      ensure(justified, 'NOT_JUSTIFIED');
      requireText(data.field, 'field');
      ensure(data.why?.trim(), 'CORRECTION_REASON_REQUIRED');
      ensure(data.from !== data.to, 'CORRECTION_NO_CHANGE');
      return [{ type: 'CorrectionRecorded', data: { ...data, paragraphId } }];
    }

    case 'CertifyExtract': {
      ensure(justified, 'NOT_JUSTIFIED');
      return [{ type: 'ExtractCertified', data: { ...command.data, paragraphId } }];
    }

    case 'DispatchDecision': {
      const { recipient, at } = command.data;
      ensure(justified, 'NOT_JUSTIFIED');
      ensure(state.recipients?.includes(recipient), 'RECIPIENT_NOT_LISTED', { recipient });
      ensure(!state.dispatches.some((d) => d.recipient === recipient), 'ALREADY_DISPATCHED', { recipient });
      return [{ type: 'DecisionDispatched', data: { paragraphId, recipient, at } }];
    }

    case 'MarkParagraphConfidential': {
      const { provision, reason, by, at } = command.data;
      requireText(provision, 'provision');
      ensure(!state.confidential, 'ALREADY_CONFIDENTIAL');
      const why = reason?.trim();
      return [
        {
          type: 'ParagraphMarkedConfidential',
          data: { paragraphId, provision: provision.trim(), ...(why ? { reason: why } : {}), by, at },
        },
      ];
    }

    case 'LiftParagraphConfidentiality': {
      const { reason, by, at } = command.data;
      ensure(state.confidential, 'NOT_CONFIDENTIAL');
      requireText(reason, 'reason');
      return [
        { type: 'ParagraphConfidentialityLifted', data: { paragraphId, reason: reason.trim(), by, at } },
      ];
    }
  }
  return unknownCommand(command);
}

// ─── evolve ──────────────────────────────────────────────────────────────────────────

function strike<T extends { readonly struck: boolean }>(
  list: readonly T[],
  id: (t: T) => string,
  entryId: string,
): T[] {
  return list.map((t) => (id(t) === entryId ? { ...t, struck: true } : t));
}

function evolve(state: ParagraphState, event: ParagraphEvent): ParagraphState {
  switch (event.type) {
    case 'ParagraphOpened':
      return { ...state, opened: event.data };
    case 'RecusalDeclared':
      return { ...state, recusals: [...state.recusals, event.data] };
    case 'MotionProposed':
      return {
        ...state,
        motions: [...state.motions, { motion: event.data, supporters: [], withdrawn: false, struck: false }],
      };
    case 'MotionSupported':
      return {
        ...state,
        motions: state.motions.map((m) =>
          m.motion.motionId === event.data.motionId
            ? { ...m, supporters: [...m.supporters, event.data.member.memberId] }
            : m,
        ),
      };
    case 'MotionWithdrawn':
      return {
        ...state,
        motions: state.motions.map((m) =>
          m.motion.motionId === event.data.motionId ? { ...m, withdrawn: true } : m,
        ),
      };
    case 'ProposalSupported':
      return { ...state, proposalSupporters: [...state.proposalSupporters, event.data.member.memberId] };
    case 'ProposalAmended':
      return { ...state, amendments: [...state.amendments, { data: event.data, struck: false }] };
    case 'SpeakerRecorded':
      return { ...state, speakers: [...state.speakers, { data: event.data, struck: false }] };
    case 'NonParticipationDeclared':
      return {
        ...state,
        nonParticipations: [...state.nonParticipations, { data: event.data, struck: false }],
      };
    case 'PropositionOrderApproved':
      return {
        ...state,
        propositionOrders: [...state.propositionOrders, { data: event.data, struck: false }],
      };
    case 'AttachmentAdded':
      return { ...state, attachments: [...state.attachments, { data: event.data, struck: false }] };
    case 'ChairAskedQuestion':
      return { ...state, questions: [...state.questions, { question: event.data, struck: false }] };
    case 'VoteRequested':
      return { ...state, votes: [...state.votes, { request: event.data, rounds: [], struck: false }] };
    case 'VotePropositionApproved': {
      const { kind, ja, nej } = event.data;
      return {
        ...state,
        votes: state.votes.map((v) =>
          v.request.voteId === event.data.voteId ? { ...v, rounds: [...v.rounds, { kind, ja, nej }] } : v,
        ),
      };
    }
    case 'VoteHeld':
      return {
        ...state,
        votes: state.votes.map((v) =>
          v.request.voteId === event.data.voteId
            ? {
                ...v,
                rounds: v.rounds.map((r, i) => (i === v.rounds.length - 1 ? { ...r, held: event.data } : r)),
              }
            : v,
        ),
      };
    case 'DecisionAdopted':
      return { ...state, decisions: [...state.decisions, { decision: event.data, struck: false }] };
    case 'ReservationEntered':
      return { ...state, reservations: [...state.reservations, { reservation: event.data, struck: false }] };
    case 'ReservationReasonsSubmitted':
      return {
        ...state,
        reservations: state.reservations.map((r) =>
          r.reservation.reservationId === event.data.reservationId
            ? {
                ...r,
                // Older events always carry text; newer ones may carry only a bilaga.
                ...(event.data.reasons !== '' || event.data.attachment === undefined
                  ? { writtenReasons: event.data.reasons }
                  : {}),
                ...(event.data.attachment !== undefined
                  ? { writtenReasonsAttachment: event.data.attachment }
                  : {}),
              }
            : r,
        ),
      };
    case 'ProtocolNoteEntered':
      return { ...state, notes: [...state.notes, { note: event.data, struck: false }] };
    case 'DistributionSet':
      return { ...state, recipients: event.data.recipients };
    case 'EntryStruck': {
      const id = event.data.entryId;
      return {
        ...state,
        motions: strike(state.motions, (m) => m.motion.motionId, id),
        questions: strike(state.questions, (q) => q.question.questionId, id),
        votes: strike(state.votes, (v) => v.request.voteId, id),
        decisions: strike(state.decisions, (d) => d.decision.decisionId, id),
        reservations: strike(state.reservations, (r) => r.reservation.reservationId, id),
        notes: strike(state.notes, (n) => n.note.noteId, id),
        amendments: strike(state.amendments, (a) => a.data.amendmentId, id),
        speakers: strike(state.speakers, (a) => a.data.speakerId, id),
        nonParticipations: strike(state.nonParticipations, (a) => a.data.declarationId, id),
        propositionOrders: strike(state.propositionOrders, (a) => a.data.orderId, id),
        attachments: strike(state.attachments, (a) => (a.struck ? '' : a.data.sha256), id),
        strikes: [...state.strikes, event.data],
      };
    }
    case 'ParagraphJustified':
      return { ...state, justified: event.data };
    case 'CorrectionRecorded':
      return { ...state, corrections: [...state.corrections, event.data] };
    case 'ExtractCertified':
      return { ...state, certifications: [...state.certifications, event.data] };
    case 'DecisionDispatched':
      return { ...state, dispatches: [...state.dispatches, event.data] };
    case 'ParagraphMarkedConfidential':
      return { ...state, confidential: event.data };
    case 'ParagraphConfidentialityLifted': {
      const { confidential: _lifted, ...rest } = state;
      return rest;
    }
  }
  return state;
}

/** Every member of a reservation (older events name one). */
export function reservationMembers(r: ReservationEntered['data']): readonly MemberRef[] {
  return r.members ?? [r.member];
}

const ignoreWarnings: Warn = () => {};

export const paragraphDecider: Decider<ParagraphCommand, ParagraphEvent, ParagraphState, ParagraphContext> = {
  initialState: initialParagraphState,
  decide: (command, state, context) => decide(command, state, context, ignoreWarnings),
  decideWithWarnings(command, state, context) {
    const warnings: Warning[] = [];
    const events = decide(command, state, context, (code, details) => warnings.push(warning(code, details)));
    return { events, warnings };
  },
  evolve,
};
