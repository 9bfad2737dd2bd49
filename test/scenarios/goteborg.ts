/**
 * Göteborgs Stad, kommunstyrelsen 2024-10-23 (protokoll nr 30), § 857
 * (test/fixtures/goteborg-ks-2024-s857.txt, a public record; source in test/fixtures/README.md),
 * as the commands a clerk records: an ärende tabled at an earlier meeting (a free reference,
 * § 794 is not in the system), three yrkanden that refer to party groups' written yrkanden, the
 * återremiss tried first, a votering asked for without a recorded requester, the roll call
 * (7 Ja, 6 Nej, a serving ersättare and the chair among them), the återremiss decision recorded
 * verbatim as the protocol words it, and a joint reservation of five members with its written
 * reasons.
 *
 * The texts and the fourteen named people are the record's; who the serving ersättare replaced
 * (Sara Lind), the time, the place, the secretary and the justering are invented and do not
 * appear in the paragraph. The roll call is recorded in the order the protocol prints it.
 */
import type { ScenarioCommand } from './types.js';

export const goteborgIds = {
  meetingId: '6071e7a0-0000-4000-8000-2024102300001',
  paragraphId: '6071e7a0-0000-4000-8000-202410230857',
  motionHulter: '6071e7a0-0000-4000-8000-2024102357a1',
  motionJosefson: '6071e7a0-0000-4000-8000-2024102357a2',
  motionFogelklou: '6071e7a0-0000-4000-8000-2024102357a3',
  question: '6071e7a0-0000-4000-8000-2024102357b1',
  vote: '6071e7a0-0000-4000-8000-2024102357c1',
  decision: '6071e7a0-0000-4000-8000-2024102357d1',
  reservation: '6071e7a0-0000-4000-8000-2024102357e1',
} as const;

export const goteborgBody = { id: 'goteborg-ks', name: 'Kommunstyrelsen', shortName: 'KS' } as const;

const ledamot = (memberId: string, name: string, party: string) =>
  ({ memberId, name, party, role: 'ledamot' }) as const;
const ersattare = (memberId: string, name: string, party: string) =>
  ({ memberId, name, party, role: 'ersattare' }) as const;

export const goteborgMembers = [
  ledamot('ks-attenius', 'Jonas Attenius', 'S'),
  ledamot('ks-bernmar', 'Daniel Bernmar', 'V'),
  ledamot('ks-rolka', 'Viktoria Tryggvadottir Rolka', 'S'),
  ledamot('ks-hoti', 'Blerta Hoti', 'S'),
  ledamot('ks-broman', 'Jenny Broman', 'V'),
  ledamot('ks-johansson', 'Marina Johansson', 'S'),
  // Invented: the ledamot whose seat the serving ersättare took is not named in the paragraph.
  ledamot('ks-lind', 'Sara Lind', 'S'),
  ledamot('ks-josefson', 'Axel Josefson', 'M'),
  ledamot('ks-magnusson', 'Hampus Magnusson', 'M'),
  ledamot('ks-wannholt', 'Martin Wannholt', 'D'),
  ledamot('ks-fogelklou', 'Jörgen Fogelklou', 'SD'),
  ledamot('ks-darvik', 'Axel Darvik', 'L'),
  ledamot('ks-lann', 'Elisabet Lann', 'KD'),
  ersattare('ks-hulter', 'Johannes Hulter', 'S'),
] as const;

/** The roll call as the protocol prints it: Ja, then Nej; the chair votes last. */
const rollCall = [
  ['ks-bernmar', 'ja'],
  ['ks-rolka', 'ja'],
  ['ks-hoti', 'ja'],
  ['ks-broman', 'ja'],
  ['ks-johansson', 'ja'],
  ['ks-hulter', 'ja'],
  ['ks-attenius', 'ja'],
  ['ks-josefson', 'nej'],
  ['ks-magnusson', 'nej'],
  ['ks-wannholt', 'nej'],
  ['ks-fogelklou', 'nej'],
  ['ks-darvik', 'nej'],
  ['ks-lann', 'nej'],
] as const;

