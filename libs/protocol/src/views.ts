/**
 * Read models the renderer works from: the state a projection holds. Each is a pure fold of
 * one stream's events, plain JSON (no Maps, no Dates, `null` rather than `undefined`), so a
 * projection can store it as JSON and a rebuild from position 0 gives an equal value.
 *
 * `evolveMeetingView` / `evolveParagraphView` apply one event at a time (what a projection
 * runner calls); `meetingView` / `paragraphView` fold a whole stream with them.
 *
 * Struck entries (EntryStruck) stay in the view with `struck` set, so auditors can see them;
 * the renderer leaves them out.
 */
import type {
  AttachmentRef,
  Body,
  DecisionContent,
  EarlierReference,
  Matter,
  MeetingEvent,
  Member,
  MemberRef,
  MotionKind,
  MotionTarget,
  ParagraphEvent,
  PartyGroup,
  Person,
  ProposalRef,
  VoteChoice,
} from '@app/domain';

// ─── meeting ─────────────────────────────────────────────────────────────────────────

/** A bilaga, listed and numbered in the documents; the bytes are fetched by `sha256`. */
export interface AttachmentView {
  readonly sha256: string;
  readonly filename: string;
  readonly mediaType: string;
  readonly size: number;
  readonly title: string;
  readonly number: number;
  readonly struck: boolean;
}

function attachmentView(a: AttachmentRef): AttachmentView {
  return {
    sha256: a.sha256,
    filename: a.filename,
    mediaType: a.mediaType,
    size: a.size,
    title: a.title,
    number: a.number,
    struck: false,
  };
}

export interface AttendanceView {
  readonly effectiveFrom: string;
  /** Members present (ledamöter and ersättare), in the register's order. */
  readonly present: MemberRef[];
  readonly absent: MemberRef[];
  readonly servingSubstitutes: { readonly substitute: MemberRef; readonly forMember: MemberRef }[];
  readonly others: Person[];
}

export interface MeetingView {
  readonly meetingId: string;
  readonly body: Body;
  readonly date: string;
  readonly startTime: string;
  readonly place: string;
  readonly chair: MemberRef | null;
  readonly secretary: Person;
  readonly members: Member[];
  /** Every attendance record in order; the last one is in force. */
  readonly attendance: AttendanceView[];
  readonly adjusters: MemberRef[];
  readonly justeringAt: string | null;
  readonly justeringPlace: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly justified: { readonly by: MemberRef[]; readonly at: string } | null;
  readonly announced: {
    readonly announcedOn: string;
    readonly appealEndsOn: string;
    readonly protocolKeptAt: string;
  } | null;
  /** Bilagor to the protocol as a whole (views stored before issue 11 may lack it). */
  readonly attachments?: AttachmentView[];
  /** How many of this stream's events the view has applied. */
  readonly version: number;
}

type EventLike = { readonly type: string; readonly data: unknown };

function ref(member: Member): MemberRef {
  return { memberId: member.memberId, name: member.name, party: member.party };
}

/** A member id the register does not know still renders, as the bare id, rather than failing. */
function lookup(members: readonly Member[], memberId: string): MemberRef {
  const member = members.find((m) => m.memberId === memberId);
  return member ? ref(member) : { memberId, name: memberId, party: '' };
}

