/** Shared test fixtures: a small arbetsutskott with ledamöter and ersättare. */
import type { DomainCommand, MeetingCommand, OpenParagraph, ParagraphCommand } from '../src/commands.js';
import { fold } from '../src/decider.js';
import type { Member, MeetingEvent, ParagraphEvent } from '../src/events.js';
import { meetingDecider, type MeetingState } from '../src/meeting.js';
import { paragraphDecider, type ParagraphContext } from '../src/paragraph.js';
import { run } from '../src/testing.js';

export const MEETING = 'm-1';
export const P = 'p-65';

export const members: Member[] = [
  { memberId: 'chair', name: 'Anna Ordförande', party: 'M', role: 'ledamot' },
  { memberId: 'beronius', name: 'Robert Beronius', party: 'L', role: 'ledamot' },
  { memberId: 'l3', name: 'Lena Tredje', party: 'S', role: 'ledamot' },
  { memberId: 'l4', name: 'Karl Fjärde', party: 'C', role: 'ledamot' },
  { memberId: 'l5', name: 'Sara Femte', party: 'V', role: 'ledamot' },
  { memberId: 'e1', name: 'Erik Ersättare', party: 'S', role: 'ersattare' },
  { memberId: 'e2', name: 'Eva Ersättare', party: 'MP', role: 'ersattare' },
];

export const ref = (id: string) => {
  const m = members.find((x) => x.memberId === id)!;
  return { memberId: m.memberId, name: m.name, party: m.party };
};

export const schedule: MeetingCommand = {
  type: 'ScheduleMeeting',
  data: {
    meetingId: MEETING,
    body: { id: 'ks-au', name: 'Kommunstyrelsens arbetsutskott', shortName: 'KSAU' },
    date: '2024-05-14',
    startTime: '09:00',
    place: 'Stadshuset',
    chair: 'chair',
    secretary: { name: 'Sekreteraren', title: 'nämndsekreterare' },
    members,
  },
};

/** l5 absent, e1 serves for l5; e2 present but not serving. */
export const attendance: MeetingCommand = {
  type: 'RecordAttendance',
  data: {
    meetingId: MEETING,
    effectiveFrom: '2024-05-14T09:00:00+02:00',
    present: ['chair', 'beronius', 'l3', 'l4', 'e1', 'e2'],
    absent: ['l5'],
    servingSubstitutes: [{ substituteId: 'e1', forMemberId: 'l5' }],
  },
};

/** From 10:15: l4 leaves too; e2 serves for l4 and e1 for l5 (an ersättare steps in mid-meeting). */
export const ersattareStepsIn: MeetingCommand = {
  type: 'RecordAttendance',
  data: {
    meetingId: MEETING,
    effectiveFrom: '2024-05-14T10:15:00+02:00',
    present: ['chair', 'beronius', 'l3', 'e1', 'e2'],
    absent: ['l4', 'l5'],
    servingSubstitutes: [
      { substituteId: 'e1', forMemberId: 'l5' },
      { substituteId: 'e2', forMemberId: 'l4' },
    ],
  },
};

export const adjusters: MeetingCommand = {
  type: 'AppointAdjusters',
  data: {
    meetingId: MEETING,
    adjusters: ['beronius'],
    justeringAt: '2024-05-21T15:00:00+02:00',
    justeringPlace: 'Kommunledningskontoret',
  },
};

export const open: MeetingCommand = {
  type: 'OpenMeeting',
  data: { meetingId: MEETING, at: '2024-05-14T09:00:00+02:00' },
};
export const close: MeetingCommand = {
  type: 'CloseMeeting',
  data: { meetingId: MEETING, at: '2024-05-14T11:00:00+02:00' },
};
export const justifyProtocol: MeetingCommand = {
  type: 'JustifyProtocol',
  data: { meetingId: MEETING, byMemberIds: ['chair', 'beronius'], at: '2024-05-21T15:00:00+02:00' },
};

export const meetingEvents = (...commands: MeetingCommand[]): MeetingEvent[] => run(meetingDecider, commands);
export const meetingState = (...commands: MeetingCommand[]): MeetingState =>
  fold(meetingDecider, meetingEvents(...commands));

/** A meeting in session: scheduled, attendance, adjusters, opened. */
export const inSession = (...more: MeetingCommand[]) =>
  meetingState(schedule, attendance, adjusters, open, ...more);

