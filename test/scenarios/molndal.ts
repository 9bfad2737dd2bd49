/**
 * Mölndals stad, kommunfullmäktige 2024-04-17, § 75 (test/fixtures/molndal-kf-2024-s75.txt, a
 * public record; source in test/fixtures/README.md), as the commands a clerk records: one
 * member's förslag to reject the ärende, two members' support of kommunstyrelsen's förslag, the
 * chair setting the förslag against each other, a votering asked for without a recorded
 * requester with the names in the appendix (50 Ja, 7 Nej, 3 avstår, 1 seat empty), the beslut
 * in the protocol's own words, and the Sverigedemokraterna group's reservation.
 *
 * The texts and the three named members are the record's (the chair, Per Malm (M), is named
 * elsewhere in the same protocol). The other 57 members of the 61 seats are placeholders
 * ("Ledamot 5" …) with invented parties and votes that match the published counts: the
 * individual votes are in the protocol's Omröstningslista, which is not transcribed. Time, place,
 * secretary and justering are invented too; none of it appears in the paragraph.
 */
import type { ScenarioCommand } from './types.js';

export const molndalIds = {
  meetingId: '3011e7a0-0000-4000-8000-2024041700001',
  paragraphId: '3011e7a0-0000-4000-8000-202404170075',
  motionLinderLood: '3011e7a0-0000-4000-8000-2024041775a1',
  question: '3011e7a0-0000-4000-8000-2024041775b1',
  vote: '3011e7a0-0000-4000-8000-2024041775c1',
  decision: '3011e7a0-0000-4000-8000-2024041775d1',
  reservation: '3011e7a0-0000-4000-8000-2024041775e1',
} as const;

export const molndalBody = { id: 'molndal-kf', name: 'Kommunfullmäktige', shortName: 'KF' } as const;

const ledamot = (memberId: string, name: string, party: string) =>
  ({ memberId, name, party, role: 'ledamot' }) as const;

/** Invented parties for the placeholder seats: 6 more SD (7 with Martin Linder-Lood), the rest. */
const placeholderParties = [
  ...Array<string>(6).fill('SD'),
  ...Array<string>(15).fill('S'),
  ...Array<string>(11).fill('M'),
  ...Array<string>(6).fill('L'),
  ...Array<string>(5).fill('C'),
  ...Array<string>(5).fill('KD'),
  ...Array<string>(5).fill('V'),
  ...Array<string>(4).fill('MP'),
];
const placeholders = placeholderParties.map((party, i) => ledamot(`kf-${i + 5}`, `Ledamot ${i + 5}`, party));

export const molndalMembers = [
  ledamot('kf-malm', 'Per Malm', 'M'),
  ledamot('kf-linder-lood', 'Martin Linder-Lood', 'SD'),
  ledamot('kf-gustafsson', 'Stefan Gustafsson', 'S'),
  ledamot('kf-hedberg', 'Linus Hedberg', 'M'),
  ...placeholders,
];

/** One seat is empty (no ersättare served) and three members abstain: who is invented. */
const absentId = 'kf-60';
const abstaining = new Set(['kf-51', 'kf-52', 'kf-53']);
const voteOf = (m: { memberId: string; party: string }) =>
  m.party === 'SD' ? 'nej' : abstaining.has(m.memberId) ? 'avstar' : 'ja';

export const molndalProposal =
  'att godkänna avtalet om produktionsmiljö för dans i Forsåker och uppdra åt kultur- och fritidsnämnden att för stadens räkning ansvara för huvudmannaskapet för verksamheten.';

const { meetingId, paragraphId } = molndalIds;