/** Apply one event to a meeting view. Events of other streams leave it unchanged. */
export function evolveMeetingView(view: MeetingView | null, event: EventLike): MeetingView | null {
  const e = event as MeetingEvent;
  if (e.type === 'MeetingScheduled') {
    const d = e.data;
    return {
      meetingId: d.meetingId,
      body: { ...d.body },
      date: d.date,
      startTime: d.startTime,
      place: d.place,
      chair: d.members.some((m) => m.memberId === d.chair) ? lookup(d.members, d.chair) : null,
      secretary: { ...d.secretary },
      members: d.members.map((m) => ({ ...m })),
      attendance: [],
      adjusters: [],
      justeringAt: null,
      justeringPlace: null,
      openedAt: null,
      closedAt: null,
      justified: null,
      announced: null,
      attachments: [],
      version: 1,
    };
  }
  if (view === null) return null;
  const next = { ...view, version: view.version + 1 };
  switch (e.type) {
    case 'AttendanceRecorded': {
      const d = e.data;
      const byId = (id: string) => lookup(view.members, id);
      // Keep the register's order so the protocol lists members as the body does.
      const inRegisterOrder = (ids: readonly string[]) =>
        view.members
          .filter((m) => ids.includes(m.memberId))
          .map(ref)
          .concat(ids.filter((id) => !view.members.some((m) => m.memberId === id)).map(byId));
      return {
        ...next,
        attendance: [
          ...view.attendance,
          {
            effectiveFrom: d.effectiveFrom,
            present: inRegisterOrder(d.present),
            absent: inRegisterOrder(d.absent),
            servingSubstitutes: d.servingSubstitutes.map((s) => ({
              substitute: byId(s.substituteId),
              forMember: byId(s.forMemberId),
            })),
            others: (d.others ?? []).map((p) => ({ ...p })),
          },
        ],
      };
    }
    case 'AdjustersAppointed':
      return {
        ...next,
        adjusters: e.data.adjusters.map((id) => lookup(view.members, id)),
        justeringAt: e.data.justeringAt,
        justeringPlace: e.data.justeringPlace,
      };
    case 'MeetingOpened':
      return { ...next, openedAt: e.data.at };
    case 'MeetingClosed':
      return { ...next, closedAt: e.data.at };
    case 'ProtocolJustified':
      return { ...next, justified: { by: e.data.by.map(copyRef), at: e.data.at } };
    case 'ProtocolAttachmentAdded':
      return { ...next, attachments: [...(view.attachments ?? []), attachmentView(e.data)] };
    case 'ProtocolAnnounced':
      return {
        ...next,
        announced: {
          announcedOn: e.data.announcedOn,
          appealEndsOn: e.data.appealEndsOn,
          protocolKeptAt: e.data.protocolKeptAt,
        },
      };
    default:
      return view;
  }
}

/** Fold a meeting stream. Throws if it has no MeetingScheduled (nothing to render). */
export function meetingView(events: readonly EventLike[]): MeetingView {
  const view = events.reduce<MeetingView | null>(evolveMeetingView, null);
  if (view === null) throw new Error('meetingView: the events hold no MeetingScheduled');
  return view;
}

/** The attendance in force (the last record), or null before attendance is recorded. */
export function currentAttendance(view: MeetingView): AttendanceView | null {
  return view.attendance[view.attendance.length - 1] ?? null;
}

/**
 * Who may decide under an attendance record: present ledamöter whose seat is not taken by a
 * substitute, and the serving ersättare.
 */
export function servingMembers(view: MeetingView, attendance: AttendanceView): MemberRef[] {
  const role = (id: string) => view.members.find((m) => m.memberId === id)?.role;
  const replaced = new Set(attendance.servingSubstitutes.map((s) => s.forMember.memberId));
  const serving = new Set(attendance.servingSubstitutes.map((s) => s.substitute.memberId));
  return attendance.present.filter(
    (m) => serving.has(m.memberId) || (role(m.memberId) !== 'ersattare' && !replaced.has(m.memberId)),
  );
}

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
   * `outcome` are filled when the event carries them (ParagraphOpened does not yet).
   */
  readonly previous: {
    readonly paragraphId: string;
    readonly number: number;
    readonly year: number;
    readonly date: string | null;
    readonly outcome: 'aterremiss' | 'bordlaggning' | null;
  } | null;
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

function previousOf(p: { paragraphId: string; number: number; year: number }): ParagraphView['previous'] {
  // Read fields a later event version may add, without depending on them.
  const extra = p as { date?: unknown; outcome?: unknown };
  return {
    paragraphId: p.paragraphId,
    number: p.number,
    year: p.year,
    date: typeof extra.date === 'string' ? extra.date : null,
    outcome: extra.outcome === 'aterremiss' || extra.outcome === 'bordlaggning' ? extra.outcome : null,
  };
}

function copyRef(m: MemberRef): MemberRef {
  return { memberId: m.memberId, name: m.name, party: m.party };
}

function copyContent(c: DecisionContent): DecisionContent {
  return {
    ...(c.proposesTo ? { proposesTo: { body: c.proposesTo.body, items: [...c.proposesTo.items] } } : {}),
    ...(c.ownDecisions ? { ownDecisions: [...c.ownDecisions] } : {}),
    ...(c.text ? { text: [...c.text] } : {}),
    ...(c.verbatim ? { verbatim: true } : {}),
  };
}

