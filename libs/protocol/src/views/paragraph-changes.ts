import { type DecisionContent, type ParagraphEvent, type Person, correctText } from '@app/domain';
import { attachmentView } from './meeting.js';
import {
  type ParagraphChanges,
  copyContent,
  copyGroup,
  copyProposalRef,
  copyRef,
  copyTarget,
  currentProposal,
  updateMotion,
} from './paragraph-copy.js';
import type { ParagraphView, ProceedingView } from './paragraph-types.js';

/** The fields an event changes; null for events this view does not know. */
export function paragraphChanges(view: ParagraphView, e: ParagraphEvent): ParagraphChanges | null {
  switch (e.type) {
    case 'ParagraphRenumbered':
      return { number: e.data.to };
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
    case 'MotionAmended':
      // The protocol says what the member moved, as put right; the audit trail keeps the first.
      return updateMotion(view, e.data.motionId, (m) => ({
        ...m,
        kind: e.data.kind,
        text: e.data.text ?? null,
        motivation: e.data.motivation ?? null,
        amended: true,
      }));
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
 * A rättelse: the named field's text corrected by the domain's `correctText` (the register
 * applies the same function), so the corrected value is what the protocol says from now on;
 * the correction itself is listed so the change stays visible.
 * Fields: title, caseNumber, summary, basisDocuments, proposal, decision.
 */
function correct(
  view: ParagraphView,
  d: { correctionId: string; field: string; from: string; to: string; why: string; by: Person },
): ParagraphView {
  let applied = false;
  const fix = (text: string): string => {
    const result = correctText(text, d);
    applied ||= result.applied;
    return result.text;
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
