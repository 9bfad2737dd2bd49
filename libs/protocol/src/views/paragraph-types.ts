import type {
  Body,
  DecisionContent,
  LineageStep,
  Matter,
  MemberRef,
  MotionKind,
  MotionTarget,
  PartyGroup,
  Person,
  ProposalRef,
  VoteChoice,
} from '@app/domain';
import type { AttachmentView } from './meeting.js';

// ─── paragraph ───────────────────────────────────────────────────────────────────────

export interface MotionView {
  readonly motionId: string;
  readonly proposer: MemberRef;
  /** Joint movers besides the proposer, in order. */
  readonly coProposers: MemberRef[];
  readonly kind: MotionKind;
  readonly text: string | null;
  readonly motivation: string | null;
  /**
   * What a bifall or avslag refers to: the proposal, another yrkande, or the matter itself
   * (the motion or medborgarförslag). The proposal when none was given.
   */
  readonly target: MotionTarget;
  /**
   * `target` as the renderer of before issue 11 reads it: the same, except that a yrkande on the
   * matter itself (`refersToMatter`) has no ProposalRef and shows the proposal here.
   * TODO(issue 11, phase 2): drop once the house-style renderer reads `target`.
   */
  readonly refersTo: ProposalRef;
  readonly refersToMatter: boolean;
  readonly supporters: MemberRef[];
  readonly withdrawn: boolean;
  readonly struck: boolean;
  /** Put right before the beslut (MotionAmended); the audit trail has the words as first given. */
  readonly amended?: boolean;
}

/** One step of the beslutsgång, in the order it happened. */
export type ProceedingView =
  | {
      readonly kind: 'question';
      readonly questionId: string;
      readonly puts: ProposalRef[];
      readonly finding: ProposalRef | 'rejected';
      readonly struck: boolean;
    }
  | {
      readonly kind: 'voteRequested';
      readonly voteId: string;
      readonly questionId: string;
      readonly requestedBy: MemberRef;
      readonly struck: boolean;
    }
  | {
      readonly kind: 'voteProposition';
      readonly voteId: string;
      readonly voteKind: 'huvudvotering' | 'kontraproposition';
      readonly ja: ProposalRef;
      readonly nej: ProposalRef;
      readonly struck: boolean;
    }
  | {
      readonly kind: 'vote';
      readonly voteId: string;
      /** The round this was; null for events recorded before VoteHeld carried it. */
      readonly round: 'huvudvotering' | 'kontraproposition' | null;
      readonly votes: { readonly member: MemberRef; readonly vote: VoteChoice }[];
      readonly tally: { readonly ja: number; readonly nej: number; readonly avstar: number };
      readonly castingVote: 'ja' | 'nej' | null;
      readonly outcome: 'ja' | 'nej';
      /** The names go in the appendix; the paragraph shows the counts. */
      readonly namesInAppendix: boolean;
      readonly struck: boolean;
    };

export interface DecisionView {
  readonly decisionId: string;
  readonly kind: 'sakbeslut' | 'aterremiss' | 'bordlaggning';
  readonly content: DecisionContent | null;
  readonly motivation: string | null;
  readonly basedOn: { readonly questionIds: string[]; readonly voteId: string | null };
  readonly participants: MemberRef[];
  readonly struck: boolean;
}

export interface ReservationView {
  readonly reservationId: string;
  /** The first of `members`. */
  readonly member: MemberRef;
  /** Everyone who reserves (a joint reservation names several). */
  readonly members: MemberRef[];
  /** A reservation by a party group. */
  readonly group: PartyGroup | null;
  readonly decisionId: string;
  /** As announced at the meeting, e.g. "till förmån för eget yrkande". */
  readonly reasons: string | null;
  /** A bilaga with the reasons, announced with the reservation (SHA-256). */
  readonly reasonsAttachment: string | null;
  /** Written reasons handed in later (before justering). */
  readonly writtenReasons: string | null;
  /** …or handed in as a bilaga (SHA-256). */
  readonly writtenReasonsAttachment: string | null;
  readonly struck: boolean;
}

export interface ProtocolNoteView {
  readonly noteId: string;
  /** The first of `members`. */
  readonly member: MemberRef;
  readonly members: MemberRef[];
  /** A protokollsanteckning by a party group. */
  readonly group: PartyGroup | null;
  readonly text: string;
  readonly struck: boolean;
}

/** One entry of the talarlista, in the order recorded. */
export interface SpeakerView {
  readonly speakerId: string;
  readonly member: MemberRef | null;
  /** Someone who is not a member (an official). */
  readonly person: Person | null;
  readonly at: string | null;
  readonly struck: boolean;
}

/** Members or a group who do not take part in the decision (never written as jäv). */
export interface NonParticipationView {
  readonly declarationId: string;
  readonly members: MemberRef[];
  readonly group: PartyGroup | null;
  readonly reason: string | null;
  readonly struck: boolean;
}

