/** Allow/refuse cases for every rule of the justering stream (justering.ts). */
import type { RuleCode } from '../src/errors.js';
import type { JusteringCommand, JusteringContext, JusteringEvent } from '../src/justering.js';

export const MEETING_ID = '0190c6b2-0000-7000-8000-000000000001';
export const DOC = 'a'.repeat(64);
export const CHAIR = { memberId: 'ordf', name: 'Ordförande Ordförandesson', party: 'S' };
const ADJUSTER = { memberId: 'just', name: 'Justerare Justerarsson', party: 'M' };

export const requested: JusteringEvent = {
  type: 'JusteringRequested',
  data: {
    meetingId: MEETING_ID,
    document: 'protocol',
    required: [CHAIR, ADJUSTER],
    documentSha256: DOC,
    requestedBy: 'clerk',
    at: '2024-05-29T10:00:00+02:00',
  },
};

export const request: JusteringCommand = { type: 'RequestJustering', data: requested.data as never };

export const sign = (memberId: string, documentSha256 = DOC): JusteringCommand => ({
  type: 'SignJustering',
  data: {
    meetingId: MEETING_ID,
    memberId,
    userId: `user-${memberId}`,
    at: '2024-05-29T10:05:00+02:00',
    documentSha256,
    method: 'bearer-token',
  },
});

export const signed = (member: typeof CHAIR): JusteringEvent => ({
  type: 'JusteringSigned',
  data: {
    meetingId: MEETING_ID,
    member,
    userId: `user-${member.memberId}`,
    at: '2024-05-29T10:05:00+02:00',
    documentSha256: DOC,
    method: 'bearer-token',
  },
});

export const closed: JusteringContext = { meetingClosed: true, currentDocumentSha256: DOC };

export interface JusteringCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly allow: { history: JusteringEvent[]; command: JusteringCommand; context: JusteringContext };
  readonly refuse: { history: JusteringEvent[]; command: JusteringCommand; context: JusteringContext };
}

export const justeringCases: JusteringCase[] = [
  {
    code: 'JUSTERING_ALREADY_REQUESTED',
    name: 'the protocol is sent for justering once',
    allow: { history: [], command: request, context: closed },
    refuse: { history: [requested], command: request, context: closed },
  },
  {
    code: 'MEETING_NOT_CLOSED',
    name: 'justering follows the meeting',
    allow: { history: [], command: request, context: closed },
    refuse: { history: [], command: request, context: { ...closed, meetingClosed: false } },
  },
  {
    code: 'ADJUSTERS_NOT_APPOINTED',
    name: 'someone must be required to sign',
    allow: { history: [], command: request, context: closed },
    refuse: {
      history: [],
      command: {
        type: 'RequestJustering',
        data: { ...(requested.data as never as object), required: [] } as never,
      },
      context: closed,
    },
  },
  {
    code: 'JUSTERING_NOT_REQUESTED',
    name: 'a signature needs the clerk to have sent the protocol',
    allow: { history: [requested], command: sign('ordf'), context: closed },
    refuse: { history: [], command: sign('ordf'), context: closed },
  },
  {
    code: 'JUSTERING_NOT_A_SIGNER',
    name: 'only the chair and the justerare sign',
    allow: { history: [requested], command: sign('just'), context: closed },
    refuse: { history: [requested], command: sign('someone-else'), context: closed },
  },
  {
    code: 'JUSTERING_ALREADY_SIGNED',
    name: 'each signs once',
    allow: { history: [requested, signed(CHAIR)], command: sign('just'), context: closed },
    refuse: { history: [requested, signed(CHAIR)], command: sign('ordf'), context: closed },
  },
  {
    code: 'JUSTERING_ALREADY_COMPLETE',
    name: 'nothing is signed after the justering is complete',
    allow: { history: [requested, signed(CHAIR)], command: sign('just'), context: closed },
    refuse: {
      history: [
        requested,
        signed(CHAIR),
        signed(ADJUSTER),
        { type: 'JusteringCompleted', data: { meetingId: MEETING_ID, at: 'x', signatures: [] } },
      ],
      command: sign('just'),
      context: closed,
    },
  },
  {
    code: 'JUSTERING_DOCUMENT_CHANGED',
    name: 'a signature is for the document as it renders now',
    allow: { history: [requested], command: sign('ordf'), context: closed },
    refuse: { history: [requested], command: sign('ordf', 'b'.repeat(64)), context: closed },
  },
];