/** The beslut as the protocol words it (the återremissyrkande of S, V and MP). */
export const goteborgDecisionText = [
  'Enligt återremissyrkande från S, V och MP:',
  'Ärendet återremitteras till exploateringsnämnden med följande uppdrag:',
  '• Utreda frågan om otillåtet statsstöd.',
  '• Ta fram en samhällsekonomisk analys av projektets nytta.',
  '• Ta fram en redogörelse för de ekonomiska riskerna för staden om FUAB skulle få problem att betala avgälden under de första 30 åren.',
  '• Ta fram en redogörelse för vilka garantier som har givits, och som finns för att investeringen kommer skapa fler arbetstillfällen i Göteborg.',
  '• Ta fram en tydligare beskrivning av hur projektet och den planerade verksamheten förhåller sig till gällande översiktsplan samt stadens miljö- och klimatprogram inklusive en redogörelse av projektets klimatpåverkan.',
] as const;

/** The five members' written reasons, as handed in (source typos kept). */
export const goteborgReservationReasons =
  'Moderaterna, Demokraterna, Liberalerna och Kristdemokraterna reserverar sig mot Socialdemokraternas och Vänsterpartiets beslut att återemittera ärendet till exploateringsnämnden. Det är demokratiskt olyckligt att de utnyttjar en falsk majoritet i kommunstyrelsen att fördröja ett ärende där det sannolikt finns en majoritet i kommunfullmäktige för godkännande av föreslagen planeringsinriktning och projektram. Frågan om godkännande eller återremiss borde därför ha fått avgöras i kommunfullmäktige. Dessutom omfattar återremissen uppdrag om ytterligare utredning om frågan om statsstöd och en samhällsekonomis analys, vilka exploateringsförvaltningen vid nämndbeslutet sa sig ha problem att omhänderta. Frågan om projektet ska ses som otillåtet statsstöd eller inte har utretts och bedömts av förvaltningen så långt som går och nästa steg är att i ett senare skede göra en regelrätt ansökan om godkännande till EU-kommissionen. Exploateringsförvaltningen har inte information, verktyg och kompetens för att kunna göra den omfattande samhällsekonomisk analys som efterfrågas.';

const { meetingId, paragraphId } = goteborgIds;

