/** Allow/refuse cases for the rules of bodies, rosters and forwarding (issue 15). */
import type { BodyDetails, BodyRegisterCommand, RosterCommand, RosterContext } from '../src/body.js';
import type { RuleCode, WarningCode } from '../src/errors.js';
import type { IncomingCommand, IncomingContext } from '../src/forwarding.js';
import type { ParagraphCommand } from '../src/commands.js';
import { cmd, inSession, openParagraph, paragraphEvents } from './fixtures.js';
import { fold } from '../src/decider.js';
import { paragraphDecider } from '../src/paragraph.js';

const AT = '2024-01-02T09:00:00+01:00';

export const bodyDetails = (bodyId: string, extra: Partial<BodyDetails> = {}): BodyDetails => ({
  bodyId,
  name: `Organ ${bodyId}`,
  shortName: bodyId.toUpperCase(),
  kind: 'namnd',
  preparesFor: null,
  numberingFormat: '§ {number}',
  defaultHouseStyle: 'default-sv',
  ...extra,
});
export const register = (bodyId: string, extra: Partial<BodyDetails> = {}): BodyRegisterCommand => ({
  type: 'RegisterBody',
  data: { ...bodyDetails(bodyId, extra), at: AT },
});
const change = (bodyId: string, extra: Partial<BodyDetails> = {}): BodyRegisterCommand => ({
  type: 'ChangeBodyDetails',
  data: { ...bodyDetails(bodyId, extra), at: AT },
});

export interface RegisterCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly allow: { readonly history: BodyRegisterCommand[]; readonly command: BodyRegisterCommand };
  readonly refuse: { readonly history: BodyRegisterCommand[]; readonly command: BodyRegisterCommand };
}

export const registerCases: RegisterCase[] = [
  {
    code: 'BODY_ALREADY_REGISTERED',
    name: 'the same id twice',
    allow: { history: [register('kf')], command: register('ks') },
    refuse: { history: [register('kf')], command: register('kf') },
  },
  {
    code: 'BODY_PREPARES_FOR_CYCLE',
    name: 'KF prepares for AU, which prepares for KS, which prepares for KF',
    allow: {
      history: [register('kf'), register('ks', { preparesFor: 'kf' })],
      command: register('ks-au', { preparesFor: 'ks' }),
    },
    refuse: {
      history: [
        register('kf'),
        register('ks', { preparesFor: 'kf' }),
        register('ks-au', { preparesFor: 'ks' }),
      ],
      command: change('kf', { preparesFor: 'ks-au' }),
    },
  },
  {
    code: 'NUMBERING_FORMAT_INVALID',
    name: 'a numbering format without the number',
    allow: { history: [], command: register('kf', { numberingFormat: '§ {number}/{year}' }) },
    refuse: { history: [], command: register('kf', { numberingFormat: '§ {nummer}' }) },
  },
];

// ─── roster ──────────────────────────────────────────────────────────────────────────

export const start = (
  membershipId: string,
  memberId: string,
  extra: Partial<Extract<RosterCommand, { type: 'StartMembership' }>['data']> = {},
): RosterCommand => ({
  type: 'StartMembership',
  data: {
    bodyId: 'ks',
    membershipId,
    memberId,
    name: `Person ${memberId}`,
    party: 'S',
    role: 'ledamot',
    mandatePeriod: '2023-2026',
    from: '2023-01-01',
    until: '2026-12-31',
    at: AT,
    ...extra,
  },
});
export const end = (membershipId: string, lastDay: string, reason?: string): RosterCommand => ({
  type: 'EndMembership',
  data: { bodyId: 'ks', membershipId, lastDay, ...(reason ? { reason } : {}), at: AT },
});

export interface RosterCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly context?: RosterContext;
  readonly allow: { readonly history: RosterCommand[]; readonly command: RosterCommand };
  readonly refuse: {
    readonly history: RosterCommand[];
    readonly command: RosterCommand;
    readonly context?: RosterContext;
  };
}

