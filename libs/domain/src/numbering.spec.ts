import { describe, expect, it } from '@jest/globals';
import { fold } from './decider.js';
import { numberingDecider } from './numbering.js';
import { given, run } from './testing.js';
import { reserve } from '../test/meeting-cases.js';

describe('numberingDecider', () => {
  it('records a reservation', () => {
    given(numberingDecider, [])
      .when(reserve(65, 'p-a'))
      .then([
        {
          type: 'ParagraphNumberReserved',
          data: { bodyId: 'ks-au', year: 2024, number: 65, paragraphId: 'p-a', meetingId: 'm-1' },
        },
      ]);
  });

  it('records nothing when the same reservation is retried (completing a half-done open)', () => {
    const history = run(numberingDecider, [reserve(65, 'p-a')]);
    given(numberingDecider, history).when(reserve(65, 'p-a')).then([]);
  });

  it('suggests the next number in sequence', () => {
    const state = fold(
      numberingDecider,
      run(numberingDecider, [reserve(1, 'a'), reserve(3, 'b'), reserve(2, 'c')]),
    );
    expect(state.nextNumber).toBe(4);
    expect(state.byParagraph.get('b')).toBe(3);
  });
});
