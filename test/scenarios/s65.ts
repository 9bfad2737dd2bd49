/**
 * The decision flow of kommunstyrelsens arbetsutskott §65 2024 (delårsrapport per april), as
 * the commands a clerk records. Recorded and rendered, it must give the public extract in
 * test/fixtures/ks-au-2024-s65-delarsrapport.txt.
 *
 * The texts (title, summary, basis documents, proposal, yrkande, recipients) are the public
 * record's. The extract names only Robert Beronius (L); the other members, the date, the
 * place and the secretary are invented for the scenario and do not appear in the extract.
 *
 * Commands are in the order recorded; each names its stream through its ids (`targetStreamId`
 * in @app/domain). The API tests replay the same list over HTTP.
 */
import type { ScenarioCommand } from './types.js';

export const s65Ids = {
  meetingId: '3f1d6a52-6c1e-4b0e-9f0a-65a000000001',
  paragraphId: '3f1d6a52-6c1e-4b0e-9f0a-65a000000065',
  motionBeronius: '3f1d6a52-6c1e-4b0e-9f0a-65a0000000a1',
  questionProposal: '3f1d6a52-6c1e-4b0e-9f0a-65a0000000b1',
  questionBeronius: '3f1d6a52-6c1e-4b0e-9f0a-65a0000000b2',
  decision: '3f1d6a52-6c1e-4b0e-9f0a-65a0000000c1',
} as const;

export const s65Body = { id: 'ks-au', name: 'Kommunstyrelsens arbetsutskott', shortName: 'KSAU' } as const;

export const s65Members = [
  { memberId: 'ksau-ordf', name: 'Helena Strand', party: 'M', role: 'ledamot' },
  { memberId: 'ksau-beronius', name: 'Robert Beronius', party: 'L', role: 'ledamot' },
  { memberId: 'ksau-lindberg', name: 'Jonas Lindberg', party: 'C', role: 'ledamot' },
  { memberId: 'ksau-akesson', name: 'Marie Åkesson', party: 'S', role: 'ledamot' },
  { memberId: 'ksau-farah', name: 'Amina Farah', party: 'S', role: 'ledamot' },
  { memberId: 'ksau-ers-berg', name: 'Olle Berg', party: 'M', role: 'ersattare' },
  { memberId: 'ksau-ers-nord', name: 'Lina Nord', party: 'S', role: 'ersattare' },
] as const;

/** Kommunstyrelsekontorets proposal to kommunstyrelsen (two items). */
export const s65ProposalItems = [
  'Godkänna förseningar av uppdrag/initiativ under 2024 enligt tabell A nedan',
  'I övrigt godkänna delårsrapporten per april 2024.',
] as const;

/** What the arbetsutskott decides itself, on Robert Beronius (L) yrkande. */
export const s65OwnDecision =
  'att arbeta in nämndinitiativet ”Ta fram åtgärdsplan för att inte överskrida den beslutade ' +
  'koldioxidbudgeten” i delårsrapport per april enligt justerad verksamhetsplan.';

const { meetingId, paragraphId } = s65Ids;