function copyGroup(g: PartyGroup | undefined): PartyGroup | null {
  return g ? { party: g.party, ...(g.name !== undefined ? { name: g.name } : {}) } : null;
}

function earlierReferenceOf(r: EarlierReference): NonNullable<ParagraphView['earlierReference']> {
  return {
    body: r.body,
    date: r.date ?? null,
    paragraph: r.paragraph,
    caseNumber: r.caseNumber ?? null,
    outcome: r.outcome ?? null,
  };
}

/** The proposal as amended by the live amendments (the last one stands). */
function currentProposal(original: DecisionContent, amendments: AmendmentView[]): DecisionContent {
  const last = amendments.filter((a) => !a.struck).at(-1);
  return copyContent(last ? last.decision : original);
}

function copyProposalRef(r: ProposalRef): ProposalRef {
  return r.kind === 'proposal' ? { kind: 'proposal' } : { kind: 'motion', motionId: r.motionId };
}

function copyTarget(r: MotionTarget): MotionTarget {
  return r.kind === 'matter' ? { kind: 'matter' } : copyProposalRef(r);
}

/** 'decided' once a decision stands that is not struck; 'justified' wins over both. */
function statusOf(view: Pick<ParagraphView, 'justering' | 'decisions'>): ParagraphStatus {
  if (view.justering) return 'justified';
  return view.decisions.some((d) => !d.struck) ? 'decided' : 'open';
}

/** Apply one event to a paragraph view. Events of other streams leave it unchanged. */
export function evolveParagraphView(view: ParagraphView | null, event: EventLike): ParagraphView | null {
  const e = event as ParagraphEvent;
  if (e.type === 'ParagraphOpened') {
    const d = e.data;
    return {
      paragraphId: d.paragraphId,
      meetingId: d.meetingId,
      body: { ...d.body },
      year: d.year,
      number: d.number,
      caseNumber: d.caseNumber,
      title: d.title,
      summary: [...d.summary],
      basisDocuments: [...d.basisDocuments],
      proposal: {
        proposer: d.proposal.proposer,
        document: d.proposal.document ?? null,
        decision: copyContent(d.proposal.decision),
        current: copyContent(d.proposal.decision),
        amendments: [],
        supporters: [],
      },
      matter: d.matter ? { ...d.matter } : null,
      classification: d.classification ?? null,
      earlierReference: d.earlierReference ? earlierReferenceOf(d.earlierReference) : null,
      previous: d.previous ? previousOf(d.previous) : null,
      recusals: [],
      motions: [],
      speakers: [],
      propositionOrders: [],
      proceedings: [],
      voteRequests: [],
      nonParticipations: [],
      attachments: [],
      decisions: [],
      reservations: [],
      notes: [],
      recipients: [],
      dispatches: [],
      justering: null,
      corrections: [],
      certifications: [],
      strikes: [],
      status: 'open',
      version: 1,
    };
  }
  if (view === null) return null;
  const changes = paragraphChanges(view, e);
  if (changes === null) return view;
  // One copy per event (projections fold thousands of events a second): the fields that
  // changed, the version, and the status.
  return { ...view, ...changes, status: nextStatus(view, changes), version: view.version + 1 };
}

/**
 * `evolveParagraphView` for a caller that owns `view` (nobody else holds it, e.g. a
 * projection's cache): the changes are written into `view` instead of a copy, so a rebuild
 * allocates only what an event changes. The result equals `evolveParagraphView`'s.
 */
export function evolveParagraphViewInPlace(
  view: ParagraphView | null,
  event: EventLike,
): ParagraphView | null {
  const e = event as ParagraphEvent;
  if (view === null || e.type === 'ParagraphOpened') return evolveParagraphView(view, event);
  const changes = paragraphChanges(view, e);
  if (changes === null) return view;
  const status = nextStatus(view, changes);
  const owned = Object.assign(view as { -readonly [K in keyof ParagraphView]: ParagraphView[K] }, changes);
  owned.status = status;
  owned.version = view.version + 1;
  return owned;
}

/** Only decisions and justering move the status. */
function nextStatus(view: ParagraphView, changes: ParagraphChanges): ParagraphStatus {
  return changes.decisions || changes.justering
    ? statusOf({
        justering: changes.justering ?? view.justering,
        decisions: changes.decisions ?? view.decisions,
      })
    : view.status;
}