export const rosterCases: RosterCase[] = [
  {
    code: 'BODY_NOT_REGISTERED',
    name: 'a member of a body not in the register',
    allow: { history: [], command: start('a', 'm1') },
    refuse: { history: [], command: start('a', 'm1'), context: { bodyRegistered: false } },
  },
  {
    code: 'MEMBERSHIP_ALREADY_STARTED',
    name: 'the same membership id twice',
    allow: { history: [start('a', 'm1')], command: start('b', 'm2') },
    refuse: { history: [start('a', 'm1')], command: start('a', 'm2') },
  },
  {
    code: 'MEMBERSHIP_ENDS_BEFORE_START',
    name: 'an entledigande dated before the membership began',
    allow: { history: [start('a', 'm1', { from: '2024-03-01' })], command: end('a', '2024-03-01') },
    refuse: { history: [start('a', 'm1', { from: '2024-03-01' })], command: end('a', '2024-01-31') },
  },
  {
    code: 'MANDATE_PERIOD_INVALID',
    name: 'a mandatperiod that is not two years',
    allow: { history: [], command: start('a', 'm1', { mandatePeriod: '2023-2026' }) },
    refuse: { history: [], command: start('a', 'm1', { mandatePeriod: '2026-2023' }) },
  },
  {
    code: 'OFFICE_NOT_LEDAMOT',
    name: 'an ersättare as vice ordförande',
    allow: { history: [], command: start('a', 'm1', { office: 'vice_ordforande' }) },
    refuse: { history: [], command: start('a', 'm1', { role: 'ersattare', office: 'vice_ordforande' }) },
  },
  {
    code: 'SUBSTITUTE_ORDER_INVALID',
    name: 'a ledamot with an ersättare order',
    allow: { history: [], command: start('a', 'm1', { role: 'ersattare', substituteOrder: 1 }) },
    refuse: { history: [], command: start('a', 'm1', { substituteOrder: 1 }) },
  },
  {
    code: 'MEMBERSHIP_OVERLAPS',
    name: 'a person in two seats at once',
    allow: {
      history: [start('a', 'm1', { until: '2024-05-31' })],
      command: start('b', 'm1', { from: '2024-06-01', office: 'ordforande' }),
    },
    refuse: { history: [start('a', 'm1')], command: start('b', 'm1', { from: '2024-06-01' }) },
  },
  {
    code: 'TWO_CHAIRS',
    name: 'a second ordförande while the first still serves',
    allow: {
      history: [start('a', 'm1', { office: 'ordforande' }), end('a', '2024-05-31', 'entledigad')],
      command: start('b', 'm2', { from: '2024-06-01', office: 'ordforande', reason: 'fyllnadsval' }),
    },
    refuse: {
      history: [start('a', 'm1', { office: 'ordforande' })],
      command: start('b', 'm2', { from: '2024-06-01', office: 'ordforande' }),
    },
  },
  {
    code: 'UNKNOWN_MEMBERSHIP',
    name: 'ending a membership that does not exist',
    allow: { history: [start('a', 'm1')], command: end('a', '2024-05-31') },
    refuse: { history: [start('a', 'm1')], command: end('x', '2024-05-31') },
  },
  {
    code: 'MEMBERSHIP_ALREADY_ENDED',
    name: 'ending a membership twice',
    allow: { history: [start('a', 'm1')], command: end('a', '2024-05-31') },
    refuse: { history: [start('a', 'm1'), end('a', '2024-05-31')], command: end('a', '2024-06-30') },
  },
];

// ─── forwarding ──────────────────────────────────────────────────────────────────────

/** The meeting's body in the fixtures is `ks-au`; its förslag goes to KS. */
const ksau = bodyDetails('ks-au', { name: 'Kommunstyrelsens arbetsutskott', preparesFor: 'ks' });
const ks = bodyDetails('ks', { name: 'Kommunstyrelsen', kind: 'styrelse', preparesFor: 'kf' });
const kf = bodyDetails('kf', { name: 'Kommunfullmäktige', kind: 'fullmaktige' });

