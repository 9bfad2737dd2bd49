/** Allow/refuse cases for every rule of the meeting and numbering streams. */
import type { MeetingCommand, NumberingCommand } from '../src/commands.js';
import type { RuleCode } from '../src/errors.js';
import {
  adjusters,
  attendance,
  close,
  justifyProtocol,
  MEETING,
  members,
  open,
  schedule,
} from './fixtures.js';

export interface MeetingCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly allow: { readonly history: MeetingCommand[]; readonly command: MeetingCommand };
  readonly refuse: { readonly history: MeetingCommand[]; readonly command: MeetingCommand };
}

const withData = <C extends MeetingCommand>(c: C, data: Partial<C['data']>): MeetingCommand =>
  ({ ...c, data: { ...c.data, ...data } }) as MeetingCommand;

const announce = (announcedOn: string): MeetingCommand => ({
  type: 'AnnounceProtocol',
  data: { meetingId: MEETING, announcedOn, protocolKeptAt: 'Kommunledningskontoret' },
});

const ready = [schedule, attendance, adjusters];
const done = [...ready, open, close];

export const meetingCases: MeetingCase[] = [
  {
    code: 'MEETING_NOT_SCHEDULED',
    name: 'attendance of a meeting that is not scheduled',
    allow: { history: [schedule], command: attendance },
    refuse: { history: [], command: attendance },
  },
  {
    code: 'MEETING_ALREADY_SCHEDULED',
    name: 'a meeting is scheduled once',
    allow: { history: [], command: schedule },
    refuse: { history: [schedule], command: schedule },
  },
  {
    code: 'WRONG_MEETING',
    name: 'a command for another meeting id',
    allow: { history: [schedule], command: attendance },
    refuse: { history: [schedule], command: withData(attendance, { meetingId: 'm-other' }) },
  },
  {
    code: 'DUPLICATE_MEMBER',
    name: 'each member once in the member list',
    allow: { history: [], command: schedule },
    refuse: { history: [], command: withData(schedule, { members: [...members, members[1]!] }) },
  },
  {
    code: 'CHAIR_NOT_LEDAMOT',
    name: 'the chair is a ledamot',
    allow: { history: [], command: schedule },
    refuse: { history: [], command: withData(schedule, { chair: 'e1' }) },
  },
  {
    code: 'INVALID_DATE',
    name: 'the meeting date is a real date',
    allow: { history: [], command: schedule },
    refuse: { history: [], command: withData(schedule, { date: '2024-02-30' }) },
  },
  {
    code: 'INVALID_DATE',
    name: 'the announcement date is a real date',
    allow: { history: [...done, justifyProtocol], command: announce('2024-05-22') },
    refuse: { history: [...done, justifyProtocol], command: announce('22/5 2024') },
  },
  {
    code: 'UNKNOWN_MEMBER',
    name: 'attendance only of the meeting’s members',
    allow: { history: [schedule], command: attendance },
    refuse: {
      history: [schedule],
      command: withData(attendance, { present: ['chair', 'beronius', 'l3', 'l4', 'e1', 'e2', 'stranger'] }),
    },
  },
  {
    code: 'ATTENDANCE_CONFLICT',
    name: 'not both present and absent',
    allow: { history: [schedule], command: attendance },
    refuse: { history: [schedule], command: withData(attendance, { absent: ['l5', 'l4'] }) },
  },
  {
    code: 'ATTENDANCE_INCOMPLETE',
    name: 'every ledamot present or absent',
    allow: { history: [schedule], command: attendance },
    refuse: { history: [schedule], command: withData(attendance, { absent: [] }) },
  },
  {
    code: 'SUBSTITUTE_NOT_ERSATTARE',
    name: 'only a present ersättare serves',
    allow: { history: [schedule], command: attendance },
    refuse: {
      history: [schedule],
      command: withData(attendance, { servingSubstitutes: [{ substituteId: 'l4', forMemberId: 'l5' }] }),
    },
  },
  {
    code: 'SUBSTITUTE_FOR_PRESENT_MEMBER',
    name: 'an ersättare serves only for an absent ledamot',
    allow: { history: [schedule], command: attendance },
    refuse: {
      history: [schedule],
      command: withData(attendance, { servingSubstitutes: [{ substituteId: 'e1', forMemberId: 'l4' }] }),
    },
  },
  {
    code: 'SUBSTITUTE_DUPLICATE',
    name: 'one ersättare per absent ledamot',
    allow: { history: [schedule], command: attendance },
    refuse: {
      history: [schedule],
      command: withData(attendance, {
        servingSubstitutes: [
          { substituteId: 'e1', forMemberId: 'l5' },
          { substituteId: 'e2', forMemberId: 'l5' },
        ],
      }),
    },
  },
  {
    code: 'ATTENDANCE_NOT_RECORDED',
    name: 'the meeting opens after the roll call',
    allow: { history: [schedule, attendance], command: open },
    refuse: { history: [schedule], command: open },
  },
  {
    code: 'QUORUM_NOT_MET',
    name: 'more than half of the ledamöter serve',
    allow: {
      history: [
        schedule,
        withData(attendance, { present: ['chair', 'beronius', 'e1'], absent: ['l3', 'l4', 'l5'] }),
      ],
      command: open,
    },
    refuse: {
      history: [
        schedule,
        withData(attendance, {
          present: ['chair', 'beronius'],
          absent: ['l3', 'l4', 'l5'],
          servingSubstitutes: [],
        }),
      ],
      command: open,
    },
  },
  {
    code: 'ADJUSTERS_REQUIRED',
    name: 'at least one justerare',
    allow: { history: [schedule, attendance], command: adjusters },
    refuse: { history: [schedule, attendance], command: withData(adjusters, { adjusters: [] }) },
  },
  {
    code: 'ADJUSTER_NOT_PRESENT',
    name: 'a justerare serves at the meeting (a non-serving ersättare does not)',
    allow: { history: [schedule, attendance], command: withData(adjusters, { adjusters: ['e1'] }) },
    refuse: { history: [schedule, attendance], command: withData(adjusters, { adjusters: ['e2'] }) },
  },
  {
    code: 'ADJUSTER_IS_CHAIR',
    name: 'the chair is not also a justerare',
    allow: { history: [schedule, attendance], command: adjusters },
    refuse: { history: [schedule, attendance], command: withData(adjusters, { adjusters: ['chair'] }) },
  },
  {
    code: 'MEETING_ALREADY_OPENED',
    name: 'a meeting opens once',
    allow: { history: ready, command: open },
    refuse: { history: [...ready, open], command: open },
  },
  {
    code: 'MEETING_NOT_OPENED',
    name: 'a meeting closes after it opened',
    allow: { history: [...ready, open], command: close },
    refuse: { history: ready, command: close },
  },
  {
    code: 'MEETING_CLOSED',
    name: 'no attendance after the meeting closed',
    allow: { history: [...ready, open], command: attendance },
    refuse: { history: done, command: attendance },
  },
  {
    code: 'MEETING_NOT_CLOSED',
    name: 'the protocol is justerat after the meeting',
    allow: { history: done, command: justifyProtocol },
    refuse: { history: [...ready, open], command: justifyProtocol },
  },
  {
    code: 'JUSTIFIERS_INVALID',
    name: 'justering by the chair and all justerare',
    allow: { history: done, command: justifyProtocol },
    refuse: { history: done, command: withData(justifyProtocol, { byMemberIds: ['chair'] }) },
  },
  {
    code: 'ADJUSTERS_NOT_APPOINTED',
    name: 'justering needs appointed justerare',
    allow: { history: done, command: justifyProtocol },
    refuse: { history: [schedule, attendance, open, close], command: justifyProtocol },
  },
  {
    code: 'PROTOCOL_ALREADY_JUSTIFIED',
    name: 'the protocol is justerat once',
    allow: { history: done, command: justifyProtocol },
    refuse: { history: [...done, justifyProtocol], command: justifyProtocol },
  },
  {
    code: 'PROTOCOL_NOT_JUSTIFIED',
    name: 'anslag only after justering',
    allow: { history: [...done, justifyProtocol], command: announce('2024-05-22') },
    refuse: { history: done, command: announce('2024-05-22') },
  },
  {
    code: 'PROTOCOL_ALREADY_ANNOUNCED',
    name: 'anslag once',
    allow: { history: [...done, justifyProtocol], command: announce('2024-05-22') },
    refuse: { history: [...done, justifyProtocol, announce('2024-05-22')], command: announce('2024-05-23') },
  },
  {
    code: 'ANNOUNCEMENT_BEFORE_JUSTERING',
    name: 'anslag not dated before justering',
    allow: { history: [...done, justifyProtocol], command: announce('2024-05-21') },
    refuse: { history: [...done, justifyProtocol], command: announce('2024-05-20') },
  },
];

