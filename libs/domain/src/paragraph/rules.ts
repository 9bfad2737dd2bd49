import type { ParagraphCommand } from '../commands.js';
import { type WarningCode, ensure } from '../errors.js';
import type {
  ChairAskedQuestion,
  DecisionAdopted,
  DecisionContent,
  MemberRef,
  MotionProposed,
  MotionTarget,
  PartyGroup,
  ProposalRef,
  VoteHeld,
} from '../events.js';
import { type MeetingState, requireMemberRef, servingMemberIds } from '../meeting.js';
import {
  FORMAL_KINDS,
  type MotionEntry,
  type ParagraphState,
  type VoteEntry,
  decisionParticipants,
  hasEntry,
  isFormalRef,
  isPut,
  isTried,
  isVoteComplete,
  liveDecision,
  liveMotions,
  liveQuestions,
  motionEntry,
  nonParticipantIds,
  pendingVote,
  questionResult,
  recusedMemberIds,
  rootRef,
  sameRef,
  trialGroup,
} from './state.js';

export type ParagraphCommandData<T extends ParagraphCommand['type']> = Extract<
  ParagraphCommand,
  { type: T }
>['data'];

// ─── rules (each in one place) ───────────────────────────────────────────────────────

/** Yrkanden, propositioner, voteringar, beslut and reservationer happen at the open meeting. */
export function requireMeetingInSession(meeting: MeetingState): void {
  ensure(meeting.openedAt, 'MEETING_NOT_OPENED');
  ensure(!meeting.closedAt, 'MEETING_CLOSED');
}

export function requireNoDecision(state: ParagraphState): void {
  const decision = liveDecision(state);
  ensure(!decision, 'DECISION_ALREADY_ADOPTED', { decisionId: decision?.decisionId });
}

/** Ids come from the client; within a paragraph they name one entry each (StrikeEntry relies on it). */
export function requireNewId(state: ParagraphState, id: string): void {
  ensure(id && !hasEntry(state, id), 'DUPLICATE_ENTRY_ID', { id });
}

export function requireText(text: string | undefined, field: string): string {
  ensure(text !== undefined && text.trim() !== '', 'TEXT_REQUIRED', { field });
  return text;
}

/** Only members entitled to take part in this paragraph propose, support, vote and reserve. */
export function requireEntitled(meeting: MeetingState, state: ParagraphState, memberId: string): MemberRef {
  const ref = requireMemberRef(meeting, memberId);
  ensure(!recusedMemberIds(state).includes(memberId), 'MEMBER_RECUSED', { member: ref });
  ensure(servingMemberIds(meeting).includes(memberId), 'MEMBER_NOT_ENTITLED', { member: ref });
  return ref;
}

export function requireLiveMotion(state: ParagraphState, motionId: string): MotionEntry {
  const entry = motionEntry(state, motionId);
  ensure(entry, 'UNKNOWN_MOTION', { motionId });
  ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: motionId });
  ensure(!entry.withdrawn, 'MOTION_WITHDRAWN', { motionId });
  return entry;
}

export function requireLiveQuestion(state: ParagraphState, questionId: string): ChairAskedQuestion['data'] {
  const entry = state.questions.find((q) => q.question.questionId === questionId);
  ensure(entry, 'UNKNOWN_QUESTION', { questionId });
  ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: questionId });
  return entry.question;
}

export function requireLiveVote(state: ParagraphState, voteId: string): VoteEntry {
  const entry = state.votes.find((v) => v.request.voteId === voteId);
  ensure(entry, 'UNKNOWN_VOTE', { voteId });
  ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: voteId });
  return entry;
}

export function requireLiveAttachment(state: ParagraphState, sha256: string): void {
  ensure(
    state.attachments.some((a) => !a.struck && a.data.sha256 === sha256),
    'UNKNOWN_ATTACHMENT',
    { sha256 },
  );
}

/** Called with each warning a rule raises; the command is still recorded. */
export type Warn = (code: WarningCode, details?: Readonly<Record<string, unknown>>) => void;

/**
 * Who acts when one member, several members or a party group may: the ids given (each once),
 * or, for a group without ids, its members among `candidates` (who could act here).
 */
export function whoActs(
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
export function checkMotionContent(
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
export function checkPuts(state: ParagraphState, puts: readonly ProposalRef[]): boolean {
  if (puts.length === 0) return false;
  if (!puts.every((p, i) => puts.findIndex((q) => sameRef(p, q)) === i)) return false;
  for (const p of puts) if (p.kind === 'motion') requireLiveMotion(state, p.motionId);
  return true;
}

/**
 * A question puts the proposal or live yrkanden, each once; the chair finds for one of them,
 * or finds a proposal put alone rejected.
 */
export function checkQuestionShape(state: ParagraphState, data: ParagraphCommandData<'AskQuestion'>): void {
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
export function orderOfTrialIssues(
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
export function checkVoteProposition(
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
export function countVotes(
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

export function hasContent(content: DecisionContent | undefined): boolean {
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
export function checkDecision(
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
export function abstainedInDecidingVote(
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
export function supportOf(
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
export function checkStrike(state: ParagraphState, entryId: string): void {
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
