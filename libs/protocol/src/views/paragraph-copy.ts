import type {
  DecisionContent,
  EarlierReference,
  MemberRef,
  MotionTarget,
  ParagraphOpened,
  PartyGroup,
  ProposalRef,
} from '@app/domain';
import type { AmendmentView, MotionView, ParagraphStatus, ParagraphView } from './paragraph-types.js';

export function previousOf(p: NonNullable<ParagraphOpened['data']['previous']>): ParagraphView['previous'] {
  return {
    paragraphId: p.paragraphId,
    number: p.number,
    year: p.year,
    date: p.date ?? null,
    outcome: p.outcome ?? null,
  };
}

export function copyRef(m: MemberRef): MemberRef {
  return { memberId: m.memberId, name: m.name, party: m.party };
}

export function copyContent(c: DecisionContent): DecisionContent {
  return {
    ...(c.proposesTo ? { proposesTo: { body: c.proposesTo.body, items: [...c.proposesTo.items] } } : {}),
    ...(c.ownDecisions ? { ownDecisions: [...c.ownDecisions] } : {}),
    ...(c.text ? { text: [...c.text] } : {}),
    ...(c.verbatim ? { verbatim: true } : {}),
  };
}

export function copyGroup(g: PartyGroup | undefined): PartyGroup | null {
  return g ? { party: g.party, ...(g.name !== undefined ? { name: g.name } : {}) } : null;
}

export function earlierReferenceOf(r: EarlierReference): NonNullable<ParagraphView['earlierReference']> {
  return {
    body: r.body,
    date: r.date ?? null,
    paragraph: r.paragraph,
    caseNumber: r.caseNumber ?? null,
    outcome: r.outcome ?? null,
  };
}

/** The proposal as amended by the live amendments (the last one stands). */
export function currentProposal(original: DecisionContent, amendments: AmendmentView[]): DecisionContent {
  const last = amendments.filter((a) => !a.struck).at(-1);
  return copyContent(last ? last.decision : original);
}

export function copyProposalRef(r: ProposalRef): ProposalRef {
  return r.kind === 'proposal' ? { kind: 'proposal' } : { kind: 'motion', motionId: r.motionId };
}

export function copyTarget(r: MotionTarget): MotionTarget {
  return r.kind === 'matter' ? { kind: 'matter' } : copyProposalRef(r);
}

/** 'decided' once a decision stands that is not struck; 'justified' wins over both. */
function statusOf(view: Pick<ParagraphView, 'justering' | 'decisions'>): ParagraphStatus {
  if (view.justering) return 'justified';
  return view.decisions.some((d) => !d.struck) ? 'decided' : 'open';
}

/** Apply one event to a paragraph view. Events of other streams leave it unchanged. */

/** Only decisions and justering move the status. */
export function nextStatus(view: ParagraphView, changes: ParagraphChanges): ParagraphStatus {
  return changes.decisions || changes.justering
    ? statusOf({
        justering: changes.justering ?? view.justering,
        decisions: changes.decisions ?? view.decisions,
      })
    : view.status;
}

export type ParagraphChanges = Partial<Omit<ParagraphView, 'status' | 'version'>>;

export function updateMotion(view: ParagraphView, motionId: string, change: (m: MotionView) => MotionView) {
  return { motions: view.motions.map((m) => (m.motionId === motionId ? change(m) : m)) };
}
