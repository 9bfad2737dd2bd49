import type {
  AttachmentRef,
  Body,
  DecisionContent,
  EarlierReference,
  LineageStep,
  Matter,
  MemberRef,
  MotionKind,
  MotionTarget,
  PartyGroup,
  Person,
  Proposal,
  ProposalRef,
  VoteChoice,
} from './shared.js';

// ─── paragraph stream ────────────────────────────────────────────────────────────────

export interface ParagraphOpened {
  readonly type: 'ParagraphOpened';
  readonly data: {
    readonly paragraphId: string;
    readonly meetingId: string;
    readonly body: Body;
    readonly year: number;
    readonly number: number; // § number
    /** Dnr, e.g. "KS 2024-15"; none for formalia (val av justerare, godkännande av dagordning …). */
    readonly caseNumber?: string;
    readonly title: string;
    /** Sammanfattning av ärendet, one string per paragraph of text. */
    readonly summary: readonly string[];
    /** Beslutsunderlag. */
    readonly basisDocuments: readonly string[];
    readonly proposal: Proposal;
    /** When the matter returns after återremiss or bordläggning: the earlier paragraph. */
    readonly previous?: {
      readonly paragraphId: string;
      readonly number: number;
      readonly year: number;
      /** How the earlier paragraph deferred the matter. */
      readonly outcome?: 'aterremiss' | 'bordlaggning';
      /** The date of the earlier paragraph's meeting. */
      readonly date?: string;
    };
    /** An earlier paragraph that is not in the system (added with issue 11). */
    readonly earlierReference?: EarlierReference;
    /** The motion or medborgarförslag the paragraph handles (added with issue 11). */
    readonly matter?: Matter;
    /** The ärende's code in the diarieplan, as written ("Diariekod: 609"; added with issue 11). */
    readonly classification?: string;
    /**
     * A matter another body sent on (docs/adr/0037): the forwarding it was opened from and every
     * step before this paragraph, oldest first (added with issue 15).
     */
    readonly origin?: { readonly forwardId: string; readonly lineage: readonly LineageStep[] };
  };
}

export interface RecusalDeclared {
  readonly type: 'RecusalDeclared';
  readonly data: { readonly paragraphId: string; readonly member: MemberRef; readonly reason?: string };
}

export interface MotionProposed {
  readonly type: 'MotionProposed';
  readonly data: {
    readonly paragraphId: string;
    readonly motionId: string;
    readonly proposer: MemberRef;
    /** Joint movers besides `proposer` ("A och B yrkar …"), in order (added with issue 11). */
    readonly coProposers?: readonly MemberRef[];
    readonly kind: MotionKind;
    /** The yrkande's own words (fritt, andring, tillagg; optional for the others), as given. */
    readonly text?: string;
    /** Why the matter should go back (återremiss). */
    readonly motivation?: string;
    /** For bifall/avslag: what it supports or rejects (default: the proposal). */
    readonly refersTo?: MotionTarget;
  };
}

/** A member supports (instämmer i) the preparing body's förslag itself (added with issue 11). */
export interface ProposalSupported {
  readonly type: 'ProposalSupported';
  readonly data: { readonly paragraphId: string; readonly member: MemberRef };
}

/**
 * The chair amends the proposal under discussion during the meeting; from then on
 * `decision` is what "the proposal" means when it is put.
 */
export interface ProposalAmended {
  readonly type: 'ProposalAmended';
  readonly data: {
    readonly paragraphId: string;
    readonly amendmentId: string;
    /** The proposal's decision as amended (complete, it replaces the one before). */
    readonly decision: DecisionContent;
    /** Who amended it: the chair unless the clerk names another member. */
    readonly by: MemberRef;
    /** The amendment in the chair's words, as given. */
    readonly text?: string;
  };
}

/** Talarlista: who spoke during överläggningen, in the order recorded. */
export interface SpeakerRecorded {
  readonly type: 'SpeakerRecorded';
  readonly data: {
    readonly paragraphId: string;
    readonly speakerId: string;
    /** A member, or a person who is not (an official giving föredragning). */
    readonly member?: MemberRef;
    readonly person?: Person;
    readonly at?: string;
  };
}

/**
 * Members (or a party group) declare that they do not take part in the decision, without
 * being jäviga. They are left out of the decision's participants; this is never jäv.
 */
export interface NonParticipationDeclared {
  readonly type: 'NonParticipationDeclared';
  readonly data: {
    readonly paragraphId: string;
    readonly declarationId: string;
    readonly members: readonly MemberRef[];
    readonly group?: PartyGroup;
    readonly reason?: string;
  };
}

/**
 * The meeting approves the chair's propositionsordning (beslutsgång). Each step is what the
 * chair will put in one proposition; `text` is the order in the chair's words.
 */
export interface PropositionOrderApproved {
  readonly type: 'PropositionOrderApproved';
  readonly data: {
    readonly paragraphId: string;
    readonly orderId: string;
    readonly steps: readonly { readonly puts: readonly ProposalRef[] }[];
    readonly text?: string;
  };
}

