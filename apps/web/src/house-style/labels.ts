/**
 * Swedish names for the house style's templates and settings, and the groups the editor shows
 * them in. Keys the catalogue gains later still appear: under the group their prefix suggests,
 * else under "Övriga mallar", labelled by their key.
 */

export const templateLabels: Record<string, string> = {
  paragraphNumber: 'Paragrafnummer',
  caseNumber: 'Diarienummer',
  previousParagraph: 'Tidigare behandling av ärendet',
  earlierReference: 'Hänvisning till en tidigare paragraf (fritt angiven)',
  member: 'Hur en ledamot skrivs',
  basisDocumentsSentence: 'Beslutsunderlaget som mening',
  matterRef: 'Hänvisning till motionen eller medborgarförslaget',
  formalRef: 'Hänvisning till ett formellt yrkande',
  proposalRef: 'Hänvisning till förslaget',
  motionRef: 'Hänvisning till ett yrkande',
  proposesTo: 'Förslag till ett annat organ (inledning)',
  recipientDecides: 'Mottagaren beslutar (inledning)',
  ownDecision: 'Eget beslut',
  ownDecisionListItem: 'Beslutspunkt i en lista',
  referredBack: 'Återremiss',
  tabled: 'Bordläggning',
  decidedAsProposed: 'Beslut enligt förslaget',
  recusal: 'Jäv',
  participants: 'Deltar i beslutet',
  nonParticipation: 'Deltar inte i beslutet',
  speakers: 'Talarlista',
  proposalSupport: 'Instämmer i förslaget',
  proposalAmended: 'Ordföranden ändrar förslaget',
  propositionOrder: 'Propositionsordning',
  votingAppendixCaption: 'Omröstningsbilagans rubrik',
  rollCallNames: 'Omröstningens namn som meningar',
  attachment: 'Bilaga',
  distribution: 'Sändlista',
  'motion.fritt': 'Fritt formulerat yrkande',
  'motion.bifall': 'Bifallsyrkande',
  'motion.avslag': 'Avslagsyrkande',
  'motion.andring': 'Ändringsyrkande',
  'motion.tillagg': 'Tilläggsyrkande',
  'motion.aterremiss': 'Återremissyrkande',
  'motion.bordlaggning': 'Bordläggningsyrkande',
  supporters: 'Instämmanden',
  withdrawnMotion: 'Återtaget yrkande',
  questionSingle: 'Proposition på ett förslag',
  questionSeveral: 'Proposition på flera förslag',
  questionFormal: 'Proposition på återremiss eller bordläggning',
  voteRequested: 'Votering begärs',
  voteProposition: 'Voteringsproposition',
  voteResult: 'Voteringens resultat',
  reservation: 'Reservation',
  protocolNote: 'Protokollsanteckning',
  dispatched: 'Expedierat',
  correction: 'Rättelse',
  justified: 'Justerad',
  certified: 'Utdragsbestyrkande',
  'protocol.dateAndTime': 'Datum och tid',
  'protocol.chair': 'Ordförande',
  'protocol.servingSubstitute': 'Tjänstgörande ersättare',
  'protocol.nonServingSubstitute': 'Ej tjänstgörande ersättare',
  'protocol.other': 'Övriga närvarande',
  'protocol.attendanceFrom': 'Närvaro från en viss tid',
  'protocol.justeringTimeAndPlace': 'Justeringens tid och plats',
  'protocol.paragraphRange': 'Paragrafer i protokollet',
  'protocol.justifiedBy': 'Justerat av',
  'protocol.styleNote': 'Husstil och version (sista raden)',
  'protocol.announcement': 'Bevis om anslag',
  'register.decision': 'Beslutsregistrets rad',
};

export interface TemplateGroup {
  readonly id: string;
  readonly heading: string;
  readonly keys: readonly string[];
}