type ParagraphChanges = Partial<Omit<ParagraphView, 'status' | 'version'>>;

function updateMotion(view: ParagraphView, motionId: string, change: (m: MotionView) => MotionView) {
  return { motions: view.motions.map((m) => (m.motionId === motionId ? change(m) : m)) };
}

/** The fields an event changes; null for events this view does not know. */
function paragraphChanges(view: ParagraphView, e: ParagraphEvent): ParagraphChanges | null {
  switch (e.type) {
    case 'RecusalDeclared':
      return {
        recusals: [...view.recusals, { member: copyRef(e.data.member), reason: e.data.reason ?? null }],
      };
    case 'MotionProposed': {
      const d = e.data;
      return {
        motions: [
          ...view.motions,
          {
            motionId: d.motionId,
            proposer: copyRef(d.proposer),
            coProposers: (d.coProposers ?? []).map(copyRef),
            kind: d.kind,
            text: d.text ?? null,
            motivation: d.motivation ?? null,
            target: d.refersTo ? copyTarget(d.refersTo) : { kind: 'proposal' },
            refersTo:
              d.refersTo && d.refersTo.kind !== 'matter' ? copyProposalRef(d.refersTo) : { kind: 'proposal' },
            refersToMatter: d.refersTo?.kind === 'matter',
            supporters: [],
            withdrawn: false,
            struck: false,
          },
        ],
      };
    }
    case 'MotionSupported':
      return updateMotion(view, e.data.motionId, (m) => ({
        ...m,
        supporters: [...m.supporters, copyRef(e.data.member)],
      }));
    case 'MotionWithdrawn':
      return updateMotion(view, e.data.motionId, (m) => ({ ...m, withdrawn: true }));
    case 'ProposalSupported':
      return {
        proposal: { ...view.proposal, supporters: [...view.proposal.supporters, copyRef(e.data.member)] },
      };
    case 'ProposalAmended': {
      const amendments = [
        ...view.proposal.amendments,
        {
          amendmentId: e.data.amendmentId,
          decision: copyContent(e.data.decision),
          by: copyRef(e.data.by),
          text: e.data.text ?? null,
          struck: false,
        },
      ];
      return {
        proposal: {
          ...view.proposal,
          amendments,
          current: currentProposal(view.proposal.decision, amendments),
        },
      };
    }
    case 'SpeakerRecorded':
      return {
        speakers: [
          ...view.speakers,
          {
            speakerId: e.data.speakerId,
            member: e.data.member ? copyRef(e.data.member) : null,
            person: e.data.person ? { ...e.data.person } : null,
            at: e.data.at ?? null,
            struck: false,
          },
        ],
      };
    case 'NonParticipationDeclared':
      return {
        nonParticipations: [
          ...view.nonParticipations,
          {
            declarationId: e.data.declarationId,
            members: e.data.members.map(copyRef),
            group: copyGroup(e.data.group),
            reason: e.data.reason ?? null,
            struck: false,
          },
        ],
      };
    case 'PropositionOrderApproved':
      return {
        propositionOrders: [
          ...view.propositionOrders,
          {
            orderId: e.data.orderId,
            steps: e.data.steps.map((step) => ({ puts: step.puts.map(copyProposalRef) })),
            text: e.data.text ?? null,
            struck: false,
          },
        ],
      };
    case 'AttachmentAdded':
      return { attachments: [...view.attachments, attachmentView(e.data)] };
    case 'ChairAskedQuestion':
      return {
        proceedings: [
          ...view.proceedings,
          {
            kind: 'question',
            questionId: e.data.questionId,
            puts: e.data.puts.map(copyProposalRef),
            finding: e.data.finding === 'rejected' ? 'rejected' : copyProposalRef(e.data.finding),
            struck: false,
          },
        ],
      };
    case 'VoteRequested': {
      const requestedBy = e.data.requestedBy;
      const request = {
        voteId: e.data.voteId,
        questionId: e.data.questionId,
        requestedBy: requestedBy ? copyRef(requestedBy) : null,
        struck: false,
      };
      return {
        voteRequests: [...view.voteRequests, request],
        ...(requestedBy
          ? {
              proceedings: [
                ...view.proceedings,
                {
                  kind: 'voteRequested' as const,
                  voteId: e.data.voteId,
                  questionId: e.data.questionId,
                  requestedBy: copyRef(requestedBy),
                  struck: false,
                },
              ],
            }
          : {}),
      };
    }
    case 'VotePropositionApproved':
      return {
        proceedings: [
          ...view.proceedings,
          {
            kind: 'voteProposition',
            voteId: e.data.voteId,
            voteKind: e.data.kind,
            ja: copyProposalRef(e.data.ja),
            nej: copyProposalRef(e.data.nej),
            struck: false,
          },
        ],
      };
    case 'VoteHeld':
      return {
        proceedings: [
          ...view.proceedings,
          {
            kind: 'vote',
            voteId: e.data.voteId,
            round: e.data.kind ?? null,
            votes: e.data.votes.map((v) => ({ member: copyRef(v.member), vote: v.vote })),
            tally: { ...e.data.tally },
            castingVote: e.data.castingVote ?? null,
            outcome: e.data.outcome,
            namesInAppendix: e.data.namesInAppendix ?? false,
            struck: false,
          },
        ],
      };
    case 'DecisionAdopted': {
      const d = e.data;
      return {
        decisions: [
          ...view.decisions,
          {
            decisionId: d.decisionId,
            kind: d.kind,
            content: d.content ? copyContent(d.content) : null,
            motivation: d.motivation ?? null,
            basedOn: { questionIds: [...d.basedOn.questionIds], voteId: d.basedOn.voteId ?? null },
            participants: d.participants.map(copyRef),
            struck: false,
          },
        ],
      };
    }
    case 'ReservationEntered':
      return {
        reservations: [
          ...view.reservations,
          {
            reservationId: e.data.reservationId,
            member: copyRef(e.data.member),
            members: (e.data.members ?? [e.data.member]).map(copyRef),
            group: copyGroup(e.data.group),
            decisionId: e.data.decisionId,
            reasons: e.data.reasons ?? null,
            reasonsAttachment: e.data.reasonsAttachment ?? null,
            writtenReasons: null,
            writtenReasonsAttachment: null,
            struck: false,
          },
        ],
      };
    case 'ReservationReasonsSubmitted':
      return {
        reservations: view.reservations.map((r) =>
          r.reservationId === e.data.reservationId
            ? {
                ...r,
                // Reasons handed in only as a bilaga carry empty text.
                writtenReasons:
                  e.data.reasons !== '' || e.data.attachment === undefined ? e.data.reasons : null,
                writtenReasonsAttachment: e.data.attachment ?? null,
              }
            : r,
        ),
      };
    case 'ProtocolNoteEntered':
      return {
        notes: [
          ...view.notes,
          {
            noteId: e.data.noteId,
            member: copyRef(e.data.member),
            members: (e.data.members ?? [e.data.member]).map(copyRef),
            group: copyGroup(e.data.group),
            text: e.data.text,
            struck: false,
          },
        ],
      };
    case 'DistributionSet':
      // Each DistributionSet is the whole list: it replaces the last.
      return { recipients: [...e.data.recipients] };
    case 'EntryStruck':
      return strike(view, e.data.entryId, e.data.reason);
    case 'ParagraphJustified':
      return {
        justering: { by: e.data.by.map(copyRef), at: e.data.at, immediate: e.data.immediate },
      };
    case 'CorrectionRecorded':
      return correct(view, e.data);
    case 'ExtractCertified':
      return { certifications: [...view.certifications, { by: { ...e.data.by }, at: e.data.at }] };
    case 'DecisionDispatched':
      return { dispatches: [...view.dispatches, { recipient: e.data.recipient, at: e.data.at }] };
    case 'ParagraphMarkedConfidential':
      return {
        confidential: {
          provision: e.data.provision,
          reason: e.data.reason ?? null,
          by: { ...e.data.by },
          at: e.data.at,
        },
      };
    case 'ParagraphConfidentialityLifted':
      return { confidential: null };
    default:
      return null;
  }
}

