import fc from 'fast-check';
import {
  fold,
  isRuleViolation,
  meetingDecider,
  paragraphDecider,
  streamIds,
  type Member,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingState,
  type ParagraphCommand,
  type ParagraphEvent,
  type ParagraphState,
  type ProposalRef,
} from '@app/domain';
import { ChainTracker, type JsonObject } from '@app/event-store';
import type { Append } from './history.js';

/**
 * Histories made by the domain's own deciders: fast-check draws a sequence of clerk's
 * intentions (propose, support, put a question, vote, decide, reserve, strike, justify, dispatch…)
 * with random members and targets; each becomes a command, and the decider either records its
 * events or refuses it (a refused command records nothing, as in the API). So every history is
 * valid by construction, including the unusual ones a hand-written generator would not think of.
 */

const INTENTS = [
  'open',
  'recuse',
  'propose',
  'support',
  'withdraw',
  'question',
  'requestVote',
  'proposition',
  'holdVote',
  'decide',
  'reserve',
  'reasons',
  'note',
  'distribution',
  'strike',
  'justifyParagraph',
  'correct',
  'certify',
  'dispatch',
  'closeMeeting',
  'justifyProtocol',
  'announce',
  'newMeeting',
  'voteFlow',
  'fullFlow',
] as const;
const RARE = new Set<string>(['closeMeeting', 'justifyProtocol', 'announce', 'newMeeting']);

export interface Intent {
  readonly kind: (typeof INTENTS)[number];
  /** Picks a member, a paragraph, a motion, a question… from what exists at that moment. */
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

export const intentArb: fc.Arbitrary<Intent> = fc.record({
  // Ending a meeting is rare, so most sequences get deep into the decision flow first.
  kind: fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...INTENTS.filter((k) => !RARE.has(k))) },
    { weight: 3, arbitrary: fc.constant('open' as const) },
    { weight: 4, arbitrary: fc.constant('fullFlow' as const) },
    { weight: 1, arbitrary: fc.constantFrom(...INTENTS.filter((k) => RARE.has(k))) },
  ),
  a: fc.nat(50),
  b: fc.nat(50),
  c: fc.nat(50),
});

export const intentsArb = fc.array(intentArb, { minLength: 20, maxLength: 120 });

const BODY = { id: 'ks-au', name: 'Kommunstyrelsens arbetsutskott', shortName: 'KSAU' };
const MEMBERS: Member[] = [
  { memberId: 'm-ordf', name: 'Anna Andersson', party: 'S', role: 'ledamot' },
  { memberId: 'm-beronius', name: 'Robert Beronius', party: 'L', role: 'ledamot' },
  { memberId: 'm-lind', name: 'Karin Lind', party: 'M', role: 'ledamot' },
  { memberId: 'm-ek', name: 'Per Ek', party: 'V', role: 'ledamot' },
  { memberId: 'm-sjo', name: 'Eva Sjö', party: 'C', role: 'ledamot' },
  { memberId: 'e-berg', name: 'Lars Berg', party: 'S', role: 'ersattare' },
];
const RECIPIENTS = ['Kommunstyrelsen', 'Ekonomienheten', 'Revisionen'];

interface MeetingRun {
  id: string;
  date: string;
  events: MeetingEvent[];
  state: MeetingState;
  paragraphs: { id: string; events: ParagraphEvent[]; state: ParagraphState }[];
}

function holdVote(paragraphId: string, voteId: string, a: number): ParagraphCommand {
  const voters = ['m-beronius', 'm-lind', 'm-ek', 'e-berg', 'm-ordf'];
  const votes = voters.map((memberId, i) => ({
    memberId,
    vote: (['ja', 'nej', 'avstar'] as const)[(i + a) % 3],
  }));
  const ja = votes.filter((v) => v.vote === 'ja').length;
  const nej = votes.filter((v) => v.vote === 'nej').length;
  return {
    type: 'HoldVote',
    data: { paragraphId, voteId, votes, ...(ja === nej ? { castingVote: 'ja' as const } : {}) },
  };
}

