import { describe, expect, it } from '@jest/globals';
import { decisionText } from './register.projection.js';

describe("the register's one-line decision, worded by the house style", () => {
  it('words a proposal to another body and an own decision', () => {
    expect(
      decisionText('sakbeslut', {
        proposesTo: {
          body: 'Kommunstyrelsen',
          items: ['Godkänna rapporten.', 'Lägga den till handlingarna.'],
        },
        ownDecisions: ['att arbeta in initiativet.'],
      }),
    ).toBe(
      'Föreslår: Kommunstyrelsen beslutar: 1. Godkänna rapporten. 2. Lägga den till handlingarna. För egen del: att arbeta in initiativet.',
    );
  });
  it('words återremiss with its motivation, and bordläggning', () => {
    expect(decisionText('aterremiss', undefined, 'för komplettering')).toBe('Återremiss: för komplettering');
    expect(decisionText('bordlaggning')).toBe('Bordläggning');
  });
});
