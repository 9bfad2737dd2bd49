// ─── shared value types ──────────────────────────────────────────────────────────────

export type MemberRole = 'ledamot' | 'ersattare';

/** A person of the body as registered when the meeting was scheduled. */
export interface Member {
  readonly memberId: string;
  readonly name: string;
  /** Party abbreviation as printed in protocols: S, M, L, C, V, KD, MP, SD … */
  readonly party: string;
  readonly role: MemberRole;
}

/** A member as named inside a paragraph's events (snapshot: name and party at the time). */
export interface MemberRef {
  readonly memberId: string;
  readonly name: string;
  readonly party: string;
}

export interface Body {
  /** Stable slug used in stream names, e.g. `ks-au`. */
  readonly id: string;
  /** Name as written at the start of a sentence, e.g. `Kommunstyrelsens arbetsutskott`. */
  readonly name: string;
  /** Short name, e.g. `KSAU`. */
  readonly shortName: string;
}

/** One step of a matter's way: a paragraph of a body that proposed something to the next. */
export interface LineageStep {
  readonly bodyId: string;
  readonly bodyName: string;
  readonly bodyShortName: string;
  readonly meetingId: string;
  readonly paragraphId: string;
  /** The meeting's date. */
  readonly date: string;
  readonly year: number;
  readonly number: number;
  /** The § as the body writes it ("§ 12", "§ 52/2019"). */
  readonly label: string;
  readonly caseNumber: string | null;
  /** What it proposed, to which body, as decided. */
  readonly proposesTo: { readonly body: string; readonly items: readonly string[] };
}

/** A person who is not a member (secretary, officials). */
export interface Person {
  readonly name: string;
  readonly title?: string;
}

/**
 * The proposal before the body, e.g. kommunstyrelsekontorets tjänsteutlåtande.
 * `proposer` and `document` are base forms in lower case ("kommunstyrelsekontoret",
 * "tjänsteutlåtande"); the renderer forms the genitive.
 */
export interface Proposal {
  readonly proposer: string;
  readonly document?: string;
  readonly decision: DecisionContent;
}

/**
 * What a decision (or a proposal for one) says.
 * - `proposesTo`: what the body proposes another body decide ("föreslår: Kommunstyrelsen beslutar: 1. … 2. …").
 * - `ownDecisions`: what it decides itself ("beslutar för egen del att …"); each item begins with "att".
 */
export interface DecisionContent {
  readonly proposesTo?: { readonly body: string; readonly items: readonly string[] };
  readonly ownDecisions?: readonly string[];
  /**
   * The decision in the clerk's own words, one string per paragraph of text, printed as given
   * (added with issue 11; older events lack it).
   */
  readonly text?: readonly string[];
  /**
   * Print the content verbatim, without the generated frame ("Organet beslutar …",
   * "föreslår: … beslutar:"), when the clerk says so (added with issue 11).
   */
  readonly verbatim?: boolean;
}

/** What the chair puts to the body, or what a vote is between. */
export type ProposalRef =
  { readonly kind: 'proposal' } | { readonly kind: 'motion'; readonly motionId: string };

/**
 * What a yrkande (bifall, avslag …) is about: the preparing body's förslag, another yrkande, or
 * the underlying matter itself — the motion or medborgarförslag the paragraph handles
 * ("bifall till motionen"), which is not the same as the förslag about it.
 */
export type MotionTarget = ProposalRef | { readonly kind: 'matter' };

/** The matter a paragraph handles when it is a motion, medborgarförslag or the like. */
export interface Matter {
  /** e.g. 'motion', 'medborgarförslag', 'e-förslag' — printed as given. */
  readonly kind: string;
  /** e.g. "Motion om fler cykelbanor" or who submitted it; printed as given. */
  readonly title?: string;
}

/** A party group, e.g. `{ party: 'S', name: 'Socialdemokraterna' }`. */
export interface PartyGroup {
  readonly party: string;
  readonly name?: string;
}

/**
 * An earlier paragraph that is not in the system (another body, or before Paragraf was used),
 * as a free reference: body, date, §.
 */
export interface EarlierReference {
  readonly body: string;
  readonly date?: string; // YYYY-MM-DD
  /** The § as written, e.g. "§ 52" or "KS § 25". */
  readonly paragraph: string;
  readonly caseNumber?: string;
  readonly outcome?: 'aterremiss' | 'bordlaggning';
}

/**
 * A document attached (bilaga) to a paragraph or the protocol. The bytes live in a
 * content-addressed store beside the event store, keyed by `sha256` (docs/adr/0021).
 */
export interface AttachmentRef {
  readonly sha256: string;
  readonly filename: string;
  readonly mediaType: string;
  readonly size: number;
  readonly title: string;
  /** Bilaga number as printed ("Bilaga 3"). */
  readonly number: number;
}

export type MotionKind =
  | 'bifall' // support the proposal (or, with `refersTo`, another motion)
  | 'avslag' // reject the proposal
  | 'andring' // ändringsyrkande: change the proposal
  | 'tillagg' // tilläggsyrkande: add to the proposal
  | 'aterremiss' // send back for more preparation; `motivation` required
  | 'bordlaggning' // postpone to a later meeting
  | 'fritt'; // free text: "yrkar på följande: …"

export type VoteChoice = 'ja' | 'nej' | 'avstar';