/**
 * Flag the entry with that id, wherever it is. A vote's request, proposition and roll call
 * share the voteId, so striking a vote strikes all three.
 */
function strike(view: ParagraphView, entryId: string, reason: string): ParagraphChanges {
  const proceedingId = (p: ProceedingView) => (p.kind === 'question' ? p.questionId : p.voteId);
  const amendments = view.proposal.amendments.map((a) =>
    a.amendmentId === entryId ? { ...a, struck: true } : a,
  );
  // A bilaga is struck by its SHA-256; only the live one (it may have been added again).
  let attachmentStruck = false;
  const attachments = view.attachments.map((a) => {
    if (attachmentStruck || a.struck || a.sha256 !== entryId) return a;
    attachmentStruck = true;
    return { ...a, struck: true };
  });
  return {
    proposal: { ...view.proposal, amendments, current: currentProposal(view.proposal.decision, amendments) },
    speakers: view.speakers.map((x) => (x.speakerId === entryId ? { ...x, struck: true } : x)),
    propositionOrders: view.propositionOrders.map((x) =>
      x.orderId === entryId ? { ...x, struck: true } : x,
    ),
    voteRequests: view.voteRequests.map((x) => (x.voteId === entryId ? { ...x, struck: true } : x)),
    nonParticipations: view.nonParticipations.map((x) =>
      x.declarationId === entryId ? { ...x, struck: true } : x,
    ),
    attachments,
    motions: view.motions.map((m) => (m.motionId === entryId ? { ...m, struck: true } : m)),
    proceedings: view.proceedings.map((p) => (proceedingId(p) === entryId ? { ...p, struck: true } : p)),
    decisions: view.decisions.map((d) => (d.decisionId === entryId ? { ...d, struck: true } : d)),
    reservations: view.reservations.map((r) => (r.reservationId === entryId ? { ...r, struck: true } : r)),
    notes: view.notes.map((n) => (n.noteId === entryId ? { ...n, struck: true } : n)),
    strikes: [...view.strikes, { entryId, reason }],
  };
}