export const goteborgCommands: ScenarioCommand[] = [
  {
    type: 'ScheduleMeeting',
    data: {
      meetingId,
      body: goteborgBody,
      date: '2024-10-23',
      startTime: '09:00',
      place: 'Stadshuset, Göteborg',
      chair: 'ks-attenius',
      secretary: { name: 'Eva Holm', title: 'kommunsekreterare' },
      members: goteborgMembers,
    },
  },
  {
    type: 'RecordAttendance',
    data: {
      meetingId,
      effectiveFrom: '2024-10-23T09:00:00+02:00',
      present: goteborgMembers.filter((m) => m.memberId !== 'ks-lind').map((m) => m.memberId),
      absent: ['ks-lind'],
      servingSubstitutes: [{ substituteId: 'ks-hulter', forMemberId: 'ks-lind' }],
    },
  },
  {
    type: 'AppointAdjusters',
    data: {
      meetingId,
      adjusters: ['ks-josefson'],
      justeringAt: '2024-10-28T10:00:00+01:00',
      justeringPlace: 'Stadsledningskontoret',
    },
  },
  { type: 'OpenMeeting', data: { meetingId, at: '2024-10-23T09:00:00+02:00' } },
  {
    type: 'ReserveParagraphNumber',
    data: { bodyId: goteborgBody.id, year: 2024, number: 857, paragraphId, meetingId },
  },
  {
    type: 'OpenParagraph',
    data: {
      paragraphId,
      meetingId,
      number: 857,
      caseNumber: 'SLK-2024-00702',
      title:
        'Hemställan från exploateringsnämnden om en planeringsinriktning Fiskebäcks hamn, muddring och utbyggnad av kajer',
      summary: [],
      basisDocuments: [
        'Stadsledningskontorets tjänsteutlåtande den 11 september 2024.',
        'Yrkande från SD den 30 september 2024.',
        'Yrkande från M, D, L och KD den 4 oktober 2024.',
        'Återremissyrkande från S, V och MP den 18 oktober 2024.',
      ],
      // The förslag's wording is not in the paragraph (the beslut was återremiss), so none is recorded.
      proposal: { proposer: 'stadsledningskontoret', document: 'tjänsteutlåtande', decision: {} },
      earlierReference: {
        body: 'Kommunstyrelsen',
        date: '2024-10-09',
        paragraph: '§ 794',
        outcome: 'bordlaggning',
      },
    },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId,
      motionId: goteborgIds.motionHulter,
      proposerId: 'ks-hulter',
      kind: 'aterremiss',
      text: 'enligt yrkande från S, V och MP den 18 oktober 2024 samt avslag på övriga yrkanden.',
    },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId,
      motionId: goteborgIds.motionJosefson,
      proposerId: 'ks-josefson',
      kind: 'fritt',
      text: 'bifall till yrkande från M, D, L och KD den 4 oktober 2024 och avslag på återremissyrkande från S, V och MP den 18 oktober 2024.',
    },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId,
      motionId: goteborgIds.motionFogelklou,
      proposerId: 'ks-fogelklou',
      kind: 'fritt',
      text: 'bifall till yrkande från SD den 30 september 2024.',
    },
  },
  {
    type: 'AskQuestion',
    data: {
      paragraphId,
      questionId: goteborgIds.question,
      puts: [{ kind: 'motion', motionId: goteborgIds.motionHulter }, { kind: 'proposal' }],
      finding: { kind: 'motion', motionId: goteborgIds.motionHulter },
    },
  },
  // "Omröstning begärs." — the protocol does not say who asked.
  { type: 'RequestVote', data: { paragraphId, voteId: goteborgIds.vote, questionId: goteborgIds.question } },
  {
    type: 'ApproveVoteProposition',
    data: {
      paragraphId,
      voteId: goteborgIds.vote,
      kind: 'huvudvotering',
      ja: { kind: 'motion', motionId: goteborgIds.motionHulter },
      nej: { kind: 'proposal' },
    },
  },
  {
    type: 'HoldVote',
    data: {
      paragraphId,
      voteId: goteborgIds.vote,
      votes: rollCall.map(([memberId, vote]) => ({ memberId, vote })),
    },
  },
  {
    type: 'AdoptDecision',
    data: {
      paragraphId,
      decisionId: goteborgIds.decision,
      kind: 'aterremiss',
      content: { verbatim: true, text: [...goteborgDecisionText] },
    },
  },
  {
    type: 'EnterReservation',
    data: {
      paragraphId,
      reservationId: goteborgIds.reservation,
      memberIds: ['ks-josefson', 'ks-magnusson', 'ks-wannholt', 'ks-darvik', 'ks-lann'],
      decisionId: goteborgIds.decision,
    },
  },
  {
    type: 'SubmitReservationReasons',
    data: { paragraphId, reservationId: goteborgIds.reservation, reasons: goteborgReservationReasons },
  },
  { type: 'SetDistribution', data: { paragraphId, recipients: ['Exploateringsnämnden - Återremiss'] } },
  { type: 'CloseMeeting', data: { meetingId, at: '2024-10-23T16:00:00+02:00' } },
  {
    type: 'JustifyParagraph',
    data: {
      paragraphId,
      byMemberIds: ['ks-attenius', 'ks-josefson'],
      at: '2024-10-28T10:00:00+01:00',
      immediate: false,
    },
  },
];
