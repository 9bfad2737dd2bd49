import type { ParagraphCommand } from '../commands.js';
import { ensure, unknownCommand } from '../errors.js';
import type { ParagraphEvent } from '../events.js';
import { type MeetingState, isPresent, memberRef, requireMemberRef, resolveJustifiers } from '../meeting.js';
import {
  type Warn,
  abstainedInDecidingVote,
  checkDecision,
  checkStrike,
  requireLiveAttachment,
  requireMeetingInSession,
  requireNewId,
  requireNoDecision,
  requireText,
  supportOf,
  whoActs,
} from './rules.js';
import {
  type ParagraphState,
  decisionParticipants,
  liveDecision,
  recusedMemberIds,
  reservationMembers,
} from './state.js';

/** The commands that record the outcome: beslut, reservationer, anteckningar, justering and after. */
type RecordCommand = Extract<
  ParagraphCommand,
  {
    type:
      | 'AdoptDecision'
      | 'EnterReservation'
      | 'SubmitReservationReasons'
      | 'EnterProtocolNote'
      | 'SetDistribution'
      | 'StrikeEntry'
      | 'JustifyParagraph'
      | 'RecordCorrection'
      | 'CertifyExtract'
      | 'DispatchDecision'
      | 'MarkParagraphConfidential'
      | 'LiftParagraphConfidentiality';
  }
>;

