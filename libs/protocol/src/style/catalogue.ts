/**
 * What a house style may say: every template a style provides, the variables each one is given
 * (with a sample value, used to validate a draft and to preview it), and the sections a
 * paragraph can show. A municipality's style is data checked against this catalogue; adding a
 * phrase to Paragraf means adding it here, to the shipped styles and to the block builder.
 */

/** The sections of a paragraph a style can place, in any order, under its own headings. */
export const paragraphSectionIds = [
  /** The beslut; while undecided, the proposal under `headingUndecided`. */
  'decision',
  /** The preparing body's förslag to the beslut, always (the "Förslag till beslut" of many styles). */
  'proposal',
  /** The link to an earlier paragraph of the matter (återremiss, bordläggning). */
  'previous',
  'summary',
  'basisDocuments',
  /** A heading printed only when one of `when` has content (e.g. "Beslutande sammanträde"). */
  'group',
  'recusal',
  /** Who took part, when it is not simply the meeting's beslutande. */
  'participants',
  'motions',
  /** Beslutsgång: propositions, voteringar with their roll calls. */
  'proceedings',
  'reservation',
  'protocolNote',
  'distribution',
  /** "Paragrafen är justerad" and corrections after justering. */
  'justering',
] as const;
export type ParagraphSectionId = (typeof paragraphSectionIds)[number];

/** Sections that `group` may name in `when`. */
export type ContentSectionId = Exclude<ParagraphSectionId, 'group'>;

/**
 * The variables of each template, with a sample value. Arrays are lists of names; booleans are
 * conditions a template may test; `null` samples mean "may be absent" (the template tests it).
 */
const person = 'Robert Beronius (L)';
const body = 'Kommunstyrelsens arbetsutskott';
/** Every yrkande template gets the same parts; `supporters` lets a style name them inline. */
const motion = {
  proposer: person,
  text: null as string | null,
  motivation: null as string | null,
  what: 'förslaget',
  supporters: ['Helena Strand (M)'],
};

export const templateCatalogue = {
  // ── the extract's head ──
  paragraphNumber: { number: 65, year: 2024, bodyShort: 'KSAU' },
  caseNumber: { dnr: 'KS 2024-15' },
  previousParagraph: { number: 58, year: 2024, date: '2024-05-13', outcome: 'aterremiss' },

  // ── references inside sentences ──
  proposalRef: { proposer: 'Kommunstyrelsekontoret', document: 'Tjänsteutlåtande' },
  motionRef: { proposerGenitive: 'Robert Beronius (L)', kind: 'avslag', noun: 'avslagsyrkande' },

  // ── decisions ──
  proposesTo: { body },
  recipientDecides: { recipient: 'Kommunstyrelsen' },
  ownDecision: { body, alsoProposes: true, item: 'att godkänna rapporten.' },
  ownDecisionListItem: { item: 'att godkänna rapporten.' },
  referredBack: { body, motivation: 'att utreda frågan vidare.' },
  tabled: { body },
  decidedAsProposed: { body },

  // ── the deciding meeting ──
  recusal: { member: person, reason: null },
  participants: { members: [person, 'Helena Strand (M)'] },
  'motion.fritt': { ...motion, text: 'Förslaget bifalls.' },
  'motion.bifall': motion,
  'motion.avslag': motion,
  'motion.andring': { ...motion, text: 'Punkt 2 stryks.' },
  'motion.tillagg': { ...motion, text: 'En ny punkt 3.' },
  'motion.aterremiss': { ...motion, motivation: 'för vidare utredning' },
  'motion.bordlaggning': motion,
  supporters: { supporters: ['Helena Strand (M)'], proposerGenitive: 'Robert Beronius (L)' },
  withdrawnMotion: { proposer: person },

  // ── beslutsgång ──
  questionSingle: { body, what: 'förslaget', adopted: true },
  questionSeveral: { body, options: ['förslaget', 'avslagsyrkandet'], winner: 'förslaget' },
  questionFormal: { kind: 'aterremiss', formalAdopted: false },
  voteRequested: { requestedBy: person },
  voteProposition: { kind: 'huvudvotering', ja: 'förslaget', nej: 'avslagsyrkandet' },
  voteResult: {
    body,
    ja: 3,
    nej: 2,
    avstar: 0,
    winner: 'förslaget',
    kind: 'huvudvotering',
    castingVote: null,
  },

  // ── after the decision ──
  reservation: { member: person, inFavourOf: 'till förmån för eget yrkande', motivation: null },
  protocolNote: { member: person, text: 'Vi vill se en uppföljning.' },
  dispatched: { recipient: 'Kommunstyrelsekontoret', date: '2024-06-03' },
  correction: {
    field: 'Rubrik',
    participle: 'ändrad',
    from: 'Delårsrapprt',
    to: 'Delårsrapport',
    why: 'skrivfel',
    by: 'Karin Sjödin',
  },
  justified: { immediate: false, date: '2024-05-29' },
  certified: { by: 'Karin Sjödin', date: '2024-06-03' },

  // ── the whole protocol ──
  'protocol.dateAndTime': { date: '2024-05-27', from: '13:00', to: '15:30' },
  'protocol.chair': { member: 'Helena Strand (M)' },
  'protocol.servingSubstitute': { substitute: 'Lina Nord (S)', forMember: 'Amina Farah (S)' },
  'protocol.nonServingSubstitute': { member: 'Olle Berg (M)' },
  'protocol.other': { name: 'Karin Sjödin', title: 'nämndsekreterare' },
  'protocol.attendanceFrom': { time: '14:10', deciding: ['Helena Strand (M)', person] },
  'protocol.justeringTimeAndPlace': { date: '2024-05-29', time: '10:00', place: 'Stadshuset' },
  'protocol.paragraphRange': { numbers: [64, 65, 66], first: 64, last: 66, contiguous: true },
  'protocol.justifiedBy': { names: ['Helena Strand (M)', person], date: '2024-05-29' },
  /** A decision in one line, for the decision register (beslutsregister) and its CSV. */
  'register.decision': {
    kind: 'sakbeslut',
    motivation: null,
    proposesTo: 'Kommunstyrelsen',
    items: ['Godkänna rapporten.'],
    ownDecisions: ['att arbeta in initiativet.'],
  },
  /** The last line of a protocol: which house style and version worded it. */
  'protocol.styleNote': { name: 'Standard', version: 2 },
  /** One line per line of the template. */
  'protocol.announcement': {
    body,
    meetingDate: '2024-05-27',
    announcedOn: '2024-05-30',
    appealEndsOn: '2024-06-20',
    keptAt: 'Kommunledningskontoret',
  },
} as const satisfies Record<string, Record<string, unknown>>;

/** Settings that are lists of line templates: each line is rendered with these variables. */
export const lineTemplateCatalogue = {
  /** The extract's head, one block per line that is not empty. */
  extractHead: {
    body,
    bodyShort: 'KSAU',
    paragraphNumber: '§65',
    caseNumber: 'Dnr KS 2024-15',
    date: '2024-05-27',
    title: 'Delårsrapport 1 per april 2024 för kommunstyrelsen',
  },
} as const satisfies Record<string, Record<string, unknown>>;

export type TemplateKey = keyof typeof templateCatalogue;
export const templateKeys = Object.keys(templateCatalogue) as TemplateKey[];
