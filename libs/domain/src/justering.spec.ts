import { describe, expect, it } from '@jest/globals';
import { RuleViolation } from './errors.js';
import { justeringDecider, missingSigners } from './justering.js';
import { given } from './testing.js';
import { CHAIR, closed, justeringCases, requested, sign, signed } from '../test/justering-cases.js';

describe('justering rules', () => {
  it.each(justeringCases)('$code — $name', ({ code, allow, refuse }) => {
    expect(
      given(justeringDecider, allow.history, allow.context).when(allow.command).thenAccepted().length,
    ).toBeGreaterThan(0);
    const refusal = given(justeringDecider, refuse.history, refuse.context)
      .when(refuse.command)
      .thenRefused(code);
    expect(refusal).toBeInstanceOf(RuleViolation);
  });
});

describe('justering', () => {
  it('is complete with the last required signature, which lists every signature', () => {
    const history = [requested, signed(CHAIR)];
    const state = given(justeringDecider, history, closed).state;
    expect(missingSigners(state).map((m) => m.memberId)).toEqual(['just']);
    const events = given(justeringDecider, history, closed).when(sign('just')).thenAccepted();
    expect(events.map((e) => e.type)).toEqual(['JusteringSigned', 'JusteringCompleted']);
    expect(events[1].data).toMatchObject({
      signatures: [
        { memberId: 'ordf', userId: 'user-ordf' },
        { memberId: 'just', userId: 'user-just' },
      ],
    });
  });
});
