import { describe, expect, it } from '@jest/globals';
import { ruleCodes, RuleViolation, warningCodes, warningMessages } from './errors.js';
import { meetingDecider } from './meeting.js';
import { agendaAssignments, numberingDecider } from './numbering.js';
import { paragraphDecider } from './paragraph.js';
import { given, run } from './testing.js';
import { inSession, paragraphEvents } from '../test/fixtures.js';
import { agendaCases, meetingCases, numberingCases } from '../test/meeting-cases.js';
import { paragraphCases, paragraphWarningCases, type ParagraphScenario } from '../test/paragraph-cases.js';
import { fold } from './decider.js';
import { justeringCases } from '../test/justering-cases.js';
import { incomingCases, incomingWarningCases, registerCases, rosterCases } from '../test/body-cases.js';
import { bodyRegisterDecider, rosterDecider } from './body.js';
import { incomingDecider, type IncomingEvent } from './forwarding.js';

/** Every refusal is a RuleViolation with the expected code and a Swedish message. */
function expectRefusal(violation: RuleViolation) {
  expect(violation).toBeInstanceOf(RuleViolation);
  expect(violation.message).toMatch(/[a-zåäö]{3,}/i);
}

describe('meeting rules', () => {
  it.each(meetingCases)('$code — $name', ({ code, allow, refuse }) => {
    const accepted = given(meetingDecider, run(meetingDecider, allow.history))
      .when(allow.command)
      .thenAccepted();
    expect(accepted.length).toBeGreaterThan(0);
    expectRefusal(
      given(meetingDecider, run(meetingDecider, refuse.history)).when(refuse.command).thenRefused(code),
    );
  });
});

describe('numbering rules', () => {
  it.each(numberingCases)('$code — $name', ({ code, allow, refuse }) => {
    const accepted = given(numberingDecider, run(numberingDecider, allow.history))
      .when(allow.command)
      .thenAccepted();
    expect(accepted.length).toBeGreaterThan(0);
    expectRefusal(
      given(numberingDecider, run(numberingDecider, refuse.history)).when(refuse.command).thenRefused(code),
    );
  });
});

describe('agenda order', () => {
  it.each(agendaCases)('$code — $name', ({ code, held, allow, refuse }) => {
    expect(agendaAssignments(held, allow).length).toBeGreaterThan(0);
    expect(() => agendaAssignments(held, refuse)).toThrow(expect.objectContaining({ code }));
  });
});

describe('paragraph rules', () => {
  const session = inSession();
  const attempt = (s: ParagraphScenario) => {
    const meeting = s.meeting ?? session;
    const context = { meeting, ...(s.previous ? { previous: s.previous } : {}) };
    // The history was recorded while the meeting was in session; the command meets `meeting`.
    return given(paragraphDecider, paragraphEvents(session, s.history), context).when(s.command);
  };
  it.each(paragraphCases)('$code — $name', ({ code, allow, refuse }) => {
    expect(attempt(allow).thenAccepted().length).toBeGreaterThan(0);
    expectRefusal(attempt(refuse).thenRefused(code));
  });
});

describe('paragraph warnings (procedure is recorded, the clerk is warned)', () => {
  const session = inSession();
  const decideWithWarnings = (s: ParagraphScenario) => {
    const state = fold(paragraphDecider, paragraphEvents(session, s.history));
    return paragraphDecider.decideWithWarnings!(s.command, state, { meeting: s.meeting ?? session });
  };
  it.each(paragraphWarningCases)('$code — $name', ({ code, quiet, warned }) => {
    const calm = decideWithWarnings(quiet);
    expect(calm.events.length).toBeGreaterThan(0);
    expect(calm.warnings).toEqual([]);
    const loud = decideWithWarnings(warned);
    expect(loud.events.length).toBeGreaterThan(0);
    expect(loud.warnings.map((w) => w.code)).toContain(code);
    expect(loud.warnings.find((w) => w.code === code)!.message).toBe(warningMessages[code]);
    // decide() records exactly the same events, without the warnings.
    const state = fold(paragraphDecider, paragraphEvents(session, warned.history));
    expect(paragraphDecider.decide(warned.command, state, { meeting: warned.meeting ?? session })).toEqual(
      loud.events,
    );
  });
});

describe('body register, roster and forwarding rules', () => {
  it.each(registerCases)('$code — $name', ({ code, allow, refuse }) => {
    const accepted = given(bodyRegisterDecider, run(bodyRegisterDecider, allow.history))
      .when(allow.command)
      .thenAccepted();
    expect(accepted.length).toBeGreaterThan(0);
    expectRefusal(
      given(bodyRegisterDecider, run(bodyRegisterDecider, refuse.history))
        .when(refuse.command)
        .thenRefused(code),
    );
  });

  const registered = { bodyRegistered: true };
  it.each(rosterCases)('$code — $name', ({ code, allow, refuse }) => {
    const accepted = given(rosterDecider, run(rosterDecider, allow.history, registered), registered)
      .when(allow.command)
      .thenAccepted();
    expect(accepted.length).toBeGreaterThan(0);
    expectRefusal(
      given(rosterDecider, run(rosterDecider, refuse.history, registered), refuse.context ?? registered)
        .when(refuse.command)
        .thenRefused(code),
    );
  });

  const history = (steps: (typeof incomingCases)[number]['allow']['history']) => {
    const events: IncomingEvent[] = [];
    for (const [command, context] of steps) {
      events.push(...incomingDecider.decide(command, fold(incomingDecider, events), context));
    }
    return events;
  };
  it.each(incomingCases)('$code — $name', ({ code, allow, refuse }) => {
    const accepted = given(incomingDecider, history(allow.history), allow.context)
      .when(allow.command)
      .thenAccepted();
    expect(accepted.length).toBeGreaterThan(0);
    expectRefusal(
      given(incomingDecider, history(refuse.history), refuse.context).when(refuse.command).thenRefused(code),
    );
  });

  it.each(incomingWarningCases)('$code — warned, recorded all the same', ({ code, quiet, warned }) => {
    const state = incomingDecider.initialState;
    const calm = incomingDecider.decideWithWarnings!(quiet.command, state, quiet.context);
    expect(calm.events.length).toBe(1);
    expect(calm.warnings).toEqual([]);
    const loud = incomingDecider.decideWithWarnings!(warned.command, state, warned.context);
    expect(loud.events.length).toBe(1);
    expect(loud.warnings.map((w) => w.code)).toEqual([code]);
  });
});

describe('coverage of the rule catalogue', () => {
  it('has an allow and a refuse case for every rule code', () => {
    const covered = new Set(
      [
        ...meetingCases,
        ...numberingCases,
        ...agendaCases,
        ...paragraphCases,
        ...justeringCases,
        ...registerCases,
        ...rosterCases,
        ...incomingCases,
      ].map((c) => c.code),
    );
    expect(ruleCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('has a quiet and a warned case for every warning code', () => {
    const covered = new Set([...paragraphWarningCases, ...incomingWarningCases].map((c) => c.code));
    expect(warningCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('never uses one code both to refuse and to warn', () => {
    expect(ruleCodes.filter((code) => (warningCodes as string[]).includes(code))).toEqual([]);
  });
});
