import { describe, expect, it } from '@jest/globals';
import { ruleCodes, RuleViolation, warningCodes, warningMessages } from './errors.js';
import { meetingDecider } from './meeting.js';
import { numberingDecider } from './numbering.js';
import { paragraphDecider } from './paragraph.js';
import { given, run } from './testing.js';
import { inSession, paragraphEvents } from '../test/fixtures.js';
import { meetingCases, numberingCases } from '../test/meeting-cases.js';
import { paragraphCases, paragraphWarningCases, type ParagraphScenario } from '../test/paragraph-cases.js';
import { fold } from './decider.js';
import { justeringCases } from '../test/justering-cases.js';

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

describe('coverage of the rule catalogue', () => {
  it('has an allow and a refuse case for every rule code', () => {
    const covered = new Set(
      [...meetingCases, ...numberingCases, ...paragraphCases, ...justeringCases].map((c) => c.code),
    );
    expect(ruleCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('has a quiet and a warned case for every warning code', () => {
    const covered = new Set(paragraphWarningCases.map((c) => c.code));
    expect(warningCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('never uses one code both to refuse and to warn', () => {
    expect(ruleCodes.filter((code) => (warningCodes as string[]).includes(code))).toEqual([]);
  });
});