const proposesToKs = cmd.decide('d1', 'sakbeslut', {
  content: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna rapporten.'] } },
});
function sender(commands: ParagraphCommand[]) {
  const session = inSession();
  return {
    paragraph: fold(paragraphDecider, paragraphEvents(session, commands)),
    meeting: session,
    body: ksau,
  };
}
const decidedProposal = sender([openParagraph, cmd.ask('q1', ['proposal'], 'proposal'), proposesToKs]);
const decidedOwn = sender([openParagraph, cmd.ask('q1', ['proposal'], 'proposal'), cmd.decide()]);

const forward = (toBodyId = 'ks', forwardId = 'f1'): IncomingCommand => ({
  type: 'ForwardMatter',
  data: { forwardId, toBodyId, at: AT },
});
const takeUp = (forwardId = 'f1'): IncomingCommand => ({
  type: 'TakeUpMatter',
  data: { forwardId, paragraphId: 'p-ks', meetingId: 'm-ks', year: 2024, number: 3, at: AT },
});

export interface IncomingCase {
  readonly code: RuleCode;
  readonly name: string;
  readonly allow: {
    readonly history: [IncomingCommand, IncomingContext][];
    readonly command: IncomingCommand;
    readonly context: IncomingContext;
  };
  readonly refuse: {
    readonly history: [IncomingCommand, IncomingContext][];
    readonly command: IncomingCommand;
    readonly context: IncomingContext;
  };
}

const toKs: IncomingContext = { toBody: ks, from: decidedProposal };
const sent: [IncomingCommand, IncomingContext][] = [[forward(), toKs]];

export const incomingCases: IncomingCase[] = [
  {
    code: 'FORWARD_NO_PROPOSAL',
    name: 'sending on a beslut the body took for its own part',
    allow: { history: [], command: forward(), context: toKs },
    refuse: { history: [], command: forward(), context: { toBody: ks, from: decidedOwn } },
  },
  {
    code: 'FORWARD_TO_SELF',
    name: 'sending a förslag to the body that made it',
    allow: { history: [], command: forward(), context: toKs },
    refuse: { history: [], command: forward('ks-au'), context: { toBody: ksau, from: decidedProposal } },
  },
  {
    code: 'FORWARD_ALREADY_SENT',
    name: 'sending the same paragraph twice',
    allow: { history: [], command: forward(), context: toKs },
    refuse: { history: sent, command: forward('ks', 'f2'), context: toKs },
  },
  {
    code: 'UNKNOWN_FORWARD',
    name: 'taking up a matter never sent',
    allow: { history: sent, command: takeUp(), context: { meetingBodyId: 'ks' } },
    refuse: { history: sent, command: takeUp('nope'), context: { meetingBodyId: 'ks' } },
  },
  {
    code: 'FORWARD_ALREADY_TAKEN_UP',
    name: 'taking up a matter twice',
    allow: { history: sent, command: takeUp(), context: { meetingBodyId: 'ks' } },
    refuse: {
      history: [...sent, [takeUp(), { meetingBodyId: 'ks' }]],
      command: takeUp(),
      context: { meetingBodyId: 'ks' },
    },
  },
  {
    code: 'FORWARD_WRONG_BODY',
    name: "taking up KS's matter at a meeting of KF",
    allow: { history: sent, command: takeUp(), context: { meetingBodyId: 'ks' } },
    refuse: { history: sent, command: takeUp(), context: { meetingBodyId: 'kf' } },
  },
  {
    code: 'PARAGRAPH_NOT_OPENED',
    name: 'sending on a paragraph that does not exist',
    allow: { history: [], command: forward(), context: toKs },
    refuse: { history: [], command: forward(), context: { toBody: ks } },
  },
];

export interface IncomingWarningCase {
  readonly code: WarningCode;
  readonly quiet: { readonly command: IncomingCommand; readonly context: IncomingContext };
  readonly warned: { readonly command: IncomingCommand; readonly context: IncomingContext };
}

export const incomingWarningCases: IncomingWarningCase[] = [
  {
    code: 'FORWARD_NOT_PREPARED_FOR',
    quiet: { command: forward(), context: toKs },
    warned: { command: forward('kf'), context: { toBody: kf, from: decidedProposal } },
  },
];

export const forwardingBodies = { ksau, ks, kf, decidedProposal };