export const openParagraph: OpenParagraph = {
  type: 'OpenParagraph',
  data: {
    paragraphId: P,
    meetingId: MEETING,
    number: 65,
    caseNumber: 'KS 2024-15',
    title: 'Delårsrapport 1 per april 2024 för kommunstyrelsen',
    summary: ['Kommunstyrelsen har upprättat delårsrapport per april 2024.'],
    basisDocuments: ['Tjänsteutlåtande - Delårsrapport per april kommunstyrelsen'],
    proposal: {
      proposer: 'kommunstyrelsekontoret',
      document: 'tjänsteutlåtande',
      decision: {
        proposesTo: {
          body: 'Kommunstyrelsen',
          items: [
            'Godkänna förseningar av uppdrag/initiativ under 2024 enligt tabell A nedan',
            'I övrigt godkänna delårsrapporten per april 2024.',
          ],
        },
      },
    },
  },
};

/** Decide paragraph commands in order against a fixed meeting state; returns the events. */
export function paragraphEvents(
  meeting: MeetingState,
  commands: readonly ParagraphCommand[],
  history: readonly ParagraphEvent[] = [],
): ParagraphEvent[] {
  const ctx: ParagraphContext = { meeting };
  return run(paragraphDecider, commands, ctx, history);
}

// Paragraph command builders (ids default to readable names).
export const cmd = {
  propose: (motionId: string, proposerId: string, kind: string, extra: object = {}): ParagraphCommand =>
    ({
      type: 'ProposeMotion',
      data: { paragraphId: P, motionId, proposerId, kind, ...extra },
    }) as ParagraphCommand,
  support: (motionId: string, memberId: string): ParagraphCommand => ({
    type: 'SupportMotion',
    data: { paragraphId: P, motionId, memberId },
  }),
  withdraw: (motionId: string): ParagraphCommand => ({
    type: 'WithdrawMotion',
    data: { paragraphId: P, motionId },
  }),
  ask: (questionId: string, puts: string[], finding: string): ParagraphCommand => {
    const toRef = (x: string) =>
      x === 'proposal' ? { kind: 'proposal' as const } : { kind: 'motion' as const, motionId: x };
    return {
      type: 'AskQuestion',
      data: {
        paragraphId: P,
        questionId,
        puts: puts.map(toRef),
        finding: finding === 'rejected' ? 'rejected' : toRef(finding),
      },
    };
  },
  requestVote: (voteId: string, requestedById: string, questionId: string): ParagraphCommand => ({
    type: 'RequestVote',
    data: { paragraphId: P, voteId, requestedById, questionId },
  }),
  proposition: (
    voteId: string,
    kind: 'huvudvotering' | 'kontraproposition',
    ja: string,
    nej: string,
  ): ParagraphCommand => {
    const toRef = (x: string) =>
      x === 'proposal' ? { kind: 'proposal' as const } : { kind: 'motion' as const, motionId: x };
    return {
      type: 'ApproveVoteProposition',
      data: { paragraphId: P, voteId, kind, ja: toRef(ja), nej: toRef(nej) },
    };
  },
  hold: (
    voteId: string,
    votes: Record<string, 'ja' | 'nej' | 'avstar'>,
    castingVote?: 'ja' | 'nej',
  ): ParagraphCommand => ({
    type: 'HoldVote',
    data: {
      paragraphId: P,
      voteId,
      votes: Object.entries(votes).map(([memberId, vote]) => ({ memberId, vote })),
      ...(castingVote ? { castingVote } : {}),
    },
  }),
  decide: (
    decisionId = 'd1',
    kind: 'sakbeslut' | 'aterremiss' | 'bordlaggning' = 'sakbeslut',
    extra: object = {},
  ): ParagraphCommand => ({
    type: 'AdoptDecision',
    data: {
      paragraphId: P,
      decisionId,
      kind,
      ...(kind === 'sakbeslut' ? { content: { ownDecisions: ['att godkänna rapporten'] } } : {}),
      ...extra,
    },
  }),
  reserve: (
    reservationId: string,
    memberId: string,
    decisionId = 'd1',
    reasons?: string,
  ): ParagraphCommand => ({
    type: 'EnterReservation',
    data: { paragraphId: P, reservationId, memberId, decisionId, ...(reasons ? { reasons } : {}) },
  }),
  recuse: (memberId: string): ParagraphCommand => ({
    type: 'DeclareRecusal',
    data: { paragraphId: P, memberId },
  }),
  distribute: (...recipients: string[]): ParagraphCommand => ({
    type: 'SetDistribution',
    data: { paragraphId: P, recipients },
  }),
  justify: (immediate = true, byMemberIds = ['chair', 'beronius']): ParagraphCommand => ({
    type: 'JustifyParagraph',
    data: { paragraphId: P, byMemberIds, at: '2024-05-14T10:00:00+02:00', immediate },
  }),
};

/** Serving now (see `attendance`): chair, beronius, l3, l4, e1 — five; e2 present but not serving. */
export const allServing = ['chair', 'beronius', 'l3', 'l4', 'e1'];

export type { DomainCommand };
