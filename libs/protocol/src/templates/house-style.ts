/**
 * A compiled house style: what the block builder calls to word the protocol. It is built from a
 * house-style document (data: settings and Liquid templates, `style/document.ts`) by
 * `compileHouseStyle`; no municipality's wording lives in code.
 *
 * Phrases are functions of ready-made parts: names come with party ("Robert Beronius (L)"),
 * `body` is the body's name as written at the start of a sentence, `what` is a reference to a
 * proposal already in the right grammatical form ("kommunstyrelsekontorets tjänsteutlåtandes
 * förslag").
 */
import type { MotionKind } from '@app/domain';
import type { HouseStyleSettings } from '../style/document.js';

export interface MotionPhraseParts {
  /** "Robert Beronius (L)" */
  readonly proposer: string;
  /** The proposer and any joint movers, in order. */
  readonly movers: readonly string[];
  /** What a bifall or avslag is about: the förslag, another yrkande, or the matter itself. */
  readonly target: 'proposal' | 'motion' | 'matter';
  /** The deciding body, as at the start of a sentence. */
  readonly body: string;
  /** The yrkande's own words, if any, exactly as handed in. */
  readonly text: string | null;
  /** For återremiss: why. */
  readonly motivation: string | null;
  /** For bifall/avslag: what it refers to, e.g. "kommunstyrelsekontorets tjänsteutlåtandes förslag". */
  readonly what: string;
  /** Who supported it (instämmande), for styles that name them in the same sentence. */
  readonly supporters: readonly string[];
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
  /** Seats without anyone serving. */
  readonly absent: number;
  /** The names are printed only in the omröstningsbilaga. */
  readonly appendix: boolean;
}

/** Where a question stands among the paragraph's propositions, and who puts it. */
export interface QuestionParts {
  /** The chair as the style writes a member, or null when the meeting has none recorded. */
  readonly chair: string | null;
  readonly first: boolean;
  readonly index: number;
}

export type MemberRole = 'chair' | 'substitute' | 'member';

export interface HouseStyle {
  readonly id: string;
  readonly name: string;
  /** BCP 47 tag of the language the style writes. */
  readonly locale: string;
  readonly settings: HouseStyleSettings;
  /** The extract's head lines (empty lines left out). */
  extractHead(p: {
    body: string;
    bodyShort: string;
    paragraphNumber: string;
    caseNumber: string;
    classification: string;
    date: string;
    title: string;
  }): string[];
  /** Lines of the printed extract's footer (initials and certification boxes). */
  readonly extractFooter: readonly string[];
  /** A section heading of `settings.sections`, rendered (headings are line templates). */
  sectionHeading(
    heading: string,
    vars: { body: string; proposes: boolean; proposer: string; count: number },
  ): string;

  paragraphNumber(p: { number: number; year: number; bodyShort: string }): string;
  caseNumber(dnr: string): string;
  /** The earlier paragraph of a matter that returns after återremiss or bordläggning. */
  previousParagraph(p: { number: number; year: number; date: string | null; outcome: string | null }): string;
  /** An earlier paragraph that is not in the system (free reference). */
  earlierReference(p: {
    body: string;
    date: string | null;
    paragraph: string;
    caseNumber: string | null;
    outcome: string | null;
  }): string;
  /** A person as written in a sentence or list ("tjänstgörande ersättaren Anna Ek (S)"). */
  member(p: { name: string; party: string; role: MemberRole }): string;
  basisDocumentsSentence(p: { documents: string[] }): string;

  // ── references to what is put or supported ──
  /** "kommunstyrelsekontorets tjänsteutlåtandes förslag" */
  proposalRef(p: { proposer: string; document: string | null }): string;
  /** "Robert Beronius (L) yrkande", "Lisa Lindholms (V) avslagsyrkande" */
  motionRef(m: { proposerGenitive: string; kind: MotionKind }): string;
  /** "motionen": the matter itself, as a yrkande on it names it. */
  matterRef(p: { kind: string | null; title: string | null }): string;
  /** One side of a votering on återremiss or bordläggning. */
  formalRef(p: { kind: 'aterremiss' | 'bordlaggning'; side: 'formal' | 'today'; ref: string }): string;

