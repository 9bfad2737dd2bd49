/**
 * Replays a scenario's domain commands over HTTP: each command becomes the request a client
 * would send to its endpoint. ReserveParagraphNumber has no endpoint of its own: opening a
 * paragraph reserves its § (docs/adr/0004), so it is skipped and OpenParagraph carries the number.
 */
import type { ScenarioCommand } from '../../scenarios/types.js';
import type { TestUser } from './harness.js';

export interface HttpStep {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly user: TestUser;
  readonly status: 200 | 201;
}

function without(data: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([k]) => !keys.includes(k)));
}

export function toHttp(command: ScenarioCommand): HttpStep | null {
  const d = command.data as Record<string, unknown> & { meetingId: string; paragraphId: string };
  const m = `/meetings/${d.meetingId}`;
  const p = `/paragraphs/${d.paragraphId}`;
  const clerk = (path: string, body: Record<string, unknown>, status: 200 | 201 = 200): HttpStep => ({
    path,
    body,
    user: 'clerk',
    status,
  });
  switch (command.type) {
    case 'ScheduleMeeting':
      return clerk('/meetings', d, 201);
    case 'RecordAttendance':
      return clerk(`${m}/attendance`, without(d, 'meetingId'));
    case 'AppointAdjusters':
      return clerk(`${m}/adjusters`, without(d, 'meetingId'));
    case 'OpenMeeting':
      return clerk(`${m}/open`, without(d, 'meetingId'));
    case 'CloseMeeting':
      return clerk(`${m}/close`, without(d, 'meetingId'));
    case 'JustifyProtocol':
      return { path: `${m}/justify`, body: without(d, 'meetingId'), user: 'chair', status: 200 };
    case 'AnnounceProtocol':
      return clerk(`${m}/announce`, without(d, 'meetingId'));
    case 'ReserveParagraphNumber':
      return null;
    case 'OpenParagraph':
      return clerk(`${m}/paragraphs`, without(d, 'meetingId'), 201);
    case 'DeclareRecusal':
      return clerk(`${p}/recusals`, without(d, 'paragraphId'));
    case 'ProposeMotion':
      return clerk(`${p}/motions`, without(d, 'paragraphId'), 201);
    case 'SupportMotion':
      return clerk(`${p}/motions/${String(d.motionId)}/support`, { memberId: d.memberId });
    case 'WithdrawMotion':
      return clerk(`${p}/motions/${String(d.motionId)}/withdraw`, {});
    case 'AskQuestion':
      return clerk(
        `${p}/questions`,
        {
          ...without(d, 'paragraphId'),
          finding: d.finding === 'rejected' ? { kind: 'rejected' } : d.finding,
        },
        201,
      );
    case 'RequestVote':
      return clerk(`${p}/votes`, without(d, 'paragraphId'), 201);
    case 'ApproveVoteProposition':
      return clerk(`${p}/votes/${String(d.voteId)}/proposition`, without(d, 'paragraphId', 'voteId'));
    case 'HoldVote':
      return clerk(`${p}/votes/${String(d.voteId)}/roll-call`, without(d, 'paragraphId', 'voteId'));
    case 'AdoptDecision':
      return clerk(`${p}/decision`, without(d, 'paragraphId'), 201);
    case 'EnterReservation':
      return clerk(`${p}/reservations`, without(d, 'paragraphId'), 201);
    case 'SubmitReservationReasons':
      return clerk(`${p}/reservations/${String(d.reservationId)}/reasons`, { reasons: d.reasons });
    case 'EnterProtocolNote':
      return clerk(`${p}/notes`, without(d, 'paragraphId'), 201);
    case 'SetDistribution':
      return clerk(`${p}/recipients`, without(d, 'paragraphId'));
    case 'StrikeEntry':
      return clerk(`${p}/strike`, without(d, 'paragraphId'));
    case 'JustifyParagraph':
      return { path: `${p}/justify`, body: without(d, 'paragraphId'), user: 'chair', status: 200 };
    case 'RecordCorrection':
      return clerk(`${p}/corrections`, without(d, 'paragraphId'), 201);
    case 'CertifyExtract':
      return clerk(`${p}/certify`, without(d, 'paragraphId'));
    case 'DispatchDecision':
      return clerk(`${p}/dispatch`, without(d, 'paragraphId'));
  }
  throw new Error(`No endpoint for ${(command as { type: string }).type}`);
}
