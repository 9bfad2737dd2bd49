/**
 * A sample meeting and paragraph for previewing a draft house style: invented people, and a
 * flow that uses most phrases (two yrkanden with support, a proposition, a votering with roll
 * call, a decision, a reservation, a protokollsanteckning, recipients, justering).
 */
import type { MeetingEvent, Member, MemberRef, ParagraphEvent } from '@app/domain';
import { meetingView, paragraphView, type MeetingView, type ParagraphView } from '../views.js';

const body = { id: 'exempel', name: 'Miljö- och byggnämnden', shortName: 'MBN' } as const;
const members: Member[] = [
  { memberId: 'a', name: 'Ulla Svensson', party: 'S', role: 'ledamot' },
  { memberId: 'b', name: 'Anders Berg', party: 'M', role: 'ledamot' },
  { memberId: 'c', name: 'Klara Lind', party: 'V', role: 'ledamot' },
  { memberId: 'd', name: 'Erik Holm', party: 'C', role: 'ledamot' },
  { memberId: 'e', name: 'Sara Nilsson', party: 'KD', role: 'ledamot' },
];
const ref = (id: string): MemberRef => {
  const m = members.find((x) => x.memberId === id)!;
  return { memberId: m.memberId, name: m.name, party: m.party };
};
const meetingId = 'exempel-sammantrade';
const paragraphId = 'exempel-paragraf';

const meetingEvents: MeetingEvent[] = [
  {
    type: 'MeetingScheduled',
    data: {
      meetingId,
      body,
      date: '2025-03-12',
      startTime: '09:00',
      place: 'Kommunhuset, sal B',
      chair: 'a',
      secretary: { name: 'Maria Sekreterare', title: 'nämndsekreterare' },
      members,
    },
  },
  {
    type: 'AttendanceRecorded',
    data: {
      meetingId,
      effectiveFrom: '2025-03-12T09:00:00+01:00',
      present: ['a', 'b', 'c', 'd', 'e'],
      absent: [],
      servingSubstitutes: [],
      others: [],
    },
  },
  {
    type: 'AdjustersAppointed',
    data: {
      meetingId,
      adjusters: ['b'],
      justeringAt: '2025-03-14T10:00:00+01:00',
      justeringPlace: 'Kommunhuset',
    },
  },
  { type: 'MeetingOpened', data: { meetingId, at: '2025-03-12T09:00:00+01:00' } },
];

const serving = ['a', 'b', 'c', 'd', 'e'].map(ref);
const paragraphEvents: ParagraphEvent[] = [
  {
    type: 'ParagraphOpened',
    data: {
      paragraphId,
      meetingId,
      body,
      year: 2025,
      number: 23,
      caseNumber: 'MBN 2025/41',
      title: 'Taxa för offentlig kontroll av livsmedel',
      summary: ['Förvaltningen har sett över taxan och föreslår en ny timavgift.'],
      basisDocuments: ['Tjänsteskrivelse 2025-02-20', 'Förslag till taxa'],
      proposal: {
        proposer: 'miljöförvaltningen',
        document: 'tjänsteskrivelse',
        decision: { proposesTo: { body: 'Kommunfullmäktige', items: ['Anta taxan.'] } },
      },
    },
  },
  {
    type: 'MotionProposed',
    data: { paragraphId, motionId: 'y1', proposer: ref('b'), kind: 'bifall', refersTo: { kind: 'proposal' } },
  },
  { type: 'MotionSupported', data: { paragraphId, motionId: 'y1', member: ref('d') } },
  {
    type: 'MotionProposed',
    data: { paragraphId, motionId: 'y2', proposer: ref('c'), kind: 'avslag', refersTo: { kind: 'proposal' } },
  },
  {
    type: 'ChairAskedQuestion',
    data: {
      paragraphId,
      questionId: 'q1',
      puts: [
        { kind: 'motion', motionId: 'y1' },
        { kind: 'motion', motionId: 'y2' },
      ],
      finding: { kind: 'motion', motionId: 'y1' },
    },
  },
  { type: 'VoteRequested', data: { paragraphId, voteId: 'v1', questionId: 'q1', requestedBy: ref('c') } },
  {
    type: 'VotePropositionApproved',
    data: {
      paragraphId,
      voteId: 'v1',
      kind: 'huvudvotering',
      ja: { kind: 'motion', motionId: 'y1' },
      nej: { kind: 'motion', motionId: 'y2' },
    },
  },
  {
    type: 'VoteHeld',
    data: {
      paragraphId,
      voteId: 'v1',
      kind: 'huvudvotering',
      votes: [
        { member: ref('b'), vote: 'ja' },
        { member: ref('c'), vote: 'nej' },
        { member: ref('d'), vote: 'ja' },
        { member: ref('e'), vote: 'avstar' },
        { member: ref('a'), vote: 'ja' },
      ],
      tally: { ja: 3, nej: 1, avstar: 1 },
      outcome: 'ja',
    },
  },
  {
    type: 'DecisionAdopted',
    data: {
      paragraphId,
      decisionId: 'd1',
      kind: 'sakbeslut',
      basedOn: { questionIds: ['q1'], voteId: 'v1' },
      participants: serving,
    },
  },
  {
    type: 'ReservationEntered',
    data: {
      paragraphId,
      reservationId: 'r1',
      member: ref('c'),
      decisionId: 'd1',
      reasons: 'till förmån för eget yrkande',
    },
  },
  {
    type: 'ProtocolNoteEntered',
    data: {
      paragraphId,
      noteId: 'n1',
      member: ref('e'),
      text: 'Jag avstår eftersom taxan bör ses över i sin helhet.',
    },
  },
  { type: 'DistributionSet', data: { paragraphId, recipients: ['Kommunfullmäktige', 'Miljöförvaltningen'] } },
];

/** The sample as views, built fresh for each preview. */
export function previewSample(): { meeting: MeetingView; paragraph: ParagraphView } {
  return { meeting: meetingView(meetingEvents), paragraph: paragraphView(paragraphEvents) };
}