  // ── decisions ──
  proposesTo(p: { body: string; recipient: string; proposer: string | null }): string;
  recipientDecides(p: { recipient: string }): string;
  /** One item inline ("beslutar för egen del att …"), or the lead-in to a numbered list. */
  ownDecision(p: {
    body: string;
    alsoProposes: boolean;
    item: string | null;
    proposer: string | null;
  }): string;
  /** An own decision as an item of a numbered list (the inline form begins with "att"). */
  ownDecisionListItem(item: string): string;
  referredBack(p: { body: string; motivation: string | null }): string;
  tabled(p: { body: string }): string;
  decidedAsProposed(p: { body: string }): string;

  // ── deciding meeting ──
  recusal(p: { member: string; reason: string | null }): string;
  nonParticipation(p: { members: string[]; group: string | null; reason: string | null }): string;
  speakers(p: { speakers: string[] }): string;
  proposalSupport(p: { supporters: string[]; what: string; body: string }): string;
  proposalAmended(p: { by: string; text: string | null; body: string }): string;
  propositionOrder(p: { text: string | null; steps: string[]; body: string }): string;
  participants(p: { members: string[] }): string;
  motion(kind: MotionKind, parts: MotionPhraseParts): string;
  supporters(p: { supporters: string[]; proposerGenitive: string }): string;
  withdrawnMotion(p: { proposer: string }): string;

  // ── beslutsgång ──
  questionSingle(p: { body: string; what: string; adopted: boolean } & QuestionParts): string;
  questionSeveral(p: { body: string; options: string[]; winner: string | null } & QuestionParts): string;
  /** Återremiss or bordläggning tried first: decide today or not. */
  questionFormal(
    p: { kind: 'aterremiss' | 'bordlaggning'; formalAdopted: boolean; body: string } & QuestionParts,
  ): string;
  voteRequested(p: { requestedBy: string | null }): string;
  voteProposition(p: { kind: 'huvudvotering' | 'kontraproposition'; ja: string; nej: string }): string;
  rollCallColumns: readonly [string, string, string, string, string];
  rollCallMark: string;
  rollCallTotal: string;
  voteResult(p: VoteResultParts): string;
  rollCallNames(p: { names: string[]; vote: 'ja' | 'nej' | 'avstar'; count: number }): string;
  votingAppendixCaption(p: { number: number; paragraphNumber: string; title: string }): string;

  // ── after the decision ──
  reservation(p: {
    member: string;
    members: string[];
    group: string | null;
    inFavourOf: string | null;
    motivation: string | null;
  }): string;
  protocolNote(p: { member: string; members: string[]; group: string | null; text: string }): string;
  attachment(p: { number: number; title: string }): string;
  /** The distribution list, one block per line. */
  distribution(p: { recipients: string[] }): string[];
  dispatched(p: { recipient: string; date: string }): string;
  correction(p: { field: string; from: string; to: string; why: string; by: string }): string;
  justified(p: { immediate: boolean; date: string }): string;
  certified(p: { by: string; date: string }): string;
  /** The line that replaces a confidential paragraph's content in public documents. */
  confidential(p: { provision: string }): string;

  /** A decision in one line for the register. */
  registerDecision(p: {
    kind: 'sakbeslut' | 'aterremiss' | 'bordlaggning';
    motivation: string | null;
    proposesTo: string | null;
    items: readonly string[];
    ownDecisions: readonly string[];
  }): string;

  // ── whole protocol ──
  readonly protocol: {
    readonly titles: HouseStyleSettings['documentTitles'];
    readonly headings: HouseStyleSettings['protocolHeadings'];
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
    styleNote(p: { name: string; version: number }): string;
    /** "Kontrollsumma …": the seal that covers the justering. */
    seal(p: { date: string; upTo: string; root: string; rootGrouped: string }): string;
    announcement(p: {
      body: string;
      meetingDate: string;
      announcedOn: string;
      appealEndsOn: string;
      keptAt: string;
    }): string[];
  };
}