/** A bilaga attached to the paragraph (beslutsunderlag, written reservation, …). */
export interface AttachmentAdded {
  readonly type: 'AttachmentAdded';
  readonly data: AttachmentRef & { readonly paragraphId: string };
}

export interface MotionSupported {
  readonly type: 'MotionSupported';
  readonly data: { readonly paragraphId: string; readonly motionId: string; readonly member: MemberRef };
}

/**
 * A yrkande as registered was wrong (a typo, the wrong kind) and is put right before the
 * paragraph is decided and before it is put under proposition (docs/adr/0046). The words and the
 * kind as amended replace the earlier ones in the protocol; the history keeps both.
 */
export interface MotionAmended {
  readonly type: 'MotionAmended';
  readonly data: {
    readonly paragraphId: string;
    readonly motionId: string;
    readonly kind: MotionKind;
    readonly text?: string;
    readonly motivation?: string;
    /** Why it was amended, for the audit trail. */
    readonly reason?: string;
  };
}

export interface MotionWithdrawn {
  readonly type: 'MotionWithdrawn';
  readonly data: { readonly paragraphId: string; readonly motionId: string };
}

/**
 * Proposition: the chair puts one proposal ("frågar om … kan besluta i enlighet med X") or
 * several against each other ("ställer proposition på X mot Y"), and announces a finding.
 * `finding` is the proposal the chair finds adopted, or 'rejected' when a single proposal put
 * alone is found rejected.
 */
export interface ChairAskedQuestion {
  readonly type: 'ChairAskedQuestion';
  readonly data: {
    readonly paragraphId: string;
    readonly questionId: string;
    readonly puts: readonly ProposalRef[];
    readonly finding: ProposalRef | 'rejected';
  };
}

export interface VoteRequested {
  readonly type: 'VoteRequested';
  readonly data: {
    readonly paragraphId: string;
    readonly voteId: string;
    /** Absent when the protocol does not say who asked ("Omröstning begärs"). */
    readonly requestedBy?: MemberRef;
    /** The question whose finding is contested. */
    readonly questionId: string;
  };
}

/**
 * The voteringsproposition, approved by the body before the roll call.
 * `kind`: 'kontraproposition' picks the counter-proposal among several; 'huvudvotering' decides.
 */
export interface VotePropositionApproved {
  readonly type: 'VotePropositionApproved';
  readonly data: {
    readonly paragraphId: string;
    readonly voteId: string;
    readonly kind: 'huvudvotering' | 'kontraproposition';
    readonly ja: ProposalRef;
    readonly nej: ProposalRef;
  };
}

export interface VoteHeld {
  readonly type: 'VoteHeld';
  readonly data: {
    readonly paragraphId: string;
    readonly voteId: string;
    /**
     * Which round of the votering this was (added; optional for older events). A votering may
     * have kontrapropositionsvoteringar before its huvudvotering, all under one voteId: each
     * VoteHeld answers the VotePropositionApproved before it.
     */
    readonly kind?: 'huvudvotering' | 'kontraproposition';
    /** Roll call in the order members were called; the chair votes last. */
    readonly votes: readonly { readonly member: MemberRef; readonly vote: VoteChoice }[];
    readonly tally: { readonly ja: number; readonly nej: number; readonly avstar: number };
    /** The chair's utslagsröst on a tie. */
    readonly castingVote?: 'ja' | 'nej';
    readonly outcome: 'ja' | 'nej';
    /** The names go in the appendix (omröstningsbilaga); the paragraph shows counts only. */
    readonly namesInAppendix?: boolean;
  };
}

export interface DecisionAdopted {
  readonly type: 'DecisionAdopted';
  readonly data: {
    readonly paragraphId: string;
    readonly decisionId: string;
    readonly kind: 'sakbeslut' | 'aterremiss' | 'bordlaggning';
    /** For sakbeslut: what the body decided; for any kind, the protocol's words when verbatim. */
    readonly content?: DecisionContent;
    /** For återremiss: the motivation, as adopted. */
    readonly motivation?: string;
    /** The questions and vote that reached it. */
    readonly basedOn: { readonly questionIds: readonly string[]; readonly voteId?: string };
    /** Who took part in the decision (serving members not recused), for the protocol. */
    readonly participants: readonly MemberRef[];
  };
}

export interface ReservationEntered {
  readonly type: 'ReservationEntered';
  readonly data: {
    readonly paragraphId: string;
    readonly reservationId: string;
    /** The first (or only) member who reserves; `members` lists all when several do. */
    readonly member: MemberRef;
    /** A joint reservation: every member, `member` first (added with issue 11). */
    readonly members?: readonly MemberRef[];
    /** A reservation by a party group (added with issue 11). */
    readonly group?: PartyGroup;
    readonly decisionId: string;
    /** e.g. "till förmån för eget yrkande"; written reasons may follow until justering. */
    readonly reasons?: string;
    /** Written reasons handed in as a bilaga: its SHA-256 (added with issue 11). */
    readonly reasonsAttachment?: string;
  };
}