const groups: readonly TemplateGroup[] = [
  {
    id: 'head',
    heading: 'Paragrafens huvud och hänvisningar',
    keys: [
      'paragraphNumber',
      'caseNumber',
      'previousParagraph',
      'earlierReference',
      'member',
      'basisDocumentsSentence',
      'proposalRef',
      'motionRef',
      'matterRef',
      'formalRef',
      'attachment',
    ],
  },
  {
    id: 'decisions',
    heading: 'Beslut',
    keys: [
      'proposesTo',
      'recipientDecides',
      'ownDecision',
      'ownDecisionListItem',
      'referredBack',
      'tabled',
      'decidedAsProposed',
    ],
  },
  {
    id: 'motions',
    heading: 'Jäv, deltagande, talarlista och yrkanden',
    keys: [
      'recusal',
      'nonParticipation',
      'participants',
      'speakers',
      'supporters',
      'proposalSupport',
      'withdrawnMotion',
    ],
  },
  { id: 'proceedings', heading: 'Beslutsgång', keys: ['proposalAmended', 'propositionOrder'] },
  { id: 'vote', heading: 'Omröstning', keys: ['votingAppendixCaption', 'rollCallNames'] },
  {
    id: 'after',
    heading: 'Efter beslutet',
    keys: [
      'reservation',
      'protocolNote',
      'distribution',
      'dispatched',
      'correction',
      'justified',
      'certified',
    ],
  },
  { id: 'protocol', heading: 'Hela protokollet', keys: ['register.decision'] },
  { id: 'other', heading: 'Övriga mallar', keys: [] },
];

/** The group of a key not named above, from its prefix. */
function groupOf(key: string): string {
  for (const g of groups) if (g.keys.includes(key)) return g.id;
  if (key.startsWith('motion.') || key.startsWith('motion')) return 'motions';
  if (key.startsWith('question') || key.startsWith('proposition')) return 'proceedings';
  if (key.startsWith('vote') || key.startsWith('rollCall')) return 'vote';
  if (key.startsWith('protocol.') || key.startsWith('register.')) return 'protocol';
  return 'other';
}

/** The templates in groups, in the catalogue's order within each group; empty groups left out. */
export function groupTemplates(keys: readonly string[]): TemplateGroup[] {
  return groups
    .map((g) => ({ ...g, keys: keys.filter((k) => groupOf(k) === g.id) }))
    .filter((g) => g.keys.length > 0);
}

export const templateLabel = (key: string): string => templateLabels[key] ?? key;

export const settingLabels: Record<string, string> = {
  municipality: 'Kommun',
  documentTitles: 'Dokumentens titlar',
  pageNumbering: 'Sidnumrering',
  extractHead: 'Utdragets huvud (en rad per mall)',
  sections: 'Paragrafens avsnitt i ordning, med rubriker',
  voteHeading: 'Rubrik för omröstning',
  rollCall: 'Var omröstningens namn skrivs (paragraph eller appendix)',
  rollCallColumns: 'Omröstningslistans kolumner',
  rollCallMark: 'Markering i omröstningslistan',
  rollCallTotal: 'Summaraden i omröstningslistan',
  motionNouns: 'Yrkandenas benämningar',
  correctionFields: 'Rättelsernas fältnamn',
  extractFooter: 'Utdragets fot',
  certificationHeading: 'Rubrik för utdragsbestyrkande',
  signatureLine: 'Underskriftslinje',
  roles: 'Rollernas benämningar',
  protocolHeadings: 'Protokollets rubriker',
  voteHeadingBefore: 'Omröstningsrubriken står',
  voteResultHeading: 'Rubrik före omröstningsresultatet',
  basisDocumentsAs: 'Beslutsunderlaget skrivs som',
  decisionList: 'Beslutspunkterna skrivs som',
};

/** Settings that take one of a few values: chosen from a list, in words. */
export const settingChoices: Record<string, [string, string][]> = {
  rollCall: [
    ['paragraph', 'Namnen i en tabell i paragrafen'],
    ['names', 'Namnen som meningar i paragrafen'],
    ['appendix', 'Namnen i omröstningsbilagan, antalet i paragrafen'],
  ],
  voteHeadingBefore: [
    ['rollCall', 'Före namnlistan'],
    ['proposition', 'Före voteringspropositionen'],
  ],
  basisDocumentsAs: [
    ['bullets', 'Punktlista'],
    ['lines', 'En handling per rad'],
    ['sentence', 'En mening'],
  ],
  decisionList: [
    ['numbered', 'Numrerad lista'],
    ['bullets', 'Punktlista'],
  ],
};

/** Settings a style may leave out (the writer's default applies); shown even when absent. */
export const optionalSettings = [
  'voteHeadingBefore',
  'voteResultHeading',
  'basisDocumentsAs',
  'decisionList',
];

export const settingLabel = (key: string): string => settingLabels[key] ?? key;

/** How a sample value reads beside a template. */
export function sampleText(value: unknown): string {
  if (value === null || value === undefined) return 'kan saknas';
  if (typeof value === 'boolean') return value ? 'sant (villkor)' : 'falskt (villkor)';
  if (Array.isArray(value)) return `lista: ${value.map((v) => String(v)).join(', ')}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