export function decideRecord(
  command: RecordCommand,
  state: ParagraphState,
  meeting: MeetingState,
  paragraphId: string,
  justified: boolean,
  warn: Warn,
): ParagraphEvent[] {
  switch (command.type) {
    case 'AdoptDecision': {
      const { decisionId, kind, content } = command.data;
      requireMeetingInSession(meeting);
      requireNoDecision(state);
      requireNewId(state, decisionId);
      const checked = checkDecision(state, command.data);
      // Who declared that they do not take part is not among the participants (not jäv).
      const participants = decisionParticipants(meeting, state);
      return [
        {
          type: 'DecisionAdopted',
          data: {
            paragraphId,
            decisionId,
            kind,
            // Återremiss and bordläggning are worded by the style, unless the clerk records the
            // protocol's own words verbatim.
            ...(kind === 'sakbeslut' || content?.verbatim ? { content } : {}),
            ...checked,
            participants,
          },
        },
      ];
    }

    case 'EnterReservation': {
      const { reservationId, memberId, memberIds, group, decisionId, reasons, reasonsAttachment } =
        command.data;
      // Announced before the meeting closes; written reasons may follow until justering.
      requireMeetingInSession(meeting);
      requireNewId(state, reservationId);
      const entry = state.decisions.find((d) => d.decision.decisionId === decisionId);
      ensure(entry, 'UNKNOWN_DECISION', { decisionId });
      ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: decisionId });
      const decision = entry.decision;
      if (reasonsAttachment !== undefined) requireLiveAttachment(state, reasonsAttachment);
      const reserved = (id: string) =>
        state.reservations.some(
          (r) =>
            !r.struck &&
            r.reservation.decisionId === decisionId &&
            reservationMembers(r.reservation).some((m) => m.memberId === id),
        );
      // A group reserves through those of its members who took part and did not vote for the outcome.
      const ids = whoActs({ memberId, memberIds, group }, () =>
        decision.participants.filter(
          (p) =>
            !reserved(p.memberId) &&
            !abstainedInDecidingVote(state, decision, p.memberId) &&
            supportOf(state, decision, p.memberId) !== 'voted',
        ),
      );
      const members = ids.map((id) => {
        const member = requireMemberRef(meeting, id);
        ensure(!recusedMemberIds(state).includes(id), 'MEMBER_RECUSED', { member });
        ensure(
          decision.participants.some((p) => p.memberId === id),
          'MEMBER_DID_NOT_TAKE_PART',
          { member },
        );
        ensure(!abstainedInDecidingVote(state, decision, id), 'MEMBER_ABSTAINED', { member });
        const support = supportOf(state, decision, id);
        ensure(support !== 'voted', 'RESERVATION_BY_SUPPORTER', { member });
        if (support === 'moved') warn('RESERVATION_AFTER_SUPPORT', { member });
        ensure(!reserved(id), 'ALREADY_RESERVED', { member });
        return member;
      });
      return [
        {
          type: 'ReservationEntered',
          data: {
            paragraphId,
            reservationId,
            member: members[0]!,
            ...(members.length > 1 ? { members } : {}),
            ...(group ? { group } : {}),
            decisionId,
            ...(reasons?.trim() ? { reasons } : {}),
            ...(reasonsAttachment !== undefined ? { reasonsAttachment } : {}),
          },
        },
      ];
    }

    case 'SubmitReservationReasons': {
      const { reservationId, reasons, attachment } = command.data;
      const entry = state.reservations.find((r) => r.reservation.reservationId === reservationId);
      ensure(entry, 'UNKNOWN_RESERVATION', { reservationId });
      ensure(!entry.struck, 'ENTRY_STRUCK', { entryId: reservationId });
      const hasText = reasons !== undefined && reasons.trim() !== '';
      ensure(hasText || attachment !== undefined, 'REASONS_REQUIRED');
      if (attachment !== undefined) requireLiveAttachment(state, attachment);
      ensure(
        entry.writtenReasons === undefined && entry.writtenReasonsAttachment === undefined,
        'REASONS_ALREADY_SUBMITTED',
        { reservationId },
      );
      return [
        {
          type: 'ReservationReasonsSubmitted',
          data: {
            paragraphId,
            reservationId,
            reasons: hasText ? reasons : '',
            ...(attachment !== undefined ? { attachment } : {}),
          },
        },
      ];
    }

    case 'EnterProtocolNote': {
      // The chair allows it at the meeting; the text may be handed in until justering. Any
      // present member may have one, a non-serving ersättare too (Göteborg's practice), but
      // not a member who is jävig in the matter. A party group enters one through its
      // present members.
      const { noteId, memberId, memberIds, group, text } = command.data;
      ensure(meeting.openedAt, 'MEETING_NOT_OPENED');
      requireNewId(state, noteId);
      requireText(text, 'text');
      const recused = new Set(recusedMemberIds(state));
      const ids = whoActs({ memberId, memberIds, group }, () =>
        (meeting.schedule?.members ?? [])
          .filter((m) => isPresent(meeting, m.memberId) && !recused.has(m.memberId))
          .map(memberRef),
      );
      const members = ids.map((id) => {
        const member = requireMemberRef(meeting, id);
        ensure(!recused.has(id), 'MEMBER_RECUSED', { member });
        ensure(isPresent(meeting, id), 'MEMBER_NOT_PRESENT', { member });
        return member;
      });
      return [
        {
          type: 'ProtocolNoteEntered',
          data: {
            paragraphId,
            noteId,
            member: members[0]!,
            ...(members.length > 1 ? { members } : {}),
            ...(group ? { group } : {}),
            text,
          },
        },
      ];
    }

    case 'SetDistribution': {
      const recipients = command.data.recipients;
      ensure(
        recipients.length > 0 &&
          recipients.every((r) => r.trim() !== '') &&
          new Set(recipients).size === recipients.length,
        'RECIPIENTS_INVALID',
      );
      return [{ type: 'DistributionSet', data: { paragraphId, recipients } }];
    }

    case 'StrikeEntry': {
      const { entryId, reason } = command.data;
      requireText(reason, 'reason');
      checkStrike(state, entryId);
      return [{ type: 'EntryStruck', data: { paragraphId, entryId, reason } }];
    }

    case 'JustifyParagraph': {
      const { byMemberIds, at, immediate } = command.data;
      ensure(liveDecision(state), 'NO_DECISION');
      // Omedelbar justering happens at the meeting; otherwise with the protocol, after it.
      if (immediate) requireMeetingInSession(meeting);
      else ensure(meeting.closedAt, 'MEETING_NOT_CLOSED');
      const by = resolveJustifiers(meeting, byMemberIds);
      return [{ type: 'ParagraphJustified', data: { paragraphId, by, at, immediate } }];
    }

    case 'RecordCorrection': {
      const data = command.data;
      ensure(justified, 'NOT_JUSTIFIED');
      requireText(data.field, 'field');
      ensure(data.why?.trim(), 'CORRECTION_REASON_REQUIRED');
      ensure(data.from !== data.to, 'CORRECTION_NO_CHANGE');
      return [{ type: 'CorrectionRecorded', data: { ...data, paragraphId } }];
    }

    case 'CertifyExtract': {
      ensure(justified, 'NOT_JUSTIFIED');
      return [{ type: 'ExtractCertified', data: { ...command.data, paragraphId } }];
    }

    case 'DispatchDecision': {
      const { recipient, at } = command.data;
      ensure(justified, 'NOT_JUSTIFIED');
      ensure(state.recipients?.includes(recipient), 'RECIPIENT_NOT_LISTED', { recipient });
      ensure(!state.dispatches.some((d) => d.recipient === recipient), 'ALREADY_DISPATCHED', { recipient });
      return [{ type: 'DecisionDispatched', data: { paragraphId, recipient, at } }];
    }

    case 'MarkParagraphConfidential': {
      const { provision, reason, by, at } = command.data;
      requireText(provision, 'provision');
      ensure(!state.confidential, 'ALREADY_CONFIDENTIAL');
      const why = reason?.trim();
      return [
        {
          type: 'ParagraphMarkedConfidential',
          data: { paragraphId, provision: provision.trim(), ...(why ? { reason: why } : {}), by, at },
        },
      ];
    }

    case 'LiftParagraphConfidentiality': {
      const { reason, by, at } = command.data;
      ensure(state.confidential, 'NOT_CONFIDENTIAL');
      requireText(reason, 'reason');
      return [
        { type: 'ParagraphConfidentialityLifted', data: { paragraphId, reason: reason.trim(), by, at } },
      ];
    }
  }
  return unknownCommand(command);
}