export interface ReservationReasonsSubmitted {
  readonly type: 'ReservationReasonsSubmitted';
  readonly data: {
    readonly paragraphId: string;
    readonly reservationId: string;
    /** Empty when the reasons were handed in only as a bilaga (older events always have text). */
    readonly reasons: string;
    /** The bilaga with the written reasons: its SHA-256 (added with issue 11). */
    readonly attachment?: string;
  };
}

export interface ProtocolNoteEntered {
  readonly type: 'ProtocolNoteEntered';
  readonly data: {
    readonly paragraphId: string;
    readonly noteId: string;
    /** The first (or only) member; `members` lists all when several or a group enter it. */
    readonly member: MemberRef;
    readonly members?: readonly MemberRef[];
    /** A protokollsanteckning by a party group (added with issue 11). */
    readonly group?: PartyGroup;
    readonly text: string;
  };
}

export interface DistributionSet {
  readonly type: 'DistributionSet';
  readonly data: { readonly paragraphId: string; readonly recipients: readonly string[] };
}

/**
 * A mistaken entry struck before justering. History keeps both; the protocol leaves the
 * struck entry out and auditors see why.
 */
export interface EntryStruck {
  readonly type: 'EntryStruck';
  readonly data: {
    readonly paragraphId: string;
    /** motionId, questionId, voteId, decisionId, reservationId or noteId. */
    readonly entryId: string;
    readonly reason: string;
  };
}

export interface ParagraphJustified {
  readonly type: 'ParagraphJustified';
  readonly data: {
    readonly paragraphId: string;
    readonly by: readonly MemberRef[];
    readonly at: string;
    /** Omedelbar justering at the meeting, rather than with the protocol. */
    readonly immediate: boolean;
  };
}

/** Rättelse of an obvious error after justering: the only change allowed then. */
export interface CorrectionRecorded {
  readonly type: 'CorrectionRecorded';
  readonly data: {
    readonly paragraphId: string;
    readonly correctionId: string;
    /** What is corrected, e.g. 'title', 'summary', 'decision', 'caseNumber'. */
    readonly field: string;
    readonly from: string;
    readonly to: string;
    readonly why: string;
    readonly by: Person;
  };
}

export interface ExtractCertified {
  readonly type: 'ExtractCertified';
  readonly data: { readonly paragraphId: string; readonly by: Person; readonly at: string };
}

export interface DecisionDispatched {
  readonly type: 'DecisionDispatched';
  readonly data: { readonly paragraphId: string; readonly recipient: string; readonly at: string };
}

/**
 * The paragraph contains information covered by sekretess (offentlighets- och sekretesslagen,
 * 2009:400): the public views show only its heading and the beslut, with the provision cited
 * (docs/adr/0030). The clerk marks it; the full record stays as it is for clerks and auditors.
 */
export interface ParagraphMarkedConfidential {
  readonly type: 'ParagraphMarkedConfidential';
  readonly data: {
    readonly paragraphId: string;
    /** The provision, as the clerk cites it: "OSL 26 kap. 1 §". */
    readonly provision: string;
    /** Why, for the record (not shown publicly). */
    readonly reason?: string;
    readonly by: Person;
    readonly at: string;
  };
}

/** The marking no longer applies (the sekretess has lapsed or was misjudged): public again. */
export interface ParagraphConfidentialityLifted {
  readonly type: 'ParagraphConfidentialityLifted';
  readonly data: {
    readonly paragraphId: string;
    readonly reason: string;
    readonly by: Person;
    readonly at: string;
  };
}

/**
 * The paragraph's § number changed with the agenda's order, before anything was recorded in it
 * (the numbering stream's ParagraphNumbersReassigned holds the whole change, docs/adr/0055).
 */
export interface ParagraphRenumbered {
  readonly type: 'ParagraphRenumbered';
  readonly data: {
    readonly paragraphId: string;
    readonly meetingId: string;
    readonly from: number;
    readonly to: number;
  };
}

export type ParagraphEvent =
  | ParagraphOpened
  | ParagraphRenumbered
  | RecusalDeclared
  | MotionProposed
  | MotionSupported
  | MotionWithdrawn
  | MotionAmended
  | ProposalSupported
  | ProposalAmended
  | SpeakerRecorded
  | NonParticipationDeclared
  | PropositionOrderApproved
  | AttachmentAdded
  | ChairAskedQuestion
  | VoteRequested
  | VotePropositionApproved
  | VoteHeld
  | DecisionAdopted
  | ReservationEntered
  | ReservationReasonsSubmitted
  | ProtocolNoteEntered
  | DistributionSet
  | EntryStruck
  | ParagraphJustified
  | CorrectionRecorded
  | ExtractCertified
  | DecisionDispatched
  | ParagraphMarkedConfidential
  | ParagraphConfidentialityLifted;
