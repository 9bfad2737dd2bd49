import { isPlainDate } from '../appeal-period.js';
import type { ParagraphCommand } from '../commands.js';
import type { Decider } from '../decider.js';
import { type Warning, ensure, warning } from '../errors.js';
import type { MemberRef, ParagraphEvent, ParagraphOpened, ProposalRef } from '../events.js';
import { isPresent, requireMemberRef } from '../meeting.js';
import { decideRecord } from './decide-record.js';
import { evolve } from './evolve.js';
import {
  type ParagraphCommandData,
  type Warn,
  checkMotionContent,
  checkPuts,
  checkQuestionShape,
  checkVoteProposition,
  countVotes,
  hasContent,
  orderOfTrialIssues,
  requireEntitled,
  requireLiveMotion,
  requireLiveQuestion,
  requireLiveVote,
  requireMeetingInSession,
  requireNewId,
  requireNoDecision,
  requireText,
  whoActs,
} from './rules.js';
import {
  type ParagraphContext,
  type ParagraphState,
  entitledMembers,
  initialParagraphState,
  isFormalRef,
  isHandled,
  isJustified,
  isPut,
  live,
  liveDecision,
  livePuts,
  liveQuestions,
  nonParticipantIds,
  pendingVote,
  questionResult,
  recusedMemberIds,
} from './state.js';

// ─── decide ──────────────────────────────────────────────────────────────────────────

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
  // Formalia (val av justerare, godkännande av dagordning, anmälningar) have no Dnr.
  if (data.caseNumber !== undefined) requireText(data.caseNumber, 'caseNumber');
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
    case 'RenumberParagraph': {
      const { number } = command.data;
      const from = state.opened.number;
      if (number === from) return [];
      ensure(Number.isInteger(number) && number > 0, 'INVALID_PARAGRAPH_NUMBER', { number });
      if (!command.data.reassigned) ensure(!isHandled(state), 'PARAGRAPH_ALREADY_HANDLED', { number: from });
      return [
        {
          type: 'ParagraphRenumbered',
          data: { paragraphId, meetingId: state.opened.meetingId, from, to: number },
        },
      ];
    }
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

    case 'AmendMotion': {
      // Put right while it still counts for nothing: before the beslut, before it is put.
      const { motionId, reason, ...content } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      const entry = requireLiveMotion(state, motionId);
      ensure(!isPut(state, { kind: 'motion', motionId }), 'MOTION_ALREADY_PUT', { motionId });
      // The amendment is the whole content: words left out are gone, as in a new yrkande.
      const { refersTo } = entry.motion;
      checkMotionContent(
        state,
        {
          ...content,
          paragraphId,
          motionId,
          proposerId: entry.motion.proposer.memberId,
          ...(refersTo ? { refersTo } : {}),
        },
        warn,
      );
      return [
        {
          type: 'MotionAmended',
          data: {
            paragraphId,
            motionId,
            kind: content.kind,
            ...(content.text !== undefined ? { text: content.text } : {}),
            ...(content.motivation !== undefined ? { motivation: content.motivation } : {}),
            ...(reason?.trim() ? { reason: reason.trim() } : {}),
          },
        },
      ];
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
  }
  return decideRecord(command, state, meeting, paragraphId, justified, warn);
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
