/**
 * Sollentuna kommunstyrelse 2019-04-08, § 52/2019 (test/fixtures/sollentuna-ks-2019-s52.txt, a
 * public record; source in test/fixtures/README.md), as the commands a clerk records: a
 * talarlista of three, a yrkande on the motion itself with one instämmande, a member's support
 * of the arbetsutskott's förslag, the chair setting the two förslag against each other, and
 * kommunstyrelsen's förslag to kommunfullmäktige.
 *
 * The texts and the five named people are the record's. The other members of kommunstyrelsen,
 * the time, the place, the secretary and the justering are invented for the scenario and do not
 * appear in the extract.
 */
import type { ScenarioCommand } from './types.js';

export const sollentunaIds = {
  meetingId: '5011e7a0-0000-4000-8000-2019040800001',
  paragraphId: '5011e7a0-0000-4000-8000-201904080052',
  speakerJonsson: '5011e7a0-0000-4000-8000-2019040852a1',
  speakerLindstrom: '5011e7a0-0000-4000-8000-2019040852a2',
  speakerEhlin: '5011e7a0-0000-4000-8000-2019040852a3',
  motionJonsson: '5011e7a0-0000-4000-8000-2019040852b1',
  question: '5011e7a0-0000-4000-8000-2019040852c1',
  decision: '5011e7a0-0000-4000-8000-2019040852d1',
} as const;

export const sollentunaBody = { id: 'sollentuna-ks', name: 'Kommunstyrelsen', shortName: 'KS' } as const;

const ledamot = (memberId: string, name: string, party: string) =>
  ({ memberId, name, party, role: 'ledamot' }) as const;

export const sollentunaMembers = [
  ledamot('ks-thunes', 'Henrik Thunes', 'M'),
  ledamot('ks-jonsson', 'Joakim Jonsson', 'S'),
  ledamot('ks-lindstrom', 'Dira Lindström', 'V'),
  ledamot('ks-ehlin', 'Bo Ehlin', 'SD'),
  // Invented: the extract names no one else.
  ledamot('ks-ledamot-5', 'Anna Berglund', 'M'),
  ledamot('ks-ledamot-6', 'Per Sundin', 'L'),
  ledamot('ks-ledamot-7', 'Eva Karlsson', 'C'),
] as const;

/** The motion and the arbetsutskott's (and kommunstyrelsen's) proposal to kommunfullmäktige. */
const motionTitle =
  'Motion väckt av Mette Hildingsson (S) och Roger Sjöberg (S) om utvecklingsgrupp för förskolan';
export const sollentunaProposalItems = [`${motionTitle} avslås.`] as const;

const { meetingId, paragraphId } = sollentunaIds;

export const sollentunaCommands: ScenarioCommand[] = [
  {
    type: 'ScheduleMeeting',
    data: {
      meetingId,
      body: sollentunaBody,
      date: '2019-04-08',
      startTime: '17:00',
      place: 'Kommunhuset, Sollentuna',
      chair: 'ks-thunes',
      secretary: { name: 'Maria Lind', title: 'kommunsekreterare' },
      members: sollentunaMembers,
    },
  },
  {
    type: 'RecordAttendance',
    data: {
      meetingId,
      effectiveFrom: '2019-04-08T17:00:00+02:00',
      present: sollentunaMembers.map((m) => m.memberId),
      absent: [],
      servingSubstitutes: [],
    },
  },
  {
    type: 'AppointAdjusters',
    data: {
      meetingId,
      adjusters: ['ks-jonsson'],
      justeringAt: '2019-04-11T15:00:00+02:00',
      justeringPlace: 'Kommunledningskontoret',
    },
  },
  { type: 'OpenMeeting', data: { meetingId, at: '2019-04-08T17:00:00+02:00' } },
  {
    type: 'ReserveParagraphNumber',
    data: { bodyId: sollentunaBody.id, year: 2019, number: 52, paragraphId, meetingId },
  },
  {
    type: 'OpenParagraph',
    data: {
      paragraphId,
      meetingId,
      number: 52,
      caseNumber: '2018/0219 KS-5',
      classification: '609',
      title: `Svar på ${motionTitle.charAt(0).toLowerCase()}${motionTitle.slice(1)}`,
      summary: [
        'Mette Hildingsson (S) och Roger Sjöberg (S) har i kommunfullmäktige 2018-04-19, § 43, väckt en motion om utvecklingsgrupp för förskolan.',
        'Motionen har varit på remiss till barn- och utbildningsnämnden.',
      ],
      basisDocuments: ['tjänsteutlåtande 2018-11-05 från kommunledningskontoret'],
      proposal: {
        proposer: 'kommunstyrelsens arbetsutskott',
        decision: { proposesTo: { body: 'Kommunfullmäktige', items: [...sollentunaProposalItems] } },
      },
      matter: { kind: 'motion', title: motionTitle },
    },
  },
  {
    type: 'RecordSpeaker',
    data: { paragraphId, speakerId: sollentunaIds.speakerJonsson, memberId: 'ks-jonsson' },
  },
  {
    type: 'RecordSpeaker',
    data: { paragraphId, speakerId: sollentunaIds.speakerLindstrom, memberId: 'ks-lindstrom' },
  },
  {
    type: 'RecordSpeaker',
    data: { paragraphId, speakerId: sollentunaIds.speakerEhlin, memberId: 'ks-ehlin' },
  },
  {
    type: 'ProposeMotion',
    data: {
      paragraphId,
      motionId: sollentunaIds.motionJonsson,
      proposerId: 'ks-jonsson',
      kind: 'bifall',
      refersTo: { kind: 'matter' },
    },
  },
  {
    type: 'SupportMotion',
    data: { paragraphId, motionId: sollentunaIds.motionJonsson, memberId: 'ks-lindstrom' },
  },
  { type: 'SupportProposal', data: { paragraphId, memberId: 'ks-ehlin' } },
  {
    type: 'AskQuestion',
    data: {
      paragraphId,
      questionId: sollentunaIds.question,
      puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: sollentunaIds.motionJonsson }],
      finding: { kind: 'proposal' },
    },
  },
  {
    type: 'AdoptDecision',
    data: {
      paragraphId,
      decisionId: sollentunaIds.decision,
      kind: 'sakbeslut',
      content: { proposesTo: { body: 'Kommunfullmäktige', items: [...sollentunaProposalItems] } },
    },
  },
  { type: 'SetDistribution', data: { paragraphId, recipients: ['Akt'] } },
  { type: 'CloseMeeting', data: { meetingId, at: '2019-04-08T19:30:00+02:00' } },
  {
    type: 'JustifyParagraph',
    data: {
      paragraphId,
      byMemberIds: ['ks-thunes', 'ks-jonsson'],
      at: '2019-04-11T15:00:00+02:00',
      immediate: false,
    },
  },
];
