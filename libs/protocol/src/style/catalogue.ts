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
  /**
   * The link to an earlier paragraph of the matter (återremiss, bordläggning): one in the
   * system, or a free reference to one that is not.
   */
  'previous',
  'summary',
  'basisDocuments',
  /** A heading printed only when one of `when` has content (e.g. "Beslutande sammanträde"). */
  'group',
  'recusal',
  /** Members or a party group who do not take part in the decision (not jäv). */
  'nonParticipation',
  /** Who took part, when it is not simply the meeting's beslutande. */
  'participants',
  /** Talarlista: who spoke during överläggningen, in order. */
  'speakers',
  /** The yrkanden, then those who support the preparing body's förslag. */
  'motions',
  /** Beslutsgång: propositions, voteringar with their roll calls. */
  'proceedings',
  'reservation',
  'protocolNote',
  /** Bilagor of the paragraph, numbered. */
  'attachments',
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
/**
 * Every yrkande template gets the same parts; `supporters` lets a style name them inline,
 * `movers` is the proposer and any joint movers, `target` what a bifall or avslag is about
 * ('proposal', 'motion' or 'matter': the motion or medborgarförslag itself).
 */
const motion = {
  proposer: person,
  movers: [person, 'Lisa Lindholm (V)'],
  text: null as string | null,
  motivation: null as string | null,
  what: 'förslaget',
  target: 'proposal' as 'proposal' | 'motion' | 'matter',
  supporters: ['Helena Strand (M)'],
  body,
};
/** Where a question stands among the paragraph's propositions, and who puts it. */
const question = { chair: 'Helena Strand (M)' as string | null, first: true, index: 0 };

