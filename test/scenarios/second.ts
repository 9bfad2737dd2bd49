/**
 * The second golden scenario: a fictional meeting of utbildningsnämnden (17 ledamöter) with
 * two paragraphs.
 *
 * §41 — competing yrkanden (bifall to the proposal, an avslag, an ändringsyrkande) with
 *   supporters; a ledamot declares jäv; avslag is tried against the proposal, then the
 *   ändringsyrkande, where votering is demanded: 11 ja, 2 nej, 2 avstår among the 15 who take
 *   part (16 serving, one recused); a reservation with written reasons; a protokollsanteckning.
 * §42 — an återremiss with its motivation, tried first as a formal yrkande and decided.
 *
 * The whole protocol is then justerat and announced. The expected extracts are written by
 * hand in test/fixtures/second-scenario.txt.
 */
import type { ScenarioCommand } from './types.js';

export const secondIds = {
  meetingId: '7c2e0b9e-2d4f-4c55-8a61-410000000001',
  p41: '7c2e0b9e-2d4f-4c55-8a61-410000000041',
  p42: '7c2e0b9e-2d4f-4c55-8a61-410000000042',
  bifall41: '7c2e0b9e-2d4f-4c55-8a61-4100000041a1',
  avslag41: '7c2e0b9e-2d4f-4c55-8a61-4100000041a2',
  andring41: '7c2e0b9e-2d4f-4c55-8a61-4100000041a3',
  qAvslag41: '7c2e0b9e-2d4f-4c55-8a61-4100000041b1',
  qAndring41: '7c2e0b9e-2d4f-4c55-8a61-4100000041b2',
  vote41: '7c2e0b9e-2d4f-4c55-8a61-4100000041c1',
  decision41: '7c2e0b9e-2d4f-4c55-8a61-4100000041d1',
  reservation41: '7c2e0b9e-2d4f-4c55-8a61-4100000041e1',
  note41: '7c2e0b9e-2d4f-4c55-8a61-4100000041f1',
  bifall42: '7c2e0b9e-2d4f-4c55-8a61-4100000042a1',
  aterremiss42: '7c2e0b9e-2d4f-4c55-8a61-4100000042a2',
  q42: '7c2e0b9e-2d4f-4c55-8a61-4100000042b1',
  decision42: '7c2e0b9e-2d4f-4c55-8a61-4100000042d1',
} as const;

export const secondBody = { id: 'un', name: 'Utbildningsnämnden', shortName: 'UN' } as const;

const ledamot = (memberId: string, name: string, party: string) =>
  ({ memberId, name, party, role: 'ledamot' }) as const;
const ersattare = (memberId: string, name: string, party: string) =>
  ({ memberId, name, party, role: 'ersattare' }) as const;

export const secondMembers = [
  ledamot('un-lindgren', 'Maria Lindgren', 'M'),
  ledamot('un-berg', 'Johan Berg', 'M'),
  ledamot('un-holmberg', 'Sara Holmberg', 'M'),
  ledamot('un-wallin', 'Erik Wallin', 'M'),
  ledamot('un-sand', 'Fredrik Sand', 'M'),
  ledamot('un-nystrom', 'Sofia Nyström', 'KD'),
  ledamot('un-ahlberg', 'Per Ahlberg', 'L'),
  ledamot('un-ek', 'Hanna Ek', 'L'),
  ledamot('un-wiklund', 'Tomas Wiklund', 'C'),
  ledamot('un-dahl', 'Karin Dahl', 'C'),
  ledamot('un-olsson', 'Mats Olsson', 'SD'),
  ledamot('un-falk', 'Linnea Falk', 'SD'),
  ledamot('un-nilsson', 'Anders Nilsson', 'S'),
  ledamot('un-lund', 'Eva Lund', 'S'),
  ledamot('un-sjogren', 'Björn Sjögren', 'S'),
  ledamot('un-haddad', 'Leila Haddad', 'V'),
  ledamot('un-holm', 'Lars Holm', 'MP'),
  ersattare('un-strom', 'Cecilia Ström', 'M'),
  ersattare('un-berglund', 'Nils Berglund', 'KD'),
  ersattare('un-demir', 'Ali Demir', 'S'),
] as const;

