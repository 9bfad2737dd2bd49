import type { ParagraphEvent } from '@app/domain';
import type { EventLike } from './meeting.js';
import { paragraphChanges } from './paragraph-changes.js';
import { copyContent, earlierReferenceOf, nextStatus, previousOf } from './paragraph-copy.js';
import type { ParagraphView } from './paragraph-types.js';

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
      caseNumber: d.caseNumber ?? '',
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
      ...(d.origin ? { lineage: d.origin.lineage.map((step) => ({ ...step })) } : {}),
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

/** Fold a paragraph stream. Throws if it has no ParagraphOpened (nothing to render). */
export function paragraphView(events: readonly EventLike[]): ParagraphView {
  const view = events.reduce<ParagraphView | null>(evolveParagraphView, null);
  if (view === null) throw new Error('paragraphView: the events hold no ParagraphOpened');
  return view;
}
