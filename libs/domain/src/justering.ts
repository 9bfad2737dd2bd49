/**
 * Justering signed by the people (docs/adr/0026): the stream `justering-<meetingId>`. The clerk
 * sends the protocol for justering; the chair and each justerare sign for themselves, each
 * signature carrying the SHA-256 of the exact document text that person was served; the
 * justering is complete when every required person has signed. Who is signed in, and which
 * document text is current, are the command handler's to supply: this stays pure.
 */
import type { Decider } from './decider.js';
import { ensure } from './errors.js';
import type { MemberRef } from './events.js';

export const justeringStream = (meetingId: string) => `justering-${meetingId}`;

/** How a signature was made: today the signed-in person's bearer token; e-legitimation later. */
/**
 * How the signer was identified: an API token, a session from the municipality's identity
 * provider (OpenID Connect), a development sign-in (no provider configured), or e-legitimation.
 */
export type SignatureMethod = 'bearer-token' | 'oidc-session' | 'development-session' | 'e-legitimation';

export interface JusteringRequested {
  readonly type: 'JusteringRequested';
  readonly data: {
    readonly meetingId: string;
    readonly document: 'protocol';
    /** The chair and the justerare, as appointed when it was sent. */
    readonly required: readonly MemberRef[];
    /** Hash of the document as it stood when it was sent. */
    readonly documentSha256: string;
    readonly requestedBy: string;
    readonly at: string;
  };
}

export interface JusteringSigned {
  readonly type: 'JusteringSigned';
  readonly data: {
    readonly meetingId: string;
    readonly member: MemberRef;
    /** The signed-in user who signed (a person linked to `member`). */
    readonly userId: string;
    readonly at: string;
    /** SHA-256 (hex) of the exact text/plain document that person was served and signed. */
    readonly documentSha256: string;
    readonly method: SignatureMethod;
    /** The signing service's reference (e-legitimation); absent for a bearer token. */
    readonly signatureRef?: string;
  };
}

export interface JusteringCompleted {
  readonly type: 'JusteringCompleted';
  readonly data: {
    readonly meetingId: string;
    readonly at: string;
    readonly signatures: ReadonlyArray<{
      memberId: string;
      userId: string;
      documentSha256: string;
      at: string;
    }>;
  };
}

export type JusteringEvent = JusteringRequested | JusteringSigned | JusteringCompleted;

export type JusteringCommand =
  | {
      readonly type: 'RequestJustering';
      readonly data: JusteringRequested['data'];
    }
  | {
      readonly type: 'SignJustering';
      readonly data: Omit<JusteringSigned['data'], 'member'> & { readonly memberId: string };
    };

export interface JusteringContext {
  /** Is the meeting closed (justering follows the meeting)? */
  readonly meetingClosed: boolean;
  /** SHA-256 of the document as it renders now. */
  readonly currentDocumentSha256: string;
}

export interface JusteringState {
  readonly requested?: JusteringRequested['data'];
  readonly signatures: readonly JusteringSigned['data'][];
  readonly completed?: JusteringCompleted['data'];
}

export const initialJusteringState: JusteringState = { signatures: [] };

/** Who has yet to sign. */
export function missingSigners(state: JusteringState): MemberRef[] {
  const signed = new Set(state.signatures.map((s) => s.member.memberId));
  return (state.requested?.required ?? []).filter((m) => !signed.has(m.memberId));
}

function decide(
  command: JusteringCommand,
  state: JusteringState,
  context: JusteringContext,
): JusteringEvent[] {
  switch (command.type) {
    case 'RequestJustering': {
      ensure(!state.requested, 'JUSTERING_ALREADY_REQUESTED');
      ensure(context.meetingClosed, 'MEETING_NOT_CLOSED');
      ensure(command.data.required.length > 0, 'ADJUSTERS_NOT_APPOINTED');
      return [{ type: 'JusteringRequested', data: command.data }];
    }
    case 'SignJustering': {
      const { memberId, ...rest } = command.data;
      ensure(state.requested, 'JUSTERING_NOT_REQUESTED');
      ensure(!state.completed, 'JUSTERING_ALREADY_COMPLETE');
      const member = state.requested.required.find((m) => m.memberId === memberId);
      ensure(member, 'JUSTERING_NOT_A_SIGNER', { memberId });
      ensure(!state.signatures.some((s) => s.member.memberId === memberId), 'JUSTERING_ALREADY_SIGNED', {
        memberId,
      });
      // A person signs what the record says now, not an older copy.
      ensure(rest.documentSha256 === context.currentDocumentSha256, 'JUSTERING_DOCUMENT_CHANGED', {
        signed: rest.documentSha256,
        current: context.currentDocumentSha256,
      });
      const signed: JusteringSigned = { type: 'JusteringSigned', data: { ...rest, member } };
      const events: JusteringEvent[] = [signed];
      const all = [...state.signatures, signed.data];
      if (all.length === state.requested.required.length) {
        events.push({
          type: 'JusteringCompleted',
          data: {
            meetingId: rest.meetingId,
            at: rest.at,
            signatures: all.map((s) => ({
              memberId: s.member.memberId,
              userId: s.userId,
              documentSha256: s.documentSha256,
              at: s.at,
            })),
          },
        });
      }
      return events;
    }
  }
}

function evolve(state: JusteringState, event: JusteringEvent): JusteringState {
  switch (event.type) {
    case 'JusteringRequested':
      return { ...state, requested: event.data };
    case 'JusteringSigned':
      return { ...state, signatures: [...state.signatures, event.data] };
    case 'JusteringCompleted':
      return { ...state, completed: event.data };
    default:
      return state;
  }
}

export const justeringDecider: Decider<JusteringCommand, JusteringEvent, JusteringState, JusteringContext> = {
  initialState: initialJusteringState,
  decide,
  evolve,
};