const { meetingId, p41, p42 } = secondIds;
const proposal = { kind: 'proposal' } as const;
const motion = (motionId: string) => ({ kind: 'motion', motionId }) as const;

/** §41's roll call in the order called; the chair votes last. */
const rollCall41 = [
  ['un-berg', 'ja'],
  ['un-holmberg', 'ja'],
  ['un-wallin', 'ja'],
  ['un-strom', 'ja'],
  ['un-nystrom', 'ja'],
  ['un-ahlberg', 'ja'],
  ['un-ek', 'ja'],
  ['un-dahl', 'ja'],
  ['un-olsson', 'ja'],
  ['un-falk', 'ja'],
  ['un-nilsson', 'nej'],
  ['un-lund', 'nej'],
  ['un-haddad', 'avstar'],
  ['un-holm', 'avstar'],
  ['un-lindgren', 'ja'],
] as const;

export const secondCommands: ScenarioCommand[] = [
  {
    type: 'ScheduleMeeting',
    data: {
      meetingId,
      body: secondBody,
      date: '2024-06-11',
      startTime: '18:00',
      place: 'Stadshuset, sammanträdesrum Ekbacken',
      chair: 'un-lindgren',
      secretary: { name: 'Johanna Björk', title: 'nämndsekreterare' },
      members: secondMembers,
    },
  },
  {
    type: 'RecordAttendance',
    data: {
      meetingId,
      effectiveFrom: '2024-06-11T18:00:00+02:00',
      present: secondMembers
        .filter((m) => !['un-sand', 'un-sjogren', 'un-demir'].includes(m.memberId))
        .map((m) => m.memberId),
      absent: ['un-sand', 'un-sjogren', 'un-demir'],
      servingSubstitutes: [{ substituteId: 'un-strom', forMemberId: 'un-sand' }],
      others: [
        { name: 'Mikael Strand', title: 'förvaltningschef' },
        { name: 'Elin Åberg', title: 'controller' },
      ],
    },
  },
  {
    type: 'AppointAdjusters',
    data: {
      meetingId,
      adjusters: ['un-dahl'],
      justeringAt: '2024-06-13T09:00:00+02:00',
      justeringPlace: 'Utbildningsförvaltningen',
    },
  },
  { type: 'OpenMeeting', data: { meetingId, at: '2024-06-11T18:00:00+02:00' } },

  // ── §41 ──
  {
    type: 'ReserveParagraphNumber',
    data: { bodyId: 'un', year: 2024, number: 41, paragraphId: p41, meetingId },
  },
  {
    type: 'OpenParagraph',
    data: {
      paragraphId: p41,
      meetingId,
      number: 41,
      caseNumber: 'UN 2024-88',
      title: 'Sammanslagning av Ekbacka skola och Tallåsens skola',
      summary: [
        'Elevantalet i Ekbacka skola har minskat med en tredjedel sedan 2019 och skolan har i dag 112 elever i årskurs F–6. Tallåsens skola, två kilometer bort, har lediga lokaler för omkring 150 elever.',
        'Utbildningsförvaltningen föreslår att skolorna slås samman till en skolenhet i Tallåsens skolas lokaler från och med höstterminen 2025. Förvaltningen bedömer att sammanslagningen ger en bättre pedagogisk organisation och minskar lokalkostnaderna med cirka 2,4 mnkr per år.',
      ],
      basisDocuments: [
        'Tjänsteutlåtande - Sammanslagning av Ekbacka skola och Tallåsens skola',
        'Bilaga 1. Lokalutredning Ekbacka och Tallåsen 2024',
        'Bilaga 2. Barnkonsekvensanalys',
      ],
      proposal: {
        proposer: 'utbildningsförvaltningen',
        document: 'tjänsteutlåtande',
        decision: {
          ownDecisions: [
            'att slå samman Ekbacka skola och Tallåsens skola till en skolenhet från och med höstterminen 2025.',
            'att uppdra åt utbildningsförvaltningen att informera vårdnadshavare och elever om beslutet.',
          ],
        },
      },
    },
  },
  {
    type: 'DeclareRecusal',
    data: { paragraphId: p41, memberId: 'un-wiklund', reason: 'Make anställd vid Ekbacka skola' },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId: p41,
      motionId: secondIds.bifall41,
      proposerId: 'un-berg',
      kind: 'bifall',
      refersTo: proposal,
    },
  },
  { type: 'SupportMotion', data: { paragraphId: p41, motionId: secondIds.bifall41, memberId: 'un-nystrom' } },
  { type: 'SupportMotion', data: { paragraphId: p41, motionId: secondIds.bifall41, memberId: 'un-ahlberg' } },
  {
    type: 'ProposeMotion',
    data: { paragraphId: p41, motionId: secondIds.avslag41, proposerId: 'un-haddad', kind: 'avslag' },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId: p41,
      motionId: secondIds.andring41,
      proposerId: 'un-nilsson',
      kind: 'andring',
      text:
        'Ekbacka skola och Tallåsens skola slås samman tidigast från och med höstterminen 2026, sedan en ' +
        'trafiksäkerhetsanalys av de nya skolvägarna har redovisats för nämnden.',
    },
  },
  { type: 'SupportMotion', data: { paragraphId: p41, motionId: secondIds.andring41, memberId: 'un-lund' } },
  {
    type: 'AskQuestion',
    data: {
      paragraphId: p41,
      questionId: secondIds.qAvslag41,
      puts: [proposal, motion(secondIds.avslag41)],
      finding: proposal,
    },
  },
  {
    type: 'AskQuestion',
    data: {
      paragraphId: p41,
      questionId: secondIds.qAndring41,
      puts: [proposal, motion(secondIds.andring41)],
      finding: proposal,
    },
  },
  {
    type: 'RequestVote',
    data: {
      paragraphId: p41,
      voteId: secondIds.vote41,
      requestedById: 'un-nilsson',
      questionId: secondIds.qAndring41,
    },
  },
  {
    type: 'ApproveVoteProposition',
    data: {
      paragraphId: p41,
      voteId: secondIds.vote41,
      kind: 'huvudvotering',
      ja: proposal,
      nej: motion(secondIds.andring41),
    },
  },
  {
    type: 'HoldVote',
    data: {
      paragraphId: p41,
      voteId: secondIds.vote41,
      votes: rollCall41.map(([memberId, vote]) => ({ memberId, vote })),
    },
  },
  {
    type: 'AdoptDecision',
    data: {
      paragraphId: p41,
      decisionId: secondIds.decision41,
      kind: 'sakbeslut',
      content: {
        ownDecisions: [
          'att slå samman Ekbacka skola och Tallåsens skola till en skolenhet från och med höstterminen 2025.',
          'att uppdra åt utbildningsförvaltningen att informera vårdnadshavare och elever om beslutet.',
        ],
      },
    },
  },
  {
    type: 'EnterReservation',
    data: {
      paragraphId: p41,
      reservationId: secondIds.reservation41,
      memberId: 'un-nilsson',
      decisionId: secondIds.decision41,
      reasons: 'till förmån för eget yrkande',
    },
  },
  {
    type: 'EnterProtocolNote',
    data: {
      paragraphId: p41,
      noteId: secondIds.note41,
      memberId: 'un-holm',
      text:
        'Miljöpartiet förutsätter att förvaltningen följer upp hur sammanslagningen påverkar elevernas ' +
        'resvägar och återrapporterar till nämnden under 2026.',
    },
  },
  {
    type: 'SetDistribution',
    data: { paragraphId: p41, recipients: ['Utbildningsförvaltningen', 'Ekbacka skola', 'Tallåsens skola'] },
  },

  // ── §42 ──
  {
    type: 'ReserveParagraphNumber',
    data: { bodyId: 'un', year: 2024, number: 42, paragraphId: p42, meetingId },
  },
  {
    type: 'OpenParagraph',
    data: {
      paragraphId: p42,
      meetingId,
      number: 42,
      caseNumber: 'UN 2024-102',
      title: 'Reviderade riktlinjer för skolskjuts',
      summary: [
        'Riktlinjerna för skolskjuts antogs 2019. Utbildningsförvaltningen har sett över dem mot bakgrund av ändringarna i skollagen och föreslår bland annat nya avståndsgränser för elever i årskurs 4–6.',
      ],
      basisDocuments: [
        'Tjänsteutlåtande - Reviderade riktlinjer för skolskjuts',
        'Bilaga 1. Riktlinjer för skolskjuts, reviderade 2024',
      ],
      proposal: {
        proposer: 'utbildningsförvaltningen',
        document: 'tjänsteutlåtande',
        decision: { ownDecisions: ['att anta reviderade riktlinjer för skolskjuts enligt bilaga 1.'] },
      },
    },
  },
  {
    type: 'ProposeMotion',
    data: { paragraphId: p42, motionId: secondIds.bifall42, proposerId: 'un-berg', kind: 'bifall' },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId: p42,
      motionId: secondIds.aterremiss42,
      proposerId: 'un-haddad',
      kind: 'aterremiss',
      motivation:
        'förvaltningen ska redovisa hur de nya avståndsgränserna påverkar elever med funktionsnedsättning.',
    },
  },
  {
    type: 'SupportMotion',
    data: { paragraphId: p42, motionId: secondIds.aterremiss42, memberId: 'un-nilsson' },
  },
  {
    type: 'SupportMotion',
    data: { paragraphId: p42, motionId: secondIds.aterremiss42, memberId: 'un-dahl' },
  },
  {
    type: 'SupportMotion',
    data: { paragraphId: p42, motionId: secondIds.aterremiss42, memberId: 'un-ahlberg' },
  },
  {
    type: 'AskQuestion',
    data: {
      paragraphId: p42,
      questionId: secondIds.q42,
      puts: [proposal, motion(secondIds.aterremiss42)],
      finding: motion(secondIds.aterremiss42),
    },
  },
  {
    type: 'AdoptDecision',
    data: {
      paragraphId: p42,
      decisionId: secondIds.decision42,
      kind: 'aterremiss',
      motivation:
        'förvaltningen ska redovisa hur de nya avståndsgränserna påverkar elever med funktionsnedsättning.',
    },
  },
  { type: 'SetDistribution', data: { paragraphId: p42, recipients: ['Utbildningsförvaltningen'] } },

  { type: 'CloseMeeting', data: { meetingId, at: '2024-06-11T20:15:00+02:00' } },
  // Written reasons for a reservation may be handed in until justering.
  {
    type: 'SubmitReservationReasons',
    data: {
      paragraphId: p41,
      reservationId: secondIds.reservation41,
      reasons:
        'Att slå samman skolorna redan hösten 2025 ger för kort tid att planera säkra skolvägar för de ' +
        'yngsta eleverna. Beslutet borde ha föregåtts av en trafiksäkerhetsanalys.',
    },
  },
  {
    type: 'JustifyProtocol',
    data: { meetingId, byMemberIds: ['un-lindgren', 'un-dahl'], at: '2024-06-13T09:00:00+02:00' },
  },
  {
    type: 'AnnounceProtocol',
    data: { meetingId, announcedOn: '2024-06-14', protocolKeptAt: 'Utbildningsförvaltningen, Stadshuset' },
  },
];