export interface NumberingCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly allow: { readonly history: NumberingCommand[]; readonly command: NumberingCommand };
  readonly refuse: { readonly history: NumberingCommand[]; readonly command: NumberingCommand };
}

export const reserve = (number: number, paragraphId: string): NumberingCommand => ({
  type: 'ReserveParagraphNumber',
  data: { bodyId: 'ks-au', year: 2024, number, paragraphId, meetingId: MEETING },
});

export const release = (number: number, paragraphId: string): NumberingCommand => ({
  type: 'ReleaseParagraphNumber',
  data: { bodyId: 'ks-au', year: 2024, number, paragraphId, reason: 'never_opened' },
});

export const reassign = (...moves: [string, number, number][]): NumberingCommand => ({
  type: 'ReassignParagraphNumbers',
  data: {
    bodyId: 'ks-au',
    year: 2024,
    meetingId: MEETING,
    assignments: moves.map(([paragraphId, from, to]) => ({ paragraphId, from, to })),
  },
});

/** The order of an agenda, checked before any stream is decided on (agendaAssignments). */
export interface AgendaCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly held: { paragraphId: string; number: number }[];
  readonly allow: string[];
  readonly refuse: string[];
}
export const agendaCases: AgendaCase[] = [
  {
    code: 'AGENDA_ORDER_INCOMPLETE',
    name: 'a new order names every paragraph of the meeting once',
    held: [
      { paragraphId: 'p-a', number: 1 },
      { paragraphId: 'p-b', number: 2 },
    ],
    allow: ['p-b', 'p-a'],
    refuse: ['p-b'],
  },
];

