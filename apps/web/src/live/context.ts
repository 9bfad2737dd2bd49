/**
 * The one source of the live screen's state (docs/adr/0045): the meeting and the paragraph as
 * the API last answered, and everything derived from them (who votes, what is live, whether the
 * paragraph may still be recorded in). Every step, the timeline and the status line read it here,
 * so they cannot disagree.
 */
import { createContext, useContext } from 'react';
import {
  memberLabel,
  serving,
  type MeetingView,
  type MemberRef,
  type ParagraphView,
  type ProposalRef,
} from '../api';
import { takingPart } from '../steps/types';

export type ParagraphState = 'open' | 'decided' | 'justified';

export interface LiveCtx {
  readonly meeting: MeetingView;
  readonly p: ParagraphView;
  /** `/paragraphs/<id>`: where the steps post. */
  readonly base: string;
  readonly serving: MemberRef[];
  /** Serving and taking part, the chair last (the chair votes last in an upprop). */
  readonly voters: MemberRef[];
  readonly present: MemberRef[];
  readonly motions: { motionId: string; label: string }[];
  readonly questions: Extract<ParagraphView['proceedings'][number], { kind: 'question' }>[];
  readonly decisions: ParagraphView['decisions'];
  readonly state: ParagraphState;
  /** Nothing more can be recorded at the meeting (justerad, or the meeting is closed). */
  readonly readOnly: boolean;
}

export const LiveContext = createContext<LiveCtx | null>(null);

export function useLiveCtx(): LiveCtx {
  const ctx = useContext(LiveContext);
  if (!ctx) throw new Error('useLiveCtx outside LiveContext');
  return ctx;
}

/**
 * A paragraph is justerad when it was (omedelbar justering) or when the protocol it stands in
 * was: the paragraph view only knows the first, the extract beside it both.
 */
export function paragraphState(
  meeting: MeetingView,
  p: Pick<ParagraphView, 'status' | 'justering'>,
): ParagraphState {
  if (p.status === 'justified' || p.justering || meeting.justified) return 'justified';
  return p.status === 'decided' ? 'decided' : 'open';
}

export const STATE_SV: Record<ParagraphState, string> = {
  open: 'pågår',
  decided: 'beslutad, ej justerad',
  justified: 'justerad',
};

export function liveCtx(
  meeting: MeetingView,
  p: ParagraphView,
  queuedMotions: { motionId: string; proposerId: string }[],
): LiveCtx {
  const servingNow = serving(meeting, p);
  const list = takingPart(servingNow, p);
  const chair = meeting.chair?.memberId;
  const voters = [...list.filter((m) => m.memberId !== chair), ...list.filter((m) => m.memberId === chair)];
  const state = paragraphState(meeting, p);
  return {
    meeting,
    p,
    base: `/paragraphs/${p.paragraphId}`,
    serving: servingNow,
    voters,
    present: meeting.attendance.at(-1)?.present ?? meeting.members,
    motions: [
      ...p.motions
        .filter((m) => !m.struck && !m.withdrawn)
        .map((m) => ({ motionId: m.motionId, label: `${memberLabel(m.proposer)} yrkande` })),
      // Yrkanden still in the queue can be referred to already: their ids are ours.
      ...queuedMotions
        .filter((q) => !p.motions.some((m) => m.motionId === q.motionId))
        .map((q) => {
          const who = meeting.members.find((m) => m.memberId === q.proposerId);
          return { motionId: q.motionId, label: `${who ? memberLabel(who) : 'okänd'} yrkande (i kö)` };
        }),
    ],
    questions: p.proceedings.filter((x) => x.kind === 'question' && !x.struck) as LiveCtx['questions'],
    decisions: p.decisions.filter((d) => !d.struck),
    state,
    readOnly: state === 'justified' || Boolean(meeting.closedAt),
  };
}

export const KIND_SV: Record<string, string> = {
  bifall: 'bifall',
  avslag: 'avslag',
  andring: 'ändring',
  tillagg: 'tillägg',
  aterremiss: 'återremiss',
  bordlaggning: 'bordläggning',
  fritt: 'fritt yrkande',
};

export function refLabel(ref: ProposalRef | 'rejected', p: ParagraphView): string {
  if (ref === 'rejected') return 'avslag';
  if (ref.kind === 'proposal') return `${p.proposal.proposer}s förslag`;
  const m = p.motions.find((x) => x.motionId === ref.motionId);
  return m ? `${memberLabel(m.proposer)} yrkande` : 'yrkande';
}
export const refValue = (r: ProposalRef) => (r.kind === 'proposal' ? 'proposal' : `motion:${r.motionId}`);
export const parseRef = (v: string): ProposalRef =>
  v.startsWith('motion:') ? { kind: 'motion', motionId: v.slice(7) } : { kind: 'proposal' };
