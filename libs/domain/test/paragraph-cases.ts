/** Allow/refuse cases for every rule of the paragraph stream. */
import type { ParagraphCommand } from '../src/commands.js';
import { fold } from '../src/decider.js';
import type { RuleCode, WarningCode } from '../src/errors.js';
import { initialMeetingState, type MeetingState } from '../src/meeting.js';
import { paragraphDecider, type ParagraphState } from '../src/paragraph.js';
import {
  adjusters,
  allServing,
  attendance,
  close,
  cmd,
  inSession,
  justifyProtocol,
  meetingState,
  open,
  openParagraph,
  P,
  paragraphEvents,
  schedule,
} from './fixtures.js';

export interface ParagraphScenario {
  readonly meeting?: MeetingState; // default: in session
  readonly previous?: ParagraphState;
  readonly history: ParagraphCommand[];
  readonly command: ParagraphCommand;
}
/** A procedure rule: recorded either way; `warned` raises `code`, `quiet` raises nothing. */
export interface ParagraphWarningCase {
  readonly code: WarningCode;
  readonly name: string;
  readonly quiet: ParagraphScenario;
  readonly warned: ParagraphScenario;
}
export interface ParagraphCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly allow: ParagraphScenario;
  readonly refuse: ParagraphScenario;
}

const session = inSession();
const closed = inSession(close);
const notOpened = meetingState(schedule, attendance, adjusters);
const protocolJustified = inSession(close, justifyProtocol);

const withData = (c: ParagraphCommand, data: object): ParagraphCommand =>
  ({ ...c, data: { ...c.data, ...data } }) as ParagraphCommand;