export const numberingCases: NumberingCase[] = [
  {
    code: 'INVALID_PARAGRAPH_NUMBER',
    name: '§ numbers are positive integers',
    allow: { history: [], command: reserve(1, 'p-a') },
    refuse: { history: [], command: reserve(0, 'p-a') },
  },
  {
    code: 'PARAGRAPH_NUMBER_TAKEN',
    name: '§ numbers are unique per body and year',
    allow: { history: [reserve(65, 'p-a')], command: reserve(66, 'p-b') },
    refuse: { history: [reserve(65, 'p-a')], command: reserve(65, 'p-b') },
  },
  {
    code: 'PARAGRAPH_ALREADY_NUMBERED',
    name: 'a paragraph gets one number',
    allow: { history: [reserve(65, 'p-a')], command: reserve(66, 'p-b') },
    refuse: { history: [reserve(65, 'p-a')], command: reserve(66, 'p-a') },
  },
  {
    code: 'PARAGRAPH_NUMBER_NOT_RESERVED',
    name: 'only the paragraph holding a number gives it back',
    allow: { history: [reserve(65, 'p-a')], command: release(65, 'p-a') },
    refuse: { history: [reserve(65, 'p-a'), reserve(66, 'p-b')], command: release(65, 'p-b') },
  },
  {
    code: 'AGENDA_NUMBERS_NOT_PERMUTED',
    name: "a new order moves the meeting's own numbers between its paragraphs",
    allow: {
      history: [reserve(1, 'p-a'), reserve(2, 'p-b')],
      command: reassign(['p-a', 1, 2], ['p-b', 2, 1]),
    },
    refuse: { history: [reserve(1, 'p-a'), reserve(2, 'p-b')], command: reassign(['p-a', 1, 3]) },
  },
];