export const templateCatalogue = {
  // ── the extract's head ──
  paragraphNumber: { number: 65, year: 2024, bodyShort: 'KSAU' },
  caseNumber: { dnr: 'KS 2024-15' },
  previousParagraph: { number: 58, year: 2024, date: '2024-05-13', outcome: 'aterremiss' },
  /** An earlier paragraph that is not in the system, as recorded (`paragraph` as written: "§ 794"). */
  earlierReference: {
    body: 'Kommunstyrelsen',
    date: '2024-10-09' as string | null,
    paragraph: '§ 794',
    caseNumber: null as string | null,
    outcome: 'bordlaggning' as string | null,
  },
  /**
   * A person in a sentence or a list of names. `role`: 'chair', 'substitute' (tjänstgörande
   * ersättare) or 'member'. Sentences that begin with a name apply `upfirst`.
   */
  member: { name: 'Robert Beronius', party: 'L', role: 'member' },
  /** The basis documents as one sentence, for styles with `basisDocumentsAs: "sentence"`. */
  basisDocumentsSentence: { documents: ['tjänsteutlåtande 2024-05-02 från kommunstyrelsekontoret'] },

  // ── references inside sentences ──
  proposalRef: { proposer: 'Kommunstyrelsekontoret', document: 'Tjänsteutlåtande' },
  motionRef: { proposerGenitive: 'Robert Beronius (L)', kind: 'avslag', noun: 'avslagsyrkande' },
  /** The matter itself as a yrkande names it ("motionen"); `kind` null when none is recorded. */
  matterRef: { kind: 'motion' as string | null, title: null as string | null },
  /**
   * One side of a votering on återremiss or bordläggning: `side` 'formal' (send back / table)
   * or 'today' (decide today); `ref` is the usual reference to that side.
   */
  formalRef: { kind: 'aterremiss', side: 'formal', ref: 'Robert Beronius (L) återremissyrkande' },

  // ── decisions ──
  /**
   * The decision (`proposer` null) or the preparing body's förslag (`proposer` the one who
   * proposes it, as recorded) proposing a decision to `recipient`.
   */
  proposesTo: { body, recipient: 'Kommunstyrelsen', proposer: null as string | null },
  recipientDecides: { recipient: 'Kommunstyrelsen' },
  ownDecision: {
    body,
    alsoProposes: true,
    item: 'att godkänna rapporten.' as string | null,
    proposer: null as string | null,
  },
  ownDecisionListItem: { item: 'att godkänna rapporten.' },
  referredBack: { body, motivation: 'att utreda frågan vidare.' },
  tabled: { body },
  decidedAsProposed: { body },

  // ── the deciding meeting ──
  recusal: { member: person, reason: null },
  /** `group` is the party group's name when a group declared it. */
  nonParticipation: { members: [person], group: null as string | null, reason: null as string | null },
  /** Talarlista. */
  speakers: { speakers: [person, 'Helena Strand (M)'] },
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
  /** The chair (or `by`) amends the förslag during the meeting; `text` as given, if any. */
  proposalAmended: { by: 'Helena Strand (M)', text: 'Punkt 2 ändras till …' as string | null, body },
  /**
   * The propositionsordning the meeting approved: the chair's words (`text`) or, when none were
   * recorded, each step's förslag ("förslaget mot avslagsyrkandet").
   */
  propositionOrder: {
    text: null as string | null,
    steps: ['förslaget mot Robert Beronius (L) avslagsyrkande', 'Robert Beronius (L) tilläggsyrkande'],
    body,
  },
  /** Members who support the preparing body's förslag itself; `what` refers to it. */
  proposalSupport: { supporters: [person, 'Helena Strand (M)'], what: 'förslaget', body },

  // ── beslutsgång ──
  questionSingle: { body, what: 'förslaget', adopted: true, ...question },
  questionSeveral: {
    body,
    options: ['förslaget', 'avslagsyrkandet'],
    winner: 'förslaget' as string | null,
    ...question,
  },
  questionFormal: { kind: 'aterremiss', formalAdopted: false, body, ...question },
  /** `requestedBy` null when the protocol does not say who asked. */
  voteRequested: { requestedBy: person as string | null },
  voteProposition: { kind: 'huvudvotering', ja: 'förslaget', nej: 'avslagsyrkandet' },
  voteResult: {
    body,
    ja: 3,
    nej: 2,
    avstar: 0,
    winner: 'förslaget',
    kind: 'huvudvotering',
    castingVote: null,
    /** Seats without anyone serving (absent ledamöter not replaced by an ersättare). */
    absent: 1,
    /** The names are printed only in the omröstningsbilaga. */
    appendix: false,
  },
  /** The heading of one votering in the omröstningsbilaga (`number`: the meeting's nth votering). */
  votingAppendixCaption: { number: 2, paragraphNumber: '§65', title: 'Delårsrapport 1 per april 2024' },
  /** With `rollCall: "names"`: the members who voted one way, as a sentence. */
  rollCallNames: { names: [person, 'Helena Strand (M)'], vote: 'ja', count: 2 },

  // ── after the decision ──
  /** `members`: everyone who reserves (`member` is the first); `group` a party group's name. */
  reservation: {
    member: person,
    members: [person, 'Helena Strand (M)'],
    group: null as string | null,
    inFavourOf: 'till förmån för eget yrkande' as string | null,
    motivation: null as string | null,
  },
  protocolNote: {
    member: person,
    members: [person],
    group: null as string | null,
    text: 'Vi vill se en uppföljning.',
  },
  /** A bilaga of the paragraph. */
  attachment: { number: 1, title: 'Reservation från (L)' },
  /** The recipients (each already with its dispatch date); one block per line of the result. */
  distribution: {
    recipients: ['Kommunstyrelsekontoret', 'Samhällsbyggnadskontoret (expedierat 2024-06-03)'],
  },
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
  /**
   * The seal over the whole record that covers the justering (docs/adr/0025, 0031): printed
   * under the justering so that the root is kept outside the store too. `root` is the SHA-256
   * (hex), `rootGrouped` the same in groups of eight, `upTo` the last position it covers.
   */
  'protocol.seal': {
    date: '2024-05-29',
    upTo: '1234',
    root: '3f2a9c1b77d04e5a9b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6',
    rootGrouped: '3f2a9c1b 77d04e5a 9b1c2d3e 4f5a6b7c 8d9e0f1a 2b3c4d5e 6f708192 a3b4c5d6',
  },
  /**
   * What the public sees of a paragraph marked as containing sekretess, below its heading and
   * beslut (docs/adr/0030). `provision` is the chapter and section of offentlighets- och
   * sekretesslagen as the clerk cited it.
   */
  confidential: { provision: '26 kap. 1 §' },
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
    /** The ärende's code in the diarieplan, when recorded ("609"); empty when not. */
    classification: '609',
    date: '2024-05-27',
    title: 'Delårsrapport 1 per april 2024 för kommunstyrelsen',
  },
} as const satisfies Record<string, Record<string, unknown>>;

/**
 * Section headings (`settings.sections[].heading`, `headingUndecided`) are line templates too:
 * `body` is the deciding body, `proposes` whether the beslut (or, while undecided, the förslag)
 * proposes a decision to another body ("Kommunstyrelsens förslag" / "Kommunstyrelsens beslut"),
 * `proposer` who made the förslag before the body, as recorded ("Kommunstyrelsens förslag till
 * kommunfullmäktige"), `count` how many entries the section lists.
 */
export const headingVariables = {
  body: 'Kommunstyrelsen',
  proposes: true,
  proposer: 'kommunstyrelsens arbetsutskott',
  /** How many entries the section lists ("Handling" / "Handlingar"); 1 for a group heading. */
  count: 2,
} as const;

export type TemplateKey = keyof typeof templateCatalogue;
export const templateKeys = Object.keys(templateCatalogue) as TemplateKey[];
