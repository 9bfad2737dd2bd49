/**
 * Records a scenario's commands and returns the events, grouped by stream.
 *
 * TEMPORARY: until the paragraph decider lands in libs/domain this translates each command
 * into its event without enforcing any rule (member ids → MemberRefs, tally and participants
 * computed as the decider will). It is replaced by running the real deciders.
 */
import type { DomainEvent, Member, MemberRef } from '@app/domain';
import type { ScenarioCommand } from '../scenarios/types.js';

export interface RecordedScenario {
  /** Events per stream id (`meeting-…`, `paragraph-…`, `numbering-…`), in order. */
  readonly streams: ReadonlyMap<string, DomainEvent[]>;
  meetingEvents(meetingId: string): DomainEvent[];
  paragraphEvents(paragraphId: string): DomainEvent[];
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function recordScenario(commands: readonly ScenarioCommand[]): RecordedScenario {
  const streams = new Map<string, DomainEvent[]>();
  const append = (stream: string, event: DomainEvent) => {
    streams.set(stream, [...(streams.get(stream) ?? []), event]);
  };
  let members: readonly Member[] = [];
  let attendance: Data | null = null;
  const recused = new Map<string, Set<string>>();
  const ref = (id: string): MemberRef => {
    const m = members.find((x) => x.memberId === id);
    if (!m) throw new Error(`unknown member ${id}`);
    return { memberId: m.memberId, name: m.name, party: m.party };
  };
  const serving = (): string[] => {
    if (!attendance) return [];
    const a = attendance;
    const replaced = new Set(a.servingSubstitutes.map((s: Data) => s.forMemberId));
    const subs = new Set(a.servingSubstitutes.map((s: Data) => s.substituteId));
    return members
      .filter((m) =>
        m.role === 'ledamot'
          ? a.present.includes(m.memberId) && !replaced.has(m.memberId)
          : subs.has(m.memberId),
      )
      .map((m) => m.memberId);
  };
  const bodies = new Map<string, Data>();

  for (const { type, data } of commands as { type: string; data: Data }[]) {
    const meeting = `meeting-${data.meetingId}`;
    const paragraph = `paragraph-${data.paragraphId}`;
    const p = (event: { type: string; data: Data }) => append(paragraph, event as DomainEvent);
    const m = (event: { type: string; data: Data }) => append(meeting, event as DomainEvent);
    switch (type) {
      case 'ScheduleMeeting':
        members = data.members;
        bodies.set(data.meetingId, { body: data.body, year: Number(String(data.date).slice(0, 4)) });
        m({ type: 'MeetingScheduled', data });
        break;
      case 'RecordAttendance':
        attendance = data;
        m({ type: 'AttendanceRecorded', data });
        break;
      case 'AppointAdjusters':
        m({ type: 'AdjustersAppointed', data });
        break;
      case 'OpenMeeting':
        m({ type: 'MeetingOpened', data });
        break;
      case 'CloseMeeting':
        m({ type: 'MeetingClosed', data });
        break;
      case 'JustifyProtocol':
        m({
          type: 'ProtocolJustified',
          data: { meetingId: data.meetingId, by: data.byMemberIds.map(ref), at: data.at },
        });
        break;
      case 'AnnounceProtocol': {
        const end = new Date(`${data.announcedOn}T12:00:00Z`);
        end.setUTCDate(end.getUTCDate() + 21);
        m({
          type: 'ProtocolAnnounced',
          data: { ...data, appealEndsOn: end.toISOString().slice(0, 10) },
        });
        break;
      }
      case 'ReserveParagraphNumber':
        append(`numbering-${data.bodyId}-${data.year}`, {
          type: 'ParagraphNumberReserved',
          data,
        } as DomainEvent);
        break;
      case 'OpenParagraph': {
        const { previousParagraphId: _previous, ...rest } = data;
        const b = bodies.get(data.meetingId)!;
        p({ type: 'ParagraphOpened', data: { ...rest, body: b.body, year: b.year } });
        break;
      }
      case 'DeclareRecusal': {
        const set = recused.get(data.paragraphId) ?? new Set<string>();
        set.add(data.memberId);
        recused.set(data.paragraphId, set);
        const { memberId, ...rest } = data;
        p({ type: 'RecusalDeclared', data: { ...rest, member: ref(memberId) } });
        break;
      }
      case 'ProposeMotion': {
        const { proposerId, ...rest } = data;
        p({ type: 'MotionProposed', data: { ...rest, proposer: ref(proposerId) } });
        break;
      }
      case 'SupportMotion': {
        const { memberId, ...rest } = data;
        p({ type: 'MotionSupported', data: { ...rest, member: ref(memberId) } });
        break;
      }
      case 'WithdrawMotion':
        p({ type: 'MotionWithdrawn', data });
        break;
      case 'AskQuestion':
        p({ type: 'ChairAskedQuestion', data });
        break;
      case 'RequestVote': {
        const { requestedById, ...rest } = data;
        p({ type: 'VoteRequested', data: { ...rest, requestedBy: ref(requestedById) } });
        break;
      }
      case 'ApproveVoteProposition':
        p({ type: 'VotePropositionApproved', data });
        break;
      case 'HoldVote': {
        const votes = data.votes.map((v: Data) => ({ member: ref(v.memberId), vote: v.vote }));
        const count = (c: string) => votes.filter((v: Data) => v.vote === c).length;
        const tally = { ja: count('ja'), nej: count('nej'), avstar: count('avstar') };
        const outcome = tally.ja === tally.nej ? data.castingVote : tally.ja > tally.nej ? 'ja' : 'nej';
        p({ type: 'VoteHeld', data: { ...data, votes, tally, outcome } });
        break;
      }
      case 'AdoptDecision': {
        const out = recused.get(data.paragraphId) ?? new Set<string>();
        p({
          type: 'DecisionAdopted',
          data: {
            basedOn: { questionIds: [] },
            ...data,
            participants: serving()
              .filter((id) => !out.has(id))
              .map(ref),
          },
        });
        break;
      }
      case 'EnterReservation': {
        const { memberId, ...rest } = data;
        p({ type: 'ReservationEntered', data: { ...rest, member: ref(memberId) } });
        break;
      }
      case 'SubmitReservationReasons':
        p({ type: 'ReservationReasonsSubmitted', data });
        break;
      case 'EnterProtocolNote': {
        const { memberId, ...rest } = data;
        p({ type: 'ProtocolNoteEntered', data: { ...rest, member: ref(memberId) } });
        break;
      }
      case 'SetDistribution':
        p({ type: 'DistributionSet', data });
        break;
      case 'StrikeEntry':
        p({ type: 'EntryStruck', data });
        break;
      case 'JustifyParagraph': {
        const { byMemberIds, ...rest } = data;
        p({ type: 'ParagraphJustified', data: { ...rest, by: byMemberIds.map(ref) } });
        break;
      }
      case 'RecordCorrection':
        p({ type: 'CorrectionRecorded', data });
        break;
      case 'CertifyExtract':
        p({ type: 'ExtractCertified', data });
        break;
      case 'DispatchDecision':
        p({ type: 'DecisionDispatched', data });
        break;
      default:
        throw new Error(`recordScenario: unknown command ${type}`);
    }
  }
  return {
    streams,
    meetingEvents: (id) => streams.get(`meeting-${id}`) ?? [],
    paragraphEvents: (id) => streams.get(`paragraph-${id}`) ?? [],
  };
}