export const molndalCommands: ScenarioCommand[] = [
  {
    type: 'ScheduleMeeting',
    data: {
      meetingId,
      body: molndalBody,
      date: '2024-04-17',
      startTime: '18:30',
      place: 'Stadshuset, Mölndal',
      chair: 'kf-malm',
      secretary: { name: 'Lena Berg', title: 'kommunsekreterare' },
      members: molndalMembers,
    },
  },
  {
    type: 'RecordAttendance',
    data: {
      meetingId,
      effectiveFrom: '2024-04-17T18:30:00+02:00',
      present: molndalMembers.filter((m) => m.memberId !== absentId).map((m) => m.memberId),
      absent: [absentId],
      servingSubstitutes: [],
    },
  },
  {
    type: 'AppointAdjusters',
    data: {
      meetingId,
      adjusters: ['kf-gustafsson', 'kf-hedberg'],
      justeringAt: '2024-04-23T15:00:00+02:00',
      justeringPlace: 'Stadshuset',
    },
  },
  { type: 'OpenMeeting', data: { meetingId, at: '2024-04-17T18:30:00+02:00' } },
  {
    type: 'ReserveParagraphNumber',
    data: { bodyId: molndalBody.id, year: 2024, number: 75, paragraphId, meetingId },
  },
  {
    type: 'OpenParagraph',
    data: {
      paragraphId,
      meetingId,
      number: 75,
      caseNumber: '00346/2024',
      title: 'Avtal om produktionsmiljö dans i Forsåker',
      summary: [
        'Västra Götalandsregionen och Mölndals stad har sedan 2019 samarbetat för en etablering av en långsiktigt hållbar produktionsmiljö för dans i Mölndal. Samarbetet inleddes officiellt mellan parterna i mars 2020 och parterna undertecknade en avsiktsförklaring den 31 december 2022.',
        'Efter förhandlingar har nu parterna arbetat fram ett förslag på ett långsiktigt avtal mellan parterna. För sin giltighet ska avtalet godkännas av kommunfullmäktige i Mölndals stad och kulturnämnden i Västra Götalandsregionen.',
        'Avtalet bygger på att etableringen ska ske i Forsåkerområdet, att Mölndals stad ska åta sig huvudmannaskapet för verksamheten och att Mölndals stad ska teckna hyresavtal med MölnDala Fastighets AB. Regionen ska stå som huvudfinansiär och Mölndals stads finansiella insats ska vara maximerat till de belopp som framgår av avtalet.',
        'Uppgiften att ansvara för huvudmannaskapet bör för stadens vidkommande åläggas kultur- och fritidsnämnden. Detta ankommer på kommunfullmäktige att bestämma. Kultur- och fritidsnämnden har yttrat sig positivt i frågan.',
      ],
      basisDocuments: [
        'Kommunstyrelsen har behandlat ärendet den 27 mars 2024, § 88.',
        'Arbetsutskottet har behandlat ärendet den 13 mars 2024, § 35.',
        'Stadsledningsförvaltningens tjänsteskrivelse daterad 12 mars 2024.',
        'Kultur- och fritidsnämnden har behandlat ärendet den 19 mars 2024, § 33.',
        'Kultur- och fritidsförvaltningens tjänsteskrivelse daterad 12 mars 2024.',
        'Avtal angående dansproduktion Forsåker.',
        'Bilaga 1. Budget Produktionsmiljö dans.',
      ],
      proposal: { proposer: 'Kommunstyrelsen', decision: { ownDecisions: [molndalProposal] } },
    },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId,
      motionId: molndalIds.motionLinderLood,
      proposerId: 'kf-linder-lood',
      kind: 'avslag',
    },
  },
  { type: 'SupportProposal', data: { paragraphId, memberId: 'kf-gustafsson' } },
  { type: 'SupportProposal', data: { paragraphId, memberId: 'kf-hedberg' } },
  {
    type: 'AskQuestion',
    data: {
      paragraphId,
      questionId: molndalIds.question,
      puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: molndalIds.motionLinderLood }],
      finding: { kind: 'proposal' },
    },
  },
  // "Omröstning begärs" — the protocol does not say who asked.
  { type: 'RequestVote', data: { paragraphId, voteId: molndalIds.vote, questionId: molndalIds.question } },
  {
    type: 'ApproveVoteProposition',
    data: {
      paragraphId,
      voteId: molndalIds.vote,
      kind: 'huvudvotering',
      ja: { kind: 'proposal' },
      nej: { kind: 'motion', motionId: molndalIds.motionLinderLood },
    },
  },
  {
    type: 'HoldVote',
    data: {
      paragraphId,
      voteId: molndalIds.vote,
      votes: molndalMembers
        .filter((m) => m.memberId !== absentId)
        .map((m) => ({ memberId: m.memberId, vote: voteOf(m) })),
      namesInAppendix: true,
    },
  },
  {
    type: 'AdoptDecision',
    data: {
      paragraphId,
      decisionId: molndalIds.decision,
      kind: 'sakbeslut',
      content: {
        verbatim: true,
        text: [
          'Kommunfullmäktige godkänner avtalet om produktionsmiljö för dans i Forsåker och uppdrar åt kultur- och fritidsnämnden att för stadens räkning ansvara för huvudmannaskapet för verksamheten.',
        ],
      },
    },
  },
  {
    type: 'EnterReservation',
    data: {
      paragraphId,
      reservationId: molndalIds.reservation,
      group: { party: 'SD', name: 'Sverigedemokraterna' },
      decisionId: molndalIds.decision,
      reasons: 'till förmån för Martin Linder-Loods (SD) förslag.',
    },
  },
  {
    type: 'SetDistribution',
    data: {
      paragraphId,
      recipients: ['Stadsledningsförvaltningen', 'kultur- och fritidsnämnden', 'Västra Götalandsregionen'],
    },
  },
  { type: 'CloseMeeting', data: { meetingId, at: '2024-04-17T22:00:00+02:00' } },
  {
    type: 'JustifyParagraph',
    data: {
      paragraphId,
      byMemberIds: ['kf-malm', 'kf-gustafsson', 'kf-hedberg'],
      at: '2024-04-23T15:00:00+02:00',
      immediate: false,
    },
  },
];