/** Turn intents into appends, through the deciders. `seed` only varies ids. */
export function historyFromIntents(
  intents: readonly Intent[],
  seed = 0,
  onRefused: (command: string, code: string) => void = () => {},
): Append[] {
  const appends: Append[] = [];
  let counter = 0;
  const id = (prefix: string) => `${prefix}-${seed}-${++counter}`;
  const uuid = () => {
    const n = (++counter + seed * 1_000_000).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n.slice(-12)}`;
  };
  const meetings: MeetingRun[] = [];
  let number = 0;
  const meta = (): JsonObject => ({ userId: 'u-clerk', role: 'clerk', correlationId: `c-${counter}` });
  const append = (stream: string, events: readonly { type: string; data: unknown }[]) => {
    if (events.length === 0) return;
    appends.push({
      stream,
      events: events.map((e) => ({ id: uuid(), type: e.type, data: e.data as JsonObject, metadata: meta() })),
    });
  };
  const runMeeting = (m: MeetingRun, command: MeetingCommand): boolean => {
    try {
      const events = meetingDecider.decide(command, m.state, undefined);
      m.events.push(...events);
      m.state = fold(meetingDecider, m.events);
      append(streamIds.meeting(m.id), events);
      return true;
    } catch (err) {
      if (isRuleViolation(err)) return false;
      throw err;
    }
  };
  const runParagraph = (m: MeetingRun, p: MeetingRun['paragraphs'][number], command: ParagraphCommand) => {
    try {
      const events = paragraphDecider.decide(command, p.state, { meeting: m.state });
      p.events.push(...events);
      p.state = fold(paragraphDecider, p.events);
      append(streamIds.paragraph(p.id), events);
    } catch (err) {
      if (!isRuleViolation(err)) throw err;
      onRefused(command.type, err.code);
    }
  };
  const newMeeting = () => {
    const k = meetings.length;
    const date = `2024-${String((k % 11) + 1).padStart(2, '0')}-${String(10 + (k % 15)).padStart(2, '0')}`;
    const m: MeetingRun = {
      id: uuid(),
      date,
      events: [],
      state: meetingDecider.initialState,
      paragraphs: [],
    };
    meetings.push(m);
    runMeeting(m, {
      type: 'ScheduleMeeting',
      data: {
        meetingId: m.id,
        body: BODY,
        date,
        startTime: '09:00',
        place: 'Stadshuset',
        chair: 'm-ordf',
        secretary: { name: 'Lisa Sekreterare' },
        members: MEMBERS,
      },
    });
    runMeeting(m, {
      type: 'RecordAttendance',
      data: {
        meetingId: m.id,
        effectiveFrom: `${date}T09:00:00+01:00`,
        present: ['m-ordf', 'm-beronius', 'm-lind', 'm-ek', 'e-berg'],
        absent: ['m-sjo'],
        servingSubstitutes: [{ substituteId: 'e-berg', forMemberId: 'm-sjo' }],
      },
    });
    runMeeting(m, {
      type: 'AppointAdjusters',
      data: {
        meetingId: m.id,
        adjusters: ['m-lind'],
        justeringAt: `${date}T15:00:00+01:00`,
        justeringPlace: 'KLK',
      },
    });
    runMeeting(m, { type: 'OpenMeeting', data: { meetingId: m.id, at: `${date}T09:01:00+01:00` } });
  };
  newMeeting();

  // A full flow is a macro of ordinary intents on one paragraph; each still goes through the decider.
  const expanded = intents.flatMap((it): Intent[] =>
    it.kind !== 'fullFlow'
      ? [it]
      : (
          [
            ['propose', it.a, it.b, 1],
            ['support', it.a + 1, it.b, 0],
            ['question', it.a, it.b, 1],
            ...(it.c % 2 ? [['voteFlow', it.a + 2, it.b, 0]] : []),
            ['decide', it.a, it.b, 0],
            ['reserve', it.a + 1, it.b, 0],
            ['distribution', it.a, it.b, it.c],
            ['justifyParagraph', it.a, it.b, 0],
            ['dispatch', it.a, it.b, 0],
            ['dispatch', it.a, it.b, 1],
          ] as [Intent['kind'], number, number, number][]
        ).map(([kind, a, b, c]) => ({ kind, a, b, c })),
  );
  for (const it of expanded) {
    const m = meetings[meetings.length - 1];
    const at = `${m.date}T10:00:00+01:00`;
    const member = MEMBERS[it.a % MEMBERS.length].memberId;
    if (it.kind === 'newMeeting') {
      newMeeting();
      continue;
    }
    if (it.kind === 'closeMeeting') {
      runMeeting(m, { type: 'CloseMeeting', data: { meetingId: m.id, at: `${m.date}T16:00:00+01:00` } });
      continue;
    }
    if (it.kind === 'justifyProtocol') {
      runMeeting(m, {
        type: 'JustifyProtocol',
        data: { meetingId: m.id, byMemberIds: ['m-ordf', 'm-lind'], at: `${m.date}T17:00:00+01:00` },
      });
      continue;
    }
    if (it.kind === 'announce') {
      runMeeting(m, {
        type: 'AnnounceProtocol',
        data: { meetingId: m.id, announcedOn: m.date, protocolKeptAt: 'Kommunledningskontoret' },
      });
      continue;
    }
    if (it.kind === 'open') {
      const p = { id: uuid(), events: [] as ParagraphEvent[], state: paragraphDecider.initialState };
      number++;
      runParagraph(m, p, {
        type: 'OpenParagraph',
        data: {
          paragraphId: p.id,
          meetingId: m.id,
          number,
          caseNumber: `KS 2024-${number}`,
          title: `Ärende ${number}`,
          summary: ['Sammanfattning.'],
          basisDocuments: ['Tjänsteutlåtande'],
          proposal: { proposer: 'kommunstyrelsekontoret', decision: { ownDecisions: ['att godkänna'] } },
        },
      });
      if (p.events.length) m.paragraphs.push(p);
      continue;
    }
    if (m.paragraphs.length === 0) continue;
    const p = m.paragraphs[it.b % m.paragraphs.length];
    const s = p.state;
    const motionIds = s.motions.map((e) => e.motion.motionId);
    const questionIds = s.questions.map((e) => e.question.questionId);
    const decisionIds = s.decisions.map((e) => e.decision.decisionId);
    const reservationIds = s.reservations.map((e) => e.reservation.reservationId);
    const voteIds = s.votes.map((e) => e.request.voteId);
    const pick = (xs: string[], n: number) => (xs.length ? xs[n % xs.length] : 'none');
    const ref = (n: number): ProposalRef =>
      n % 3 === 0 || motionIds.length === 0
        ? { kind: 'proposal' }
        : { kind: 'motion', motionId: pick(motionIds, n) };
    const paragraphId = p.id;
    switch (it.kind) {
      case 'recuse':
        runParagraph(m, p, {
          type: 'DeclareRecusal',
          data: { paragraphId, memberId: member, reason: 'Jäv' },
        });
        break;
      case 'propose': {
        const kind = (['bifall', 'avslag', 'andring', 'tillagg', 'aterremiss', 'fritt'] as const)[it.c % 6];
        runParagraph(m, p, {
          type: 'ProposeMotion',
          data: {
            paragraphId,
            motionId: id('y'),
            proposerId: member,
            kind,
            ...(kind === 'andring' || kind === 'tillagg' || kind === 'fritt'
              ? { text: 'att ändra förslaget' }
              : {}),
            ...(kind === 'aterremiss' ? { motivation: 'Behöver beredas.' } : {}),
          },
        });
        break;
      }
      case 'support':
        runParagraph(m, p, {
          type: 'SupportMotion',
          data: { paragraphId, motionId: pick(motionIds, it.c), memberId: member },
        });
        break;
      case 'withdraw':
        runParagraph(m, p, {
          type: 'WithdrawMotion',
          data: { paragraphId, motionId: pick(motionIds, it.c) },
        });
        break;
      case 'question': {
        const live = s.motions.filter((e) => !e.struck && !e.withdrawn).map((e) => e.motion.motionId);
        const puts: ProposalRef[] = [
          { kind: 'proposal' },
          ...(live.length && it.c % 2 ? [{ kind: 'motion' as const, motionId: pick(live, it.c) }] : []),
        ];
        runParagraph(m, p, {
          type: 'AskQuestion',
          data: {
            paragraphId,
            questionId: id('q'),
            puts,
            finding: it.a % 5 === 0 && puts.length === 1 ? 'rejected' : puts[it.a % puts.length],
          },
        });
        break;
      }
      case 'requestVote':
        runParagraph(m, p, {
          type: 'RequestVote',
          data: { paragraphId, voteId: id('v'), requestedById: member, questionId: pick(questionIds, it.c) },
        });
        break;
      case 'proposition':
        runParagraph(m, p, {
          type: 'ApproveVoteProposition',
          data: {
            paragraphId,
            voteId: pick(voteIds, it.c),
            kind: 'huvudvotering',
            ja: ref(0),
            nej: ref(it.a + 1),
          },
        });
        break;
      case 'holdVote':
        runParagraph(m, p, holdVote(paragraphId, pick(voteIds, it.c), it.a));
        break;
      case 'voteFlow': {
        // Contest the last question: request, proposition (the finding against the other put), roll call.
        const voteId = id('v');
        const q = s.questions.filter((e) => !e.struck).at(-1)?.question;
        const finding = q && q.finding !== 'rejected' ? q.finding : { kind: 'proposal' as const };
        const other = q?.puts.find((r) => JSON.stringify(r) !== JSON.stringify(finding)) ?? {
          kind: 'proposal' as const,
        };
        runParagraph(m, p, {
          type: 'RequestVote',
          data: { paragraphId, voteId, requestedById: member, questionId: q?.questionId ?? 'none' },
        });
        runParagraph(m, p, {
          type: 'ApproveVoteProposition',
          data: { paragraphId, voteId, kind: 'huvudvotering', ja: finding, nej: other },
        });
        runParagraph(m, p, holdVote(paragraphId, voteId, it.a));
        break;
      }
      case 'decide':
        runParagraph(m, p, {
          type: 'AdoptDecision',
          data: {
            paragraphId,
            decisionId: id('d'),
            kind: 'sakbeslut',
            content: { ownDecisions: ['att godkänna förslaget'] },
          },
        });
        break;
      case 'reserve':
        runParagraph(m, p, {
          type: 'EnterReservation',
          data: {
            paragraphId,
            reservationId: id('r'),
            memberId: member,
            decisionId: pick(decisionIds, it.c),
            reasons: 'till förmån för eget yrkande',
          },
        });
        break;
      case 'reasons':
        runParagraph(m, p, {
          type: 'SubmitReservationReasons',
          data: { paragraphId, reservationId: pick(reservationIds, it.c), reasons: 'Skriftliga skäl.' },
        });
        break;
      case 'note':
        runParagraph(m, p, {
          type: 'EnterProtocolNote',
          data: { paragraphId, noteId: id('n'), memberId: member, text: 'Anteckning.' },
        });
        break;
      case 'distribution':
        runParagraph(m, p, {
          type: 'SetDistribution',
          data: { paragraphId, recipients: RECIPIENTS.slice(0, 1 + (it.c % 3)) },
        });
        break;
      case 'strike': {
        const all = [...motionIds, ...questionIds, ...decisionIds, ...reservationIds, ...voteIds];
        runParagraph(m, p, {
          type: 'StrikeEntry',
          data: { paragraphId, entryId: pick(all, it.c), reason: 'Felaktigt antecknat' },
        });
        break;
      }
      case 'justifyParagraph':
        runParagraph(m, p, {
          type: 'JustifyParagraph',
          data: { paragraphId, byMemberIds: ['m-ordf', 'm-lind'], at, immediate: true },
        });
        break;
      case 'correct':
        runParagraph(m, p, {
          type: 'RecordCorrection',
          data: {
            paragraphId,
            correctionId: id('k'),
            field: 'title',
            from: p.events[0] ? (p.events[0].data as { title: string }).title : '',
            to: 'Rättad rubrik',
            why: 'Skrivfel',
            by: { name: 'Lisa Sekreterare' },
          },
        });
        break;
      case 'certify':
        runParagraph(m, p, {
          type: 'CertifyExtract',
          data: { paragraphId, by: { name: 'Lisa Sekreterare' }, at },
        });
        break;
      case 'dispatch':
        runParagraph(m, p, {
          type: 'DispatchDecision',
          data: { paragraphId, recipient: RECIPIENTS[it.c % 3], at },
        });
        break;
    }
  }
  // Hash-chained like the command path's appends (docs/adr/0024), in this order.
  const chain = new ChainTracker();
  return appends.map((a) => ({ stream: a.stream, events: chain.chain(a.stream, a.events) }));
}