const opened = [openParagraph];
const renumber = (number: number): ParagraphCommand => ({
  type: 'RenumberParagraph',
  data: { paragraphId: P, number },
});
const andring = cmd.propose('m1', 'l3', 'andring', { text: 'Ändra punkt 2.' });
const aterremiss = cmd.propose('ar', 'l4', 'aterremiss', { motivation: 'Konsekvenserna behöver utredas.' });
const bordlaggning = cmd.propose('bl', 'l3', 'bordlaggning');
const tillagg = cmd.propose('t1', 'beronius', 'tillagg', { text: 'Att dessutom redovisa läget i augusti.' });
const everyoneJa = Object.fromEntries(allServing.map((id) => [id, 'ja' as const]));
/** Proposal vs l3's ändringsyrkande, adopted by acklamation. */
const decidedOnProposal = [...opened, andring, cmd.ask('q1', ['proposal', 'm1'], 'proposal'), cmd.decide()];
const justified = [...decidedOnProposal, cmd.distribute('Kommunstyrelsekontoret'), cmd.justify(true)];
/** A votering requested on q1 (proposal vs m1), proposition approved. */
const voting = [
  ...opened,
  andring,
  cmd.ask('q1', ['proposal', 'm1'], 'proposal'),
  cmd.requestVote('v1', 'l3', 'q1'),
];
const votingApproved = [...voting, cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1')];
/** Decided after a votering: l3 voted nej, e1 abstained, the others ja. */
const decidedAfterVote = [
  ...votingApproved,
  cmd.hold('v1', { chair: 'ja', beronius: 'ja', l3: 'nej', l4: 'ja', e1: 'avstar' }),
  cmd.decide(),
];
const tie = { chair: 'ja', beronius: 'ja', l3: 'nej', l4: 'nej', e1: 'avstar' } as const;
const three = [
  ...opened,
  andring,
  cmd.propose('m2', 'l4', 'avslag'),
  cmd.ask('q1', ['proposal', 'm1', 'm2'], 'proposal'),
  cmd.requestVote('v1', 'l3', 'q1'),
];
/** l4 moved bifall to the proposal, l3 an ändring; the proposal won by acklamation. */
const bifallWon = [
  ...opened,
  andring,
  cmd.propose('b1', 'l4', 'bifall'),
  cmd.ask('q1', ['proposal', 'm1'], 'proposal'),
  cmd.decide(),
];
const lateVote = [
  ...opened,
  andring,
  tillagg,
  cmd.propose('m3', 'l4', 'avslag', { refersTo: { kind: 'motion', motionId: 't1' } }),
  cmd.ask('q1', ['proposal', 'm1'], 'proposal'),
  cmd.ask('q2', ['t1', 'm3'], 't1'),
];
const groupReservation = (reservationId: string, party: string): ParagraphCommand => ({
  type: 'EnterReservation',
  data: { paragraphId: P, reservationId, group: { party }, decisionId: 'd1' },
});
const notTakingPart = (declarationId: string, memberIds: string[]): ParagraphCommand => ({
  type: 'DeclareNonParticipation',
  data: { paragraphId: P, declarationId, memberIds },
});
const attach = (sha256: string, number?: number): ParagraphCommand => ({
  type: 'AddAttachment',
  data: {
    paragraphId: P,
    sha256,
    filename: 'reservation.pdf',
    mediaType: 'application/pdf',
    size: 1234,
    title: 'Reservation',
    ...(number !== undefined ? { number } : {}),
  },
});
const reasonsAsAttachment = (reservationId: string, attachment: string): ParagraphCommand => ({
  type: 'SubmitReservationReasons',
  data: { paragraphId: P, reservationId, attachment },
});
const order = (orderId: string, steps: string[][]): ParagraphCommand => {
  const toRef = (x: string) =>
    x === 'proposal' ? { kind: 'proposal' as const } : { kind: 'motion' as const, motionId: x };
  return {
    type: 'ApprovePropositionOrder',
    data: { paragraphId: P, orderId, steps: steps.map((puts) => ({ puts: puts.map(toRef) })) },
  };
};
const amend = (amendmentId: string): ParagraphCommand => ({
  type: 'AmendProposal',
  data: {
    paragraphId: P,
    amendmentId,
    decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna delårsrapporten med ändringen.'] } },
  },
});
const note = (noteId: string, memberId: string, text = 'Vi vill se en plan.'): ParagraphCommand => ({
  type: 'EnterProtocolNote',
  data: { paragraphId: P, noteId, memberId, text },
});
const reasons = (reservationId: string, text = 'Skriftlig motivering.'): ParagraphCommand => ({
  type: 'SubmitReservationReasons',
  data: { paragraphId: P, reservationId, reasons: text },
});
const strikeCmd = (entryId: string, reason = 'Felregistrerat.'): ParagraphCommand => ({
  type: 'StrikeEntry',
  data: { paragraphId: P, entryId, reason },
});
const dispatch = (recipient: string): ParagraphCommand => ({
  type: 'DispatchDecision',
  data: { paragraphId: P, recipient, at: '2024-05-22T09:00:00+02:00' },
});
const markConfidential: ParagraphCommand = {
  type: 'MarkParagraphConfidential',
  data: {
    paragraphId: P,
    provision: '26 kap. 1 §',
    reason: 'uppgifter om enskilds hälsa',
    by: { name: 'Sekreteraren' },
    at: '2024-05-22T09:00:00+02:00',
  },
};
const liftConfidentiality: ParagraphCommand = {
  type: 'LiftParagraphConfidentiality',
  data: {
    paragraphId: P,
    reason: 'felbedömning',
    by: { name: 'Sekreteraren' },
    at: '2024-05-23T09:00:00+02:00',
  },
};
const certify: ParagraphCommand = {
  type: 'CertifyExtract',
  data: { paragraphId: P, by: { name: 'Sekreteraren' }, at: '2024-05-22T09:00:00+02:00' },
};
const correction = (extra: object = {}): ParagraphCommand => ({
  type: 'RecordCorrection',
  data: {
    paragraphId: P,
    correctionId: 'c1',
    field: 'caseNumber',
    from: 'KS 2024-51',
    to: 'KS 2024-15',
    why: 'Skrivfel i diarienumret.',
    by: { name: 'Sekreteraren' },
    ...extra,
  },
});

/** The state of an earlier paragraph (p-40) that ended in `kind`. */
function earlier(kind: 'aterremiss' | 'sakbeslut'): ParagraphState {
  const history = [
    withData(openParagraph, { number: 40 }),
    ...(kind === 'aterremiss'
      ? [aterremiss, cmd.ask('q1', ['ar'], 'ar'), cmd.decide('d1', 'aterremiss')]
      : [cmd.ask('q1', ['proposal'], 'proposal'), cmd.decide()]),
  ].map((c) => withData(c, { paragraphId: 'p-40' }));
  return fold(paragraphDecider, paragraphEvents(session, history));
}
const reopen = withData(openParagraph, { previousParagraphId: 'p-40' });

export const paragraphCases: ParagraphCase[] = [
  // ─── opening ───
  {
    code: 'PARAGRAPH_ALREADY_OPENED',
    name: 'a paragraph is opened once',
    allow: { history: [], command: openParagraph },
    refuse: { history: opened, command: openParagraph },
  },
  {
    code: 'PARAGRAPH_ALREADY_HANDLED',
    name: 'a paragraph keeps its § number once something is recorded in it',
    allow: { history: opened, command: renumber(66) },
    refuse: { history: [...opened, andring], command: renumber(66) },
  },
  {
    code: 'MEETING_NOT_SCHEDULED',
    name: 'a paragraph belongs to a scheduled meeting',
    allow: { history: [], command: openParagraph },
    refuse: { meeting: initialMeetingState, history: [], command: openParagraph },
  },
  {
    code: 'WRONG_MEETING',
    name: 'the paragraph’s meeting is the meeting in context',
    allow: { history: [], command: openParagraph },
    refuse: { history: [], command: withData(openParagraph, { meetingId: 'm-other' }) },
  },
  {
    code: 'MEETING_CLOSED',
    name: 'no new paragraph in a closed meeting (prepared before opening is fine)',
    allow: { meeting: notOpened, history: [], command: openParagraph },
    refuse: { meeting: closed, history: [], command: openParagraph },
  },
  {
    code: 'INVALID_PARAGRAPH_NUMBER',
    name: 'a § number is a positive integer',
    allow: { history: [], command: openParagraph },
    refuse: { history: [], command: withData(openParagraph, { number: -1 }) },
  },
  {
    code: 'TEXT_REQUIRED',
    name: 'a paragraph has a title',
    allow: { history: [], command: openParagraph },
    refuse: { history: [], command: withData(openParagraph, { title: '  ' }) },
  },
  {
    code: 'PREVIOUS_PARAGRAPH_NOT_DEFERRED',
    name: 'a returning matter links to the paragraph that sent it back',
    allow: { previous: earlier('aterremiss'), history: [], command: reopen },
    refuse: { previous: earlier('sakbeslut'), history: [], command: reopen },
  },
  // ─── paragraph and meeting state ───
  {
    code: 'PARAGRAPH_NOT_OPENED',
    name: 'nothing is recorded on a paragraph that is not opened',
    allow: { history: opened, command: andring },
    refuse: { history: [], command: andring },
  },
  {
    code: 'MEETING_NOT_OPENED',
    name: 'yrkanden are made at the opened meeting',
    allow: { history: opened, command: andring },
    refuse: { meeting: notOpened, history: opened, command: andring },
  },
  {
    code: 'MEETING_CLOSED',
    name: 'no yrkande after the meeting closed',
    allow: { history: opened, command: andring },
    refuse: { meeting: closed, history: opened, command: andring },
  },
  {
    code: 'PARAGRAPH_JUSTIFIED',
    name: 'after omedelbar justering nothing but rättelse, certification, expediering',
    allow: { history: decidedOnProposal, command: cmd.distribute('Kommunstyrelsekontoret') },
    refuse: { history: justified, command: cmd.distribute('Kommunstyrelsekontoret', 'Revisionen') },
  },
  {
    code: 'PARAGRAPH_JUSTIFIED',
    name: 'after the protocol’s justering no protokollsanteckning',
    allow: { meeting: closed, history: decidedOnProposal, command: note('n1', 'l3') },
    refuse: { meeting: protocolJustified, history: decidedOnProposal, command: note('n1', 'l3') },
  },
  {
    code: 'DUPLICATE_ENTRY_ID',
    name: 'entry ids are unique within the paragraph',
    allow: { history: [...opened, andring], command: cmd.propose('m2', 'l4', 'avslag') },
    refuse: { history: [...opened, andring], command: cmd.propose('m1', 'l4', 'avslag') },
  },
  // ─── entitlement and jäv ───
  {
    code: 'UNKNOWN_MEMBER',
    name: 'a yrkande is made by a member of the meeting',
    allow: { history: opened, command: andring },
    refuse: { history: opened, command: cmd.propose('m1', 'stranger', 'avslag') },
  },
  {
    code: 'MEMBER_NOT_ENTITLED',
    name: 'a serving ersättare proposes; a non-serving one does not',
    allow: { history: opened, command: cmd.propose('m1', 'e1', 'avslag') },
    refuse: { history: opened, command: cmd.propose('m1', 'e2', 'avslag') },
  },
  {
    code: 'MEMBER_NOT_ENTITLED',
    name: 'a ledamot replaced by an ersättare does not vote',
    allow: { history: votingApproved, command: cmd.hold('v1', { ...everyoneJa }) },
    refuse: { history: votingApproved, command: cmd.hold('v1', { ...everyoneJa, l5: 'nej' }) },
  },
  {
    code: 'MEMBER_RECUSED',
    name: 'a jävig member does not propose',
    allow: { history: [...opened, cmd.recuse('l4')], command: andring },
    refuse: { history: [...opened, cmd.recuse('l3')], command: andring },
  },
  {
    code: 'MEMBER_RECUSED',
    name: 'a jävig member does not support',
    allow: { history: [...opened, andring, cmd.recuse('l3')], command: cmd.support('m1', 'l4') },
    refuse: { history: [...opened, andring, cmd.recuse('l4')], command: cmd.support('m1', 'l4') },
  },
  {
    code: 'ALREADY_RECUSED',
    name: 'jäv is declared once',
    allow: { history: opened, command: cmd.recuse('l3') },
    refuse: { history: [...opened, cmd.recuse('l3')], command: cmd.recuse('l3') },
  },
  {
    code: 'DECISION_ALREADY_ADOPTED',
    name: 'no yrkande after the decision',
    allow: { history: [...opened, cmd.ask('q1', ['proposal'], 'proposal')], command: andring },
    refuse: { history: [...opened, cmd.ask('q1', ['proposal'], 'proposal'), cmd.decide()], command: andring },
  },
  // ─── yrkanden ───
  {
    code: 'MOTION_TEXT_REQUIRED',
    name: 'a free yrkande has text',
    allow: {
      history: opened,
      command: cmd.propose('f1', 'beronius', 'fritt', { text: 'Beslutar för egen del att …' }),
    },
    refuse: { history: opened, command: cmd.propose('f1', 'beronius', 'fritt') },
  },
  {
    code: 'UNKNOWN_MOTION',
    name: 'support an existing yrkande',
    allow: { history: [...opened, andring], command: cmd.support('m1', 'l4') },
    refuse: { history: [...opened, andring], command: cmd.support('m9', 'l4') },
  },
  {
    code: 'OWN_MOTION_SUPPORT',
    name: 'the proposer does not support their own yrkande',
    allow: { history: [...opened, andring], command: cmd.support('m1', 'l4') },
    refuse: { history: [...opened, andring], command: cmd.support('m1', 'l3') },
  },
  {
    code: 'ALREADY_SUPPORTED',
    name: 'instämmande once',
    allow: { history: [...opened, andring], command: cmd.support('m1', 'l4') },
    refuse: { history: [...opened, andring, cmd.support('m1', 'l4')], command: cmd.support('m1', 'l4') },
  },
  {
    code: 'MOTION_ALREADY_PUT',
    name: 'a yrkande is withdrawn before it is put',
    allow: { history: [...opened, andring], command: cmd.withdraw('m1') },
    refuse: {
      history: [...opened, andring, cmd.ask('q1', ['proposal', 'm1'], 'proposal')],
      command: cmd.withdraw('m1'),
    },
  },
  // ─── propositioner ───
  {
    code: 'MOTION_WITHDRAWN',
    name: 'a withdrawn yrkande is not put',
    allow: { history: [...opened, andring], command: cmd.ask('q1', ['proposal', 'm1'], 'proposal') },
    refuse: {
      history: [...opened, andring, cmd.withdraw('m1')],
      command: cmd.ask('q1', ['proposal', 'm1'], 'proposal'),
    },
  },
  {
    code: 'ENTRY_STRUCK',
    name: 'a struck yrkande is not put',
    allow: { history: [...opened, andring], command: cmd.ask('q1', ['proposal', 'm1'], 'proposal') },
    refuse: {
      history: [...opened, andring, strikeCmd('m1')],
      command: cmd.ask('q1', ['proposal', 'm1'], 'proposal'),
    },
  },
  {
    code: 'QUESTION_INVALID',
    name: 'a question puts something',
    allow: { history: opened, command: cmd.ask('q1', ['proposal'], 'proposal') },
    refuse: { history: opened, command: cmd.ask('q1', [], 'proposal') },
  },
  {
    code: 'QUESTION_INVALID',
    name: 'only a proposal put alone is found rejected',
    allow: { history: opened, command: cmd.ask('q1', ['proposal'], 'rejected') },
    refuse: { history: [...opened, andring], command: cmd.ask('q1', ['proposal', 'm1'], 'rejected') },
  },
  {
    code: 'FINDING_NOT_PUT',
    name: 'the finding is among what was put',
    allow: { history: [...opened, andring], command: cmd.ask('q1', ['proposal', 'm1'], 'm1') },
    refuse: { history: [...opened, andring], command: cmd.ask('q1', ['proposal'], 'm1') },
  },
  // ─── votering ───
  {
    code: 'UNKNOWN_QUESTION',
    name: 'votering is requested on a question',
    allow: { history: voting.slice(0, -1), command: cmd.requestVote('v1', 'l3', 'q1') },
    refuse: { history: voting.slice(0, -1), command: cmd.requestVote('v1', 'l3', 'q9') },
  },
  {
    code: 'MEMBER_NOT_ENTITLED',
    name: 'votering is requested by an entitled member',
    allow: { history: voting.slice(0, -1), command: cmd.requestVote('v1', 'e1', 'q1') },
    refuse: { history: voting.slice(0, -1), command: cmd.requestVote('v1', 'e2', 'q1') },
  },
  {
    code: 'VOTE_NEEDS_ALTERNATIVES',
    name: 'votering between at least two proposals',
    allow: { history: voting.slice(0, -1), command: cmd.requestVote('v1', 'l3', 'q1') },
    refuse: {
      history: [...opened, cmd.ask('q1', ['proposal'], 'proposal')],
      command: cmd.requestVote('v1', 'l3', 'q1'),
    },
  },
  {
    code: 'VOTE_ALREADY_REQUESTED',
    name: 'one votering per question (unless the first is struck)',
    allow: { history: [...voting, strikeCmd('v1')], command: cmd.requestVote('v2', 'l4', 'q1') },
    refuse: { history: voting, command: cmd.requestVote('v2', 'l4', 'q1') },
  },
  {
    code: 'UNKNOWN_VOTE',
    name: 'a voting proposition belongs to a requested votering',
    allow: { history: voting, command: cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1') },
    refuse: { history: voting, command: cmd.proposition('v9', 'huvudvotering', 'proposal', 'm1') },
  },
  {
    code: 'VOTE_IN_PROGRESS',
    name: 'the next round after the last is held',
    allow: {
      history: [
        ...three,
        cmd.proposition('v1', 'kontraproposition', 'm1', 'm2'),
        cmd.hold('v1', { ...everyoneJa }),
      ],
      command: cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1'),
    },
    refuse: {
      history: [...three, cmd.proposition('v1', 'kontraproposition', 'm1', 'm2')],
      command: cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1'),
    },
  },
  {
    code: 'VOTE_IN_PROGRESS',
    name: 'no decision while a votering is unfinished',
    allow: { history: [...votingApproved, cmd.hold('v1', { ...everyoneJa })], command: cmd.decide() },
    refuse: { history: votingApproved, command: cmd.decide() },
  },
  {
    code: 'VOTE_PROPOSITION_NOT_APPROVED',
    name: 'the voting proposition is approved before the roll call',
    allow: { history: votingApproved, command: cmd.hold('v1', { ...everyoneJa }) },
    refuse: { history: voting, command: cmd.hold('v1', { ...everyoneJa }) },
  },
  {
    code: 'DUPLICATE_VOTE',
    name: 'each member votes once',
    allow: { history: votingApproved, command: cmd.hold('v1', { ...everyoneJa }) },
    refuse: {
      history: votingApproved,
      command: withData(cmd.hold('v1', { ...everyoneJa }), {
        votes: [...allServing.map((memberId) => ({ memberId, vote: 'ja' })), { memberId: 'l3', vote: 'nej' }],
      }),
    },
  },
  {
    code: 'VOTE_MISSING',
    name: 'every entitled member votes (ja, nej or avstår)',
    allow: { history: votingApproved, command: cmd.hold('v1', { ...everyoneJa, e1: 'avstar' }) },
    refuse: {
      history: votingApproved,
      command: cmd.hold('v1', { chair: 'ja', beronius: 'ja', l3: 'nej', l4: 'ja' }),
    },
  },
  {
    code: 'CASTING_VOTE_REQUIRED',
    name: 'a tie needs the chair’s utslagsröst',
    allow: { history: votingApproved, command: cmd.hold('v1', tie, 'ja') },
    refuse: { history: votingApproved, command: cmd.hold('v1', tie) },
  },
  {
    code: 'CASTING_VOTE_NOT_ALLOWED',
    name: 'no utslagsröst without a tie',
    allow: { history: votingApproved, command: cmd.hold('v1', { ...tie, e1: 'ja' }) },
    refuse: { history: votingApproved, command: cmd.hold('v1', { ...tie, e1: 'ja' }, 'ja') },
  },
  {
    code: 'CASTING_VOTE_MISMATCH',
    name: 'the utslagsröst is the chair’s own vote',
    allow: { history: votingApproved, command: cmd.hold('v1', tie, 'ja') },
    refuse: { history: votingApproved, command: cmd.hold('v1', tie, 'nej') },
  },
  // ─── beslut ───
  {
    code: 'DECISION_WITHOUT_QUESTION',
    name: 'a decision follows a question',
    allow: { history: [...opened, cmd.ask('q1', ['proposal'], 'proposal')], command: cmd.decide() },
    refuse: { history: opened, command: cmd.decide() },
  },
  {
    code: 'DECISION_BASIS_MISMATCH',
    name: 'a decision names the questions and votering that reached it',
    allow: {
      history: [...votingApproved, cmd.hold('v1', { ...everyoneJa })],
      command: cmd.decide('d1', 'sakbeslut', { basedOn: { questionIds: ['q1'], voteId: 'v1' } }),
    },
    refuse: {
      history: [...votingApproved, cmd.hold('v1', { ...everyoneJa })],
      command: cmd.decide('d1', 'sakbeslut', { basedOn: { questionIds: ['q1'] } }),
    },
  },
  {
    code: 'DECISION_CONTRADICTS_FINDING',
    name: 'återremiss adopted: the decision is återremiss',
    allow: {
      history: [...opened, aterremiss, cmd.ask('q1', ['ar', 'proposal'], 'ar')],
      command: cmd.decide('d1', 'aterremiss'),
    },
    refuse: {
      history: [...opened, aterremiss, cmd.ask('q1', ['ar', 'proposal'], 'ar')],
      command: cmd.decide('d1', 'sakbeslut'),
    },
  },
  {
    code: 'DECISION_CONTRADICTS_FINDING',
    name: 'the votering’s outcome overrides the chair’s finding',
    allow: {
      history: [
        ...opened,
        aterremiss,
        cmd.ask('q1', ['ar', 'proposal'], 'proposal'),
        cmd.requestVote('v1', 'l4', 'q1'),
        cmd.proposition('v1', 'huvudvotering', 'proposal', 'ar'),
        cmd.hold('v1', { chair: 'nej', beronius: 'nej', l3: 'nej', l4: 'nej', e1: 'ja' }),
      ],
      command: cmd.decide('d1', 'aterremiss'),
    },
    refuse: {
      history: [
        ...opened,
        aterremiss,
        cmd.ask('q1', ['ar', 'proposal'], 'proposal'),
        cmd.requestVote('v1', 'l4', 'q1'),
        cmd.proposition('v1', 'huvudvotering', 'proposal', 'ar'),
        cmd.hold('v1', { chair: 'nej', beronius: 'nej', l3: 'nej', l4: 'nej', e1: 'ja' }),
      ],
      command: cmd.decide('d1', 'sakbeslut'),
    },
  },
  {
    code: 'DECISION_CONTENT_REQUIRED',
    name: 'a decision in sak has text',
    allow: { history: [...opened, cmd.ask('q1', ['proposal'], 'proposal')], command: cmd.decide() },
    refuse: {
      history: [...opened, cmd.ask('q1', ['proposal'], 'proposal')],
      command: withData(cmd.decide(), { content: { ownDecisions: [] } }),
    },
  },
  // ─── reservation ───
  {
    code: 'UNKNOWN_DECISION',
    name: 'a reservation is against a decision of the paragraph',
    allow: { history: decidedOnProposal, command: cmd.reserve('r1', 'l3', 'd1') },
    refuse: { history: decidedOnProposal, command: cmd.reserve('r1', 'l3', 'd9') },
  },
  {
    code: 'MEMBER_DID_NOT_TAKE_PART',
    name: 'only who took part reserves',
    allow: { history: decidedOnProposal, command: cmd.reserve('r1', 'l3') },
    refuse: { history: decidedOnProposal, command: cmd.reserve('r1', 'e2') },
  },
  {
    code: 'MEMBER_RECUSED',
    name: 'a jävig member does not reserve',
    allow: { history: decidedOnProposal, command: cmd.reserve('r1', 'l3') },
    refuse: {
      history: [...opened, cmd.recuse('l4'), cmd.ask('q1', ['proposal'], 'proposal'), cmd.decide()],
      command: cmd.reserve('r1', 'l4'),
    },
  },
  {
    code: 'RESERVATION_BY_SUPPORTER',
    name: 'after votering: nej reserves; ja does not',
    allow: {
      history: decidedAfterVote,
      command: cmd.reserve('r1', 'l3'),
    },
    refuse: {
      history: decidedAfterVote,
      command: cmd.reserve('r1', 'l4'),
    },
  },
  {
    code: 'MEMBER_ABSTAINED',
    name: 'after votering: who abstained took no part and does not reserve',
    allow: {
      history: decidedAfterVote,
      command: cmd.reserve('r1', 'l3'),
    },
    refuse: {
      history: decidedAfterVote,
      command: cmd.reserve('r1', 'e1'),
    },
  },
  {
    code: 'ALREADY_RESERVED',
    name: 'a member reserves once',
    allow: { history: decidedOnProposal, command: cmd.reserve('r1', 'l3') },
    refuse: { history: [...decidedOnProposal, cmd.reserve('r1', 'l3')], command: cmd.reserve('r2', 'l3') },
  },
  {
    code: 'MEETING_CLOSED',
    name: 'a reservation is announced before the meeting closes',
    allow: { history: decidedOnProposal, command: cmd.reserve('r1', 'l3') },
    refuse: { meeting: closed, history: decidedOnProposal, command: cmd.reserve('r1', 'l3') },
  },
  {
    code: 'UNKNOWN_RESERVATION',
    name: 'written reasons belong to an announced reservation',
    allow: {
      meeting: closed,
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3')],
      command: reasons('r1'),
    },
    refuse: {
      meeting: closed,
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3')],
      command: reasons('r9'),
    },
  },
  {
    code: 'REASONS_ALREADY_SUBMITTED',
    name: 'written reasons are handed in once',
    allow: {
      meeting: closed,
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3')],
      command: reasons('r1'),
    },
    refuse: {
      meeting: closed,
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3'), reasons('r1')],
      command: reasons('r1', 'Igen.'),
    },
  },
  {
    code: 'PARAGRAPH_JUSTIFIED',
    name: 'written reasons until justering',
    allow: {
      meeting: closed,
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3')],
      command: reasons('r1'),
    },
    refuse: {
      meeting: protocolJustified,
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3')],
      command: reasons('r1'),
    },
  },
  // ─── protokollsanteckning ───
  {
    code: 'MEMBER_NOT_PRESENT',
    name: 'a present member, serving or not, has a protokollsanteckning; an absent one not',
    allow: { history: decidedOnProposal, command: note('n1', 'e2') },
    refuse: { history: decidedOnProposal, command: note('n1', 'l5') },
  },
  {
    code: 'TEXT_REQUIRED',
    name: 'a protokollsanteckning has text',
    allow: { history: decidedOnProposal, command: note('n1', 'l3') },
    refuse: { history: decidedOnProposal, command: note('n1', 'l3', '') },
  },
  // ─── distribution, strike ───
  {
    code: 'RECIPIENTS_INVALID',
    name: 'at least one recipient, each once',
    allow: { history: opened, command: cmd.distribute('Kommunstyrelsekontoret', 'Samhällsbyggnadskontoret') },
    refuse: { history: opened, command: cmd.distribute('Kommunstyrelsekontoret', 'Kommunstyrelsekontoret') },
  },
  {
    code: 'UNKNOWN_ENTRY',
    name: 'strike an existing entry',
    allow: { history: [...opened, andring], command: strikeCmd('m1') },
    refuse: { history: [...opened, andring], command: strikeCmd('m9') },
  },
  {
    code: 'ENTRY_STRUCK',
    name: 'strike an entry once',
    allow: { history: [...opened, andring], command: strikeCmd('m1') },
    refuse: { history: [...opened, andring, strikeCmd('m1')], command: strikeCmd('m1') },
  },
  {
    code: 'ENTRY_IN_USE',
    name: 'strike what builds on an entry first',
    allow: {
      history: [...opened, andring, cmd.ask('q1', ['proposal', 'm1'], 'proposal'), strikeCmd('q1')],
      command: strikeCmd('m1'),
    },
    refuse: {
      history: [...opened, andring, cmd.ask('q1', ['proposal', 'm1'], 'proposal')],
      command: strikeCmd('m1'),
    },
  },
  {
    code: 'TEXT_REQUIRED',
    name: 'a strike says why',
    allow: { history: [...opened, andring], command: strikeCmd('m1') },
    refuse: { history: [...opened, andring], command: strikeCmd('m1', '') },
  },
  // ─── justering and after ───
  {
    code: 'NO_DECISION',
    name: 'a paragraph is justerad after its decision',
    allow: { history: decidedOnProposal, command: cmd.justify(true) },
    refuse: { history: [...opened, cmd.ask('q1', ['proposal'], 'proposal')], command: cmd.justify(true) },
  },
  {
    code: 'JUSTIFIERS_INVALID',
    name: 'justering by the chair and the justerare',
    allow: { history: decidedOnProposal, command: cmd.justify(true) },
    refuse: { history: decidedOnProposal, command: cmd.justify(true, ['chair', 'l3']) },
  },
  {
    code: 'ADJUSTERS_NOT_APPOINTED',
    name: 'justering needs appointed justerare',
    allow: { history: decidedOnProposal, command: cmd.justify(true) },
    refuse: {
      meeting: meetingState(schedule, attendance, open),
      history: decidedOnProposal,
      command: cmd.justify(true),
    },
  },
  {
    code: 'MEETING_NOT_CLOSED',
    name: 'justering with the protocol comes after the meeting (omedelbar at it)',
    allow: { meeting: closed, history: decidedOnProposal, command: cmd.justify(false) },
    refuse: { history: decidedOnProposal, command: cmd.justify(false) },
  },
  {
    code: 'NOT_JUSTIFIED',
    name: 'expediering after justering',
    allow: { history: justified, command: dispatch('Kommunstyrelsekontoret') },
    refuse: {
      history: [...decidedOnProposal, cmd.distribute('Kommunstyrelsekontoret')],
      command: dispatch('Kommunstyrelsekontoret'),
    },
  },
  {
    code: 'NOT_JUSTIFIED',
    name: 'utdragsbestyrkande after justering (of the protocol, too)',
    allow: { meeting: protocolJustified, history: decidedOnProposal, command: certify },
    refuse: { meeting: closed, history: decidedOnProposal, command: certify },
  },
  {
    code: 'NOT_JUSTIFIED',
    name: 'rättelse after justering',
    allow: { history: justified, command: correction() },
    refuse: { history: decidedOnProposal, command: correction() },
  },
  {
    code: 'RECIPIENT_NOT_LISTED',
    name: 'expediering to a listed recipient',
    allow: { history: justified, command: dispatch('Kommunstyrelsekontoret') },
    refuse: { history: justified, command: dispatch('Revisionen') },
  },
  {
    code: 'ALREADY_DISPATCHED',
    name: 'expediering once per recipient',
    allow: { history: justified, command: dispatch('Kommunstyrelsekontoret') },
    refuse: {
      history: [...justified, dispatch('Kommunstyrelsekontoret')],
      command: dispatch('Kommunstyrelsekontoret'),
    },
  },
  {
    code: 'CORRECTION_REASON_REQUIRED',
    name: 'rättelse says why',
    allow: { history: justified, command: correction() },
    refuse: { history: justified, command: correction({ why: ' ' }) },
  },
  {
    code: 'CORRECTION_NO_CHANGE',
    name: 'rättelse changes something',
    allow: { history: justified, command: correction() },
    refuse: { history: justified, command: correction({ to: 'KS 2024-51' }) },
  },
  // ─── added with issue 11 ───
  {
    code: 'DUPLICATE_PERSON',
    name: 'joint movers are named once each',
    allow: { history: opened, command: cmd.propose('b1', 'l3', 'bifall', { coProposerIds: ['l4'] }) },
    refuse: { history: opened, command: cmd.propose('b1', 'l3', 'bifall', { coProposerIds: ['l4', 'l3'] }) },
  },
  {
    code: 'GROUP_WITHOUT_MEMBERS',
    name: 'a party group reserves through members who took part',
    allow: { history: decidedOnProposal, command: groupReservation('r1', 'S') },
    refuse: { history: decidedOnProposal, command: groupReservation('r1', 'KD') },
  },
  {
    code: 'ALREADY_NOT_PARTICIPATING',
    name: 'a member declares not taking part once',
    allow: { history: opened, command: notTakingPart('n1', ['l4']) },
    refuse: { history: [...opened, notTakingPart('n1', ['l4'])], command: notTakingPart('n2', ['l4']) },
  },
  {
    code: 'MEMBER_NOT_PARTICIPATING',
    name: 'who does not take part in the decision does not vote in it',
    allow: {
      history: [...opened, andring, notTakingPart('n1', ['e1']), ...votingApproved.slice(2)],
      command: cmd.hold('v1', { chair: 'ja', beronius: 'ja', l3: 'nej', l4: 'ja' }),
    },
    refuse: {
      history: [...opened, andring, notTakingPart('n1', ['e1']), ...votingApproved.slice(2)],
      command: cmd.hold('v1', { chair: 'ja', beronius: 'ja', l3: 'nej', l4: 'ja', e1: 'avstar' }),
    },
  },
  {
    code: 'REASONS_REQUIRED',
    name: 'written reasons are text or a bilaga',
    allow: {
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3'), attach('a'.repeat(64))],
      command: reasonsAsAttachment('r1', 'a'.repeat(64)),
    },
    refuse: {
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3')],
      command: {
        type: 'SubmitReservationReasons',
        data: { paragraphId: P, reservationId: 'r1', reasons: ' ' },
      },
    },
  },
  {
    code: 'UNKNOWN_ATTACHMENT',
    name: 'reasons as a bilaga name a bilaga of the paragraph',
    allow: {
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3'), attach('a'.repeat(64))],
      command: reasonsAsAttachment('r1', 'a'.repeat(64)),
    },
    refuse: {
      history: [...decidedOnProposal, cmd.reserve('r1', 'l3'), attach('a'.repeat(64))],
      command: reasonsAsAttachment('r1', 'b'.repeat(64)),
    },
  },
  {
    code: 'ATTACHMENT_ALREADY_ADDED',
    name: 'a document is a bilaga once',
    allow: { history: [...opened, attach('a'.repeat(64))], command: attach('b'.repeat(64)) },
    refuse: { history: [...opened, attach('a'.repeat(64))], command: attach('a'.repeat(64)) },
  },
  {
    code: 'ATTACHMENT_NUMBER_TAKEN',
    name: 'bilaga numbers are unique',
    allow: { history: [...opened, attach('a'.repeat(64), 1)], command: attach('b'.repeat(64), 2) },
    refuse: { history: [...opened, attach('a'.repeat(64), 1)], command: attach('b'.repeat(64), 1) },
  },
  {
    code: 'PROPOSITION_ORDER_INVALID',
    name: 'a propositionsordning puts the proposal or live yrkanden',
    allow: { history: [...opened, andring], command: order('o1', [['proposal', 'm1']]) },
    refuse: { history: [...opened, andring], command: order('o1', [['proposal', 'proposal']]) },
  },
  // ─── sekretess (docs/adr/0030) ───
  {
    code: 'ALREADY_CONFIDENTIAL',
    name: 'sekretess is marked once (after justering too); lifted, it may be marked again',
    allow: { history: [...justified, markConfidential, liftConfidentiality], command: markConfidential },
    refuse: { history: [...justified, markConfidential], command: markConfidential },
  },
  {
    code: 'NOT_CONFIDENTIAL',
    name: 'only a marked paragraph has a marking to lift',
    allow: { history: [...opened, markConfidential], command: liftConfidentiality },
    refuse: { history: opened, command: liftConfidentiality },
  },
  {
    code: 'VOTE_PROPOSITION_INVALID',
    name: 'a voteringsproposition sets two different proposals of the question against each other',
    allow: { history: voting, command: cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1') },
    refuse: { history: voting, command: cmd.proposition('v1', 'huvudvotering', 'proposal', 'proposal') },
  },
  {
    code: 'RESERVATION_BY_SUPPORTER',
    name: 'silence is not support: a member who said nothing may reserve',
    allow: { history: decidedOnProposal, command: cmd.reserve('r1', 'l4') },
    refuse: { history: decidedAfterVote, command: cmd.reserve('r1', 'chair') },
  },
];

/** Warnings: the procedure is the chair's and the meeting's; both scenarios are recorded. */
export const paragraphWarningCases: ParagraphWarningCase[] = [
  {
    code: 'MOTIVATION_REQUIRED',
    name: 'återremiss should be motivated',
    quiet: { history: opened, command: aterremiss },
    warned: { history: opened, command: cmd.propose('ar', 'l4', 'aterremiss') },
  },
  {
    code: 'ORDER_OF_TRIAL',
    name: 'återremiss is usually tried before the matter',
    quiet: { history: [...opened, aterremiss], command: cmd.ask('q1', ['ar', 'proposal'], 'proposal') },
    warned: { history: [...opened, aterremiss], command: cmd.ask('q1', ['proposal'], 'proposal') },
  },
  {
    code: 'ORDER_OF_TRIAL',
    name: 'återremiss and bordläggning are usually tried separately',
    quiet: { history: [...opened, aterremiss, bordlaggning], command: cmd.ask('q1', ['bl'], 'rejected') },
    warned: { history: [...opened, aterremiss, bordlaggning], command: cmd.ask('q1', ['ar', 'bl'], 'ar') },
  },
  {
    code: 'ORDER_OF_TRIAL',
    name: 'once återremiss is adopted the matter is usually not tried',
    quiet: {
      history: [...opened, aterremiss, cmd.ask('q1', ['ar', 'proposal'], 'proposal')],
      command: cmd.ask('q2', ['proposal'], 'proposal'),
    },
    warned: {
      history: [...opened, aterremiss, cmd.ask('q1', ['ar', 'proposal'], 'ar')],
      command: cmd.ask('q2', ['proposal'], 'proposal'),
    },
  },
  {
    code: 'ORDER_OF_TRIAL',
    name: 'tilläggsyrkanden usually last, after the main question',
    quiet: {
      history: [...opened, andring, tillagg, cmd.ask('q1', ['proposal', 'm1'], 'proposal')],
      command: cmd.ask('q2', ['t1'], 't1'),
    },
    warned: { history: [...opened, andring, tillagg], command: cmd.ask('q1', ['t1'], 't1') },
  },
  {
    code: 'ORDER_OF_TRIAL',
    name: 'a main proposal and additions put together',
    quiet: {
      history: [...opened, tillagg, cmd.ask('q1', ['proposal'], 'proposal')],
      command: cmd.ask('q2', ['t1'], 'rejected'),
    },
    warned: { history: [...opened, tillagg], command: cmd.ask('q1', ['proposal', 't1'], 'proposal') },
  },
  {
    code: 'ORDER_OF_TRIAL',
    name: 'the meeting approves a propositionsordning with the main proposal and additions together',
    quiet: { history: [...opened, tillagg], command: order('o1', [['proposal'], ['t1']]) },
    warned: { history: [...opened, tillagg], command: order('o1', [['proposal', 't1']]) },
  },
  {
    code: 'ORDER_OF_TRIAL',
    name: 'after an approved propositionsordning the chair follows it without warnings',
    quiet: {
      history: [...opened, tillagg, order('o1', [['proposal', 't1']])],
      command: cmd.ask('q1', ['proposal', 't1'], 'proposal'),
    },
    warned: { history: [...opened, tillagg], command: cmd.ask('q1', ['proposal', 't1'], 'proposal') },
  },
  {
    code: 'VOTE_TOO_LATE',
    name: 'votering usually on the latest question',
    quiet: { history: lateVote, command: cmd.requestVote('v1', 'l3', 'q2') },
    warned: { history: lateVote, command: cmd.requestVote('v1', 'l3', 'q1') },
  },
  {
    code: 'VOTE_PROPOSITION_ORDER',
    name: 'huvudvotering: usually ja for the chair’s finding, nej for the counter-proposal',
    quiet: { history: voting, command: cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1') },
    warned: { history: voting, command: cmd.proposition('v1', 'huvudvotering', 'm1', 'proposal') },
  },
  {
    code: 'KONTRAPROPOSITION_REQUIRED',
    name: 'several counter-proposals: usually a kontrapropositionsvotering first',
    quiet: { history: three, command: cmd.proposition('v1', 'kontraproposition', 'm1', 'm2') },
    warned: { history: three, command: cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1') },
  },
  {
    code: 'RESERVATION_AFTER_SUPPORT',
    name: 'by acklamation: who moved what won may still reserve, with a warning',
    quiet: { history: bifallWon, command: cmd.reserve('r1', 'l3') },
    warned: { history: bifallWon, command: cmd.reserve('r1', 'l4') },
  },
  {
    code: 'PROPOSAL_AMENDED_AFTER_PUT',
    name: 'the chair usually amends the proposal before putting it',
    quiet: { history: [...opened, andring], command: amend('a1') },
    warned: {
      history: [...opened, andring, tillagg, cmd.ask('q1', ['proposal', 'm1'], 'proposal')],
      command: amend('a1'),
    },
  },
];