/** The chair's amendment of the proposal during the meeting. */
export interface AmendmentView {
  readonly amendmentId: string;
  readonly decision: DecisionContent;
  readonly by: MemberRef;
  readonly text: string | null;
  readonly struck: boolean;
}

/** A votering's request; `requestedBy` null when the protocol does not say who ("Omröstning begärs"). */
export interface VoteRequestView {
  readonly voteId: string;
  readonly questionId: string;
  readonly requestedBy: MemberRef | null;
  readonly struck: boolean;
}

/** The propositionsordning the meeting approved. */
export interface PropositionOrderView {
  readonly orderId: string;
  readonly steps: { readonly puts: ProposalRef[] }[];
  readonly text: string | null;
  readonly struck: boolean;
}

export interface CorrectionView {
  readonly correctionId: string;
  readonly field: string;
  readonly from: string;
  readonly to: string;
  readonly why: string;
  readonly by: Person;
  /** False when the field is unknown or `from` was not found: shown, but nothing changed. */
  readonly applied: boolean;
}

/**
 * 'justified' comes from the paragraph's own ParagraphJustified. When the whole protocol is
 * justerat (ProtocolJustified) that is on the meeting view; the renderer reads both.
 */
export type ParagraphStatus = 'open' | 'decided' | 'justified';

export interface ParagraphView {
  readonly paragraphId: string;
  readonly meetingId: string;
  readonly body: Body;
  readonly year: number;
  readonly number: number;
  readonly caseNumber: string;
  readonly title: string;
  readonly summary: string[];
  readonly basisDocuments: string[];
  readonly proposal: {
    readonly proposer: string;
    readonly document: string | null;
    /** As the preparing body proposed it. */
    readonly decision: DecisionContent;
    /** As it stands after the chair's live amendments (equal to `decision` when none). */
    readonly current: DecisionContent;
    readonly amendments: AmendmentView[];
    /** Members who instämmer in the förslag itself. */
    readonly supporters: MemberRef[];
  };
  /** The motion or medborgarförslag the paragraph handles. */
  readonly matter: Matter | null;
  /** The ärende's code in the diarieplan ("609"), when recorded. */
  readonly classification: string | null;
  /** An earlier paragraph that is not in the system (free reference). */
  readonly earlierReference: {
    readonly body: string;
    readonly date: string | null;
    readonly paragraph: string;
    readonly caseNumber: string | null;
    readonly outcome: 'aterremiss' | 'bordlaggning' | null;
  } | null;
  /**
   * The earlier paragraph of a matter that returns after återremiss or bordläggning. `date` and
   * `outcome` come from ParagraphOpened; null for a paragraph opened before it recorded them.
   */
  readonly previous: {
    readonly paragraphId: string;
    readonly number: number;
    readonly year: number;
    readonly date: string | null;
    readonly outcome: 'aterremiss' | 'bordlaggning' | null;
  } | null;
  /**
   * A forwarded matter's way here (docs/adr/0037): which body proposed what, in which §, oldest
   * first. Present only on a paragraph opened from an incoming matter.
   */
  readonly lineage?: readonly LineageStep[];
  readonly recusals: { readonly member: MemberRef; readonly reason: string | null }[];
  readonly motions: MotionView[];
  /** Talarlista. */
  readonly speakers: SpeakerView[];
  readonly propositionOrders: PropositionOrderView[];
  /**
   * The beslutsgång in order. A votering requested without a recorded requester appears in
   * `voteRequests` only, not here (the renderer of before issue 11 names a requester).
   */
  readonly proceedings: ProceedingView[];
  /** Every votering's request, requester or not. */
  readonly voteRequests: VoteRequestView[];
  readonly nonParticipations: NonParticipationView[];
  readonly attachments: AttachmentView[];
  readonly decisions: DecisionView[];
  readonly reservations: ReservationView[];
  readonly notes: ProtocolNoteView[];
  readonly recipients: string[];
  readonly dispatches: { readonly recipient: string; readonly at: string }[];
  readonly justering: { readonly by: MemberRef[]; readonly at: string; readonly immediate: boolean } | null;
  readonly corrections: CorrectionView[];
  readonly certifications: { readonly by: Person; readonly at: string }[];
  /** Every EntryStruck, in order, for auditors. */
  readonly strikes: { readonly entryId: string; readonly reason: string }[];
  /**
   * Marked as containing sekretess (docs/adr/0030): public documents show only the heading and
   * the beslut. Absent when never marked (and in views stored before the marking existed).
   */
  readonly confidential?: ConfidentialityView | null;
  readonly status: ParagraphStatus;
  readonly version: number;
}

export interface ConfidentialityView {
  /** The provision of offentlighets- och sekretesslagen (2009:400) cited: "OSL 26 kap. 1 §". */
  readonly provision: string;
  readonly reason: string | null;
  readonly by: Person;
  readonly at: string;
}