/**
 * A rättelse: replace `from` by `to` in the named field, so the corrected value is what the
 * protocol says from now on; the correction itself is listed so the change stays visible.
 * Fields: title, caseNumber, summary, basisDocuments, proposal, decision.
 */
function correct(
  view: ParagraphView,
  d: { correctionId: string; field: string; from: string; to: string; why: string; by: Person },
): ParagraphView {
  let applied = false;
  const fix = (text: string): string => {
    if (d.from === '' || !text.includes(d.from)) return text;
    applied = true;
    return text.replace(d.from, d.to);
  };
  const fixContent = (c: DecisionContent): DecisionContent => ({
    ...(c.proposesTo
      ? { proposesTo: { body: fix(c.proposesTo.body), items: c.proposesTo.items.map(fix) } }
      : {}),
    ...(c.ownDecisions ? { ownDecisions: c.ownDecisions.map(fix) } : {}),
  });
  let corrected: ParagraphView = view;
  switch (d.field) {
    case 'title':
      corrected = { ...view, title: fix(view.title) };
      break;
    case 'caseNumber':
      corrected = { ...view, caseNumber: fix(view.caseNumber) };
      break;
    case 'summary':
      corrected = { ...view, summary: view.summary.map(fix) };
      break;
    case 'basisDocuments':
      corrected = { ...view, basisDocuments: view.basisDocuments.map(fix) };
      break;
    case 'proposal':
      corrected = { ...view, proposal: { ...view.proposal, decision: fixContent(view.proposal.decision) } };
      break;
    case 'decision':
      corrected = {
        ...view,
        decisions: view.decisions.map((dec) =>
          dec.struck
            ? dec
            : {
                ...dec,
                content: dec.content ? fixContent(dec.content) : null,
                motivation: dec.motivation === null ? null : fix(dec.motivation),
              },
        ),
      };
      break;
  }
  return {
    ...corrected,
    corrections: [
      ...view.corrections,
      {
        correctionId: d.correctionId,
        field: d.field,
        from: d.from,
        to: d.to,
        why: d.why,
        by: { ...d.by },
        applied,
      },
    ],
  };
}

/** Fold a paragraph stream. Throws if it has no ParagraphOpened (nothing to render). */
export function paragraphView(events: readonly EventLike[]): ParagraphView {
  const view = events.reduce<ParagraphView | null>(evolveParagraphView, null);
  if (view === null) throw new Error('paragraphView: the events hold no ParagraphOpened');
  return view;
}
