/**
 * A house style: every fixed word of the protocol. The renderer decides what to show and in
 * which order; the house style decides how it is worded. Another municipality's style is a
 * new object of this type, not new code.
 *
 * Phrases are functions of ready-made parts: names come with party ("Robert Beronius (L)"),
 * `body` is the body's name as written at the start of a sentence, `what` is a reference to a
 * proposal already in the right grammatical form ("kommunstyrelsekontorets tjänsteutlåtandes
 * förslag"). The phrase functions handle case and word order.
 */
import type { MotionKind } from '@app/domain';

export interface MotionPhraseParts {
  /** "Robert Beronius (L)" */
  readonly proposer: string;
  /** The yrkande's own words, if any. */
  readonly text: string | null;
  /** For återremiss: why. */
  readonly motivation: string | null;
  /** For bifall/avslag: what it refers to, e.g. "kommunstyrelsekontorets tjänsteutlåtandes förslag". */
  readonly what: string;
}

export interface VoteResultParts {
  readonly body: string;
  readonly ja: number;
  readonly nej: number;
  readonly avstar: number;
  /** The proposal that won, in reference form. */
  readonly winner: string;
  readonly kind: 'huvudvotering' | 'kontraproposition';
  /** Set when the chair's casting vote decided a tie. */
  readonly castingVote: 'ja' | 'nej' | null;
}

export interface HouseStyle {
  /** BCP 47 tag of the language the style writes. */
  readonly locale: string;
  readonly headings: {
    readonly decision: string;
    /** Shown instead of `decision` while the paragraph is undecided. */
    readonly proposalForDecision: string;
    readonly summary: string;
    readonly basisDocuments: string;
    readonly decidingMeeting: string;
    readonly recusal: string;
    readonly motions: string;
    readonly proceedings: string;
    readonly vote: string;
    readonly reservation: string;
    readonly protocolNote: string;
    readonly distribution: string;
    readonly certification: string;
  };
  /** Lines of the printed extract's footer (initials and certification boxes). */
  readonly extractFooter: readonly string[];

  paragraphNumber(n: number): string;
  caseNumber(dnr: string): string;
  /** The earlier paragraph of a matter that returns after återremiss or bordläggning. */
  previousParagraph(p: { number: number; year: number; date: string | null; outcome: string | null }): string;

  // ── references to what is put or supported ──
  /** "kommunstyrelsekontorets tjänsteutlåtandes förslag" */
  proposalRef(p: { proposer: string; document: string | null }): string;
  /** "Robert Beronius (L) yrkande", "Lisa Lindholms (V) avslagsyrkande" */
  motionRef(m: { proposerGenitive: string; kind: MotionKind }): string;

  // ── decisions ──
  proposesTo(p: { body: string }): string;
  recipientDecides(p: { recipient: string }): string;
  /** One item inline ("beslutar för egen del att …"), or the lead-in to a numbered list. */
  ownDecision(p: { body: string; alsoProposes: boolean; item: string | null }): string;
  /** An own decision as an item of a numbered list (the inline form begins with "att"). */
  ownDecisionListItem(item: string): string;
  referredBack(p: { body: string; motivation: string | null }): string;
  tabled(p: { body: string }): string;
  decidedAsProposed(p: { body: string }): string;

  // ── deciding meeting ──
  recusal(p: { member: string; reason: string | null }): string;
  participants(p: { members: string[] }): string;
  motion(kind: MotionKind, parts: MotionPhraseParts): string;
  supporters(p: { supporters: string[]; proposerGenitive: string }): string;
  withdrawnMotion(p: { proposer: string }): string;

  // ── beslutsgång ──
  questionSingle(p: { body: string; what: string; adopted: boolean }): string;
  questionSeveral(p: { body: string; options: string[]; winner: string | null }): string;
  /** Återremiss or bordläggning tried first: decide today or not. */
  questionFormal(p: { kind: 'aterremiss' | 'bordlaggning'; formalAdopted: boolean }): string;
  voteRequested(p: { requestedBy: string }): string;
  voteProposition(p: { kind: 'huvudvotering' | 'kontraproposition'; ja: string; nej: string }): string;
  rollCallColumns: readonly [string, string, string, string, string];
  rollCallMark: string;
  rollCallTotal: string;
  voteResult(p: VoteResultParts): string;

  // ── after the decision ──
  reservation(p: { member: string; inFavourOf: string | null; motivation: string | null }): string;
  protocolNote(p: { member: string; text: string }): string;
  dispatched(p: { recipient: string; date: string }): string;
  correction(p: { field: string; from: string; to: string; why: string; by: string }): string;
  justified(p: { immediate: boolean; date: string }): string;
  certified(p: { by: string; date: string }): string;

  // ── whole protocol ──
  readonly protocol: {
    readonly title: string;
    readonly headings: {
      readonly dateAndTime: string;
      readonly place: string;
      readonly deciding: string;
      readonly others: string;
      readonly absent: string;
      readonly secretary: string;
      readonly adjusters: string;
      readonly justering: string;
      readonly paragraphs: string;
      readonly signatures: string;
      readonly announcement: string;
    };
    dateAndTime(p: { date: string; from: string; to: string | null }): string;
    chair(p: { member: string }): string;
    servingSubstitute(p: { substitute: string; forMember: string }): string;
    nonServingSubstitute(p: { member: string }): string;
    other(p: { name: string; title: string | null }): string;
    attendanceFrom(p: { time: string; deciding: string[] }): string;
    justeringTimeAndPlace(p: { date: string; time: string; place: string }): string;
    paragraphRange(p: { numbers: number[] }): string;
    signatureLine: string;
    readonly roles: { readonly secretary: string; readonly chair: string; readonly adjuster: string };
    justifiedBy(p: { names: string[]; date: string }): string;
    announcement(p: {
      body: string;
      meetingDate: string;
      announcedOn: string;
      appealEndsOn: string;
      keptAt: string;
    }): string[];
  };
}
