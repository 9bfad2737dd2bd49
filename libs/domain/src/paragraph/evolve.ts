import type { ParagraphEvent } from '../events.js';
import type { ParagraphState } from './state.js';

// ─── evolve ──────────────────────────────────────────────────────────────────────────

function strike<T extends { readonly struck: boolean }>(
  list: readonly T[],
  id: (t: T) => string,
  entryId: string,
): T[] {
  return list.map((t) => (id(t) === entryId ? { ...t, struck: true } : t));
}

export function evolve(state: ParagraphState, event: ParagraphEvent): ParagraphState {
  switch (event.type) {
    case 'ParagraphOpened':
      return { ...state, opened: event.data };
    case 'ParagraphRenumbered':
      return state.opened ? { ...state, opened: { ...state.opened, number: event.data.to } } : state;
    case 'RecusalDeclared':
      return { ...state, recusals: [...state.recusals, event.data] };
    case 'MotionProposed':
      return {
        ...state,
        motions: [...state.motions, { motion: event.data, supporters: [], withdrawn: false, struck: false }],
      };
    case 'MotionSupported':
      return {
        ...state,
        motions: state.motions.map((m) =>
          m.motion.motionId === event.data.motionId
            ? { ...m, supporters: [...m.supporters, event.data.member.memberId] }
            : m,
        ),
      };
    case 'MotionAmended': {
      const { kind, text, motivation } = event.data;
      return {
        ...state,
        motions: state.motions.map((m) => {
          if (m.motion.motionId !== event.data.motionId) return m;
          const { text: _t, motivation: _m, ...rest } = m.motion;
          return {
            ...m,
            motion: {
              ...rest,
              kind,
              ...(text !== undefined ? { text } : {}),
              ...(motivation !== undefined ? { motivation } : {}),
            },
          };
        }),
      };
    }
    case 'MotionWithdrawn':
      return {
        ...state,
        motions: state.motions.map((m) =>
          m.motion.motionId === event.data.motionId ? { ...m, withdrawn: true } : m,
        ),
      };
    case 'ProposalSupported':
      return { ...state, proposalSupporters: [...state.proposalSupporters, event.data.member.memberId] };
    case 'ProposalAmended':
      return { ...state, amendments: [...state.amendments, { data: event.data, struck: false }] };
    case 'SpeakerRecorded':
      return { ...state, speakers: [...state.speakers, { data: event.data, struck: false }] };
    case 'NonParticipationDeclared':
      return {
        ...state,
        nonParticipations: [...state.nonParticipations, { data: event.data, struck: false }],
      };
    case 'PropositionOrderApproved':
      return {
        ...state,
        propositionOrders: [...state.propositionOrders, { data: event.data, struck: false }],
      };
    case 'AttachmentAdded':
      return { ...state, attachments: [...state.attachments, { data: event.data, struck: false }] };
    case 'ChairAskedQuestion':
      return { ...state, questions: [...state.questions, { question: event.data, struck: false }] };
    case 'VoteRequested':
      return { ...state, votes: [...state.votes, { request: event.data, rounds: [], struck: false }] };
    case 'VotePropositionApproved': {
      const { kind, ja, nej } = event.data;
      return {
        ...state,
        votes: state.votes.map((v) =>
          v.request.voteId === event.data.voteId ? { ...v, rounds: [...v.rounds, { kind, ja, nej }] } : v,
        ),
      };
    }
    case 'VoteHeld':
      return {
        ...state,
        votes: state.votes.map((v) =>
          v.request.voteId === event.data.voteId
            ? {
                ...v,
                rounds: v.rounds.map((r, i) => (i === v.rounds.length - 1 ? { ...r, held: event.data } : r)),
              }
            : v,
        ),
      };
    case 'DecisionAdopted':
      return { ...state, decisions: [...state.decisions, { decision: event.data, struck: false }] };
    case 'ReservationEntered':
      return { ...state, reservations: [...state.reservations, { reservation: event.data, struck: false }] };
    case 'ReservationReasonsSubmitted':
      return {
        ...state,
        reservations: state.reservations.map((r) =>
          r.reservation.reservationId === event.data.reservationId
            ? {
                ...r,
                // Older events always carry text; newer ones may carry only a bilaga.
                ...(event.data.reasons !== '' || event.data.attachment === undefined
                  ? { writtenReasons: event.data.reasons }
                  : {}),
                ...(event.data.attachment !== undefined
                  ? { writtenReasonsAttachment: event.data.attachment }
                  : {}),
              }
            : r,
        ),
      };
    case 'ProtocolNoteEntered':
      return { ...state, notes: [...state.notes, { note: event.data, struck: false }] };
    case 'DistributionSet':
      return { ...state, recipients: event.data.recipients };
    case 'EntryStruck': {
      const id = event.data.entryId;
      return {
        ...state,
        motions: strike(state.motions, (m) => m.motion.motionId, id),
        questions: strike(state.questions, (q) => q.question.questionId, id),
        votes: strike(state.votes, (v) => v.request.voteId, id),
        decisions: strike(state.decisions, (d) => d.decision.decisionId, id),
        reservations: strike(state.reservations, (r) => r.reservation.reservationId, id),
        notes: strike(state.notes, (n) => n.note.noteId, id),
        amendments: strike(state.amendments, (a) => a.data.amendmentId, id),
        speakers: strike(state.speakers, (a) => a.data.speakerId, id),
        nonParticipations: strike(state.nonParticipations, (a) => a.data.declarationId, id),
        propositionOrders: strike(state.propositionOrders, (a) => a.data.orderId, id),
        attachments: strike(state.attachments, (a) => (a.struck ? '' : a.data.sha256), id),
        strikes: [...state.strikes, event.data],
      };
    }
    case 'ParagraphJustified':
      return { ...state, justified: event.data };
    case 'CorrectionRecorded':
      return { ...state, corrections: [...state.corrections, event.data] };
    case 'ExtractCertified':
      return { ...state, certifications: [...state.certifications, event.data] };
    case 'DecisionDispatched':
      return { ...state, dispatches: [...state.dispatches, event.data] };
    case 'ParagraphMarkedConfidential':
      return { ...state, confidential: event.data };
    case 'ParagraphConfidentialityLifted': {
      const { confidential: _lifted, ...rest } = state;
      return rest;
    }
  }
  return state;
}