export const s65Commands: ScenarioCommand[] = [
  {
    type: 'ScheduleMeeting',
    data: {
      meetingId,
      body: s65Body,
      date: '2024-05-27',
      startTime: '13:00',
      place: 'Stadshuset, sammanträdesrum Ljuset',
      chair: 'ksau-ordf',
      secretary: { name: 'Karin Sjödin', title: 'nämndsekreterare' },
      members: s65Members,
    },
  },
  {
    type: 'RecordAttendance',
    data: {
      meetingId,
      effectiveFrom: '2024-05-27T13:00:00+02:00',
      present: ['ksau-ordf', 'ksau-beronius', 'ksau-lindberg', 'ksau-akesson', 'ksau-ers-nord'],
      absent: ['ksau-farah', 'ksau-ers-berg'],
      servingSubstitutes: [{ substituteId: 'ksau-ers-nord', forMemberId: 'ksau-farah' }],
      others: [{ name: 'Per Ekholm', title: 'ekonomichef' }],
    },
  },
  {
    type: 'AppointAdjusters',
    data: {
      meetingId,
      adjusters: ['ksau-akesson'],
      justeringAt: '2024-05-29T10:00:00+02:00',
      justeringPlace: 'Kommunstyrelsekontoret',
    },
  },
  { type: 'OpenMeeting', data: { meetingId, at: '2024-05-27T13:00:00+02:00' } },
  {
    type: 'ReserveParagraphNumber',
    data: { bodyId: s65Body.id, year: 2024, number: 65, paragraphId, meetingId },
  },
  {
    type: 'OpenParagraph',
    data: {
      paragraphId,
      meetingId,
      number: 65,
      caseNumber: 'KS 2024-15',
      title: 'Delårsrapport 1 per april 2024 för kommunstyrelsen',
      summary: [
        'Kommunstyrelsen har upprättat delårsrapport per april 2024 enligt kommunens styrmodell. I ärendet redovisas uppföljning av ekonomiskt utfall för perioden samt prognos för helåret samt status för uppdragen och initiativen.',
        'Kommunstyrelsen redovisar för perioden en positiv budgetavvikelse om 31,1 mnkr och prognostiserar en positiv avvikelse om 24,3 mnkr för 2024.',
        'Investeringsutfall och prognos för kommunstyrelsens investeringar i verksamhetsplan 2024 redovisas i ärendet. Större avvikelser mot budget och tidplan kommenteras samt i en investeringsbilaga.',
        'Totalt är 47 av de 52 beslutade uppdragen inom kommunstyrelsen påbörjade varav fem uppdrag är genomförda. Nio uppdrag avviker från plan och åtta kommer genomföras under 2024 och ett 2025.',
        'Kommunstyrelsen arbetar även med 21 nämndinitiativ varav 16 planeras genomföras enligt plan och fem kommer genomföras senare än planerat men under året.',
        // One paragraph in the source; the printed extract breaks the page inside it.
        'Kommunstyrelsen har inför 2024 ökat fokuset på målstyrningen utifrån det uppdrag som gavs kommundirektören i verksamhetsberättelsen 2023. Det har resulterat i en förbättrad måluppfyllelse för perioden, där 18 av 21 inriktningsmål bedöms uppfyllas vid årets slut. Två bedöms i sin helhet i delårsrapport per augusti och ett inriktningsmål bedöms ej nå målet.',
      ],
      basisDocuments: [
        'Tjänsteutlåtande - Delårsrapport per april kommunstyrelsen',
        'Bilaga 1. Delårsrapport per april för kommunstyrelsen sammantaget 2024',
        'Bilaga 2. Delårsrapport per april för kommunstyrelsekontoret 2024',
        'Bilaga 3. Delårsrapport per april för samhällsbyggnadskontoret 2024',
        'Bilaga 4. Investeringsbilaga',
      ],
      proposal: {
        proposer: 'kommunstyrelsekontoret',
        document: 'tjänsteutlåtande',
        decision: { proposesTo: { body: 'Kommunstyrelsen', items: [...s65ProposalItems] } },
      },
    },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId,
      motionId: s65Ids.motionBeronius,
      proposerId: 'ksau-beronius',
      kind: 'fritt',
      text: `Kommunstyrelsens arbetsutskott beslutar för egen del ${s65OwnDecision}`,
    },
  },
  {
    type: 'AskQuestion',
    data: {
      paragraphId,
      questionId: s65Ids.questionProposal,
      puts: [{ kind: 'proposal' }],
      finding: { kind: 'proposal' },
    },
  },
  {
    type: 'AskQuestion',
    data: {
      paragraphId,
      questionId: s65Ids.questionBeronius,
      puts: [{ kind: 'motion', motionId: s65Ids.motionBeronius }],
      finding: { kind: 'motion', motionId: s65Ids.motionBeronius },
    },
  },
  {
    type: 'AdoptDecision',
    data: {
      paragraphId,
      decisionId: s65Ids.decision,
      kind: 'sakbeslut',
      content: {
        proposesTo: { body: 'Kommunstyrelsen', items: [...s65ProposalItems] },
        ownDecisions: [s65OwnDecision],
      },
    },
  },
  {
    type: 'SetDistribution',
    data: { paragraphId, recipients: ['Kommunstyrelsekontoret', 'Samhällsbyggnadskontoret'] },
  },
  { type: 'CloseMeeting', data: { meetingId, at: '2024-05-27T14:40:00+02:00' } },
  {
    type: 'JustifyParagraph',
    data: {
      paragraphId,
      byMemberIds: ['ksau-ordf', 'ksau-akesson'],
      at: '2024-05-29T10:00:00+02:00',
      immediate: false,
    },
  },
];
