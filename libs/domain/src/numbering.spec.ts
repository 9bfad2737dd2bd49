import { describe, expect, it } from '@jest/globals';
import { fold } from './decider.js';
import { agendaAssignments, numberingDecider } from './numbering.js';
import { given, run } from './testing.js';
import { reassign, release, reserve } from '../test/meeting-cases.js';

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

describe('numberingDecider: released numbers', () => {
  it('gives a number back, and suggests it again first', () => {
    const history = run(numberingDecider, [
      reserve(1, 'a'),
      reserve(2, 'b'),
      reserve(3, 'c'),
      release(2, 'b'),
    ]);
    const state = fold(numberingDecider, history);
    expect(state.nextNumber).toBe(2);
    expect(state.byParagraph.has('b')).toBe(false);
    const again = fold(numberingDecider, [
      ...history,
      ...run(numberingDecider, [reserve(2, 'd')], undefined, history),
    ]);
    expect(again.nextNumber).toBe(4);
  });

  it('releasing the highest number makes it the next one', () => {
    const state = fold(
      numberingDecider,
      run(numberingDecider, [reserve(1, 'a'), reserve(2, 'b'), release(2, 'b')]),
    );
    expect(state.nextNumber).toBe(2);
  });

  it('refuses to release a number another paragraph holds; a second release records nothing', () => {
    const history = run(numberingDecider, [reserve(1, 'a'), reserve(2, 'b')]);
    given(numberingDecider, history).when(release(2, 'a')).thenRefused('PARAGRAPH_NUMBER_NOT_RESERVED');
    const released = run(numberingDecider, [reserve(1, 'a'), release(1, 'a')]);
    given(numberingDecider, released).when(release(1, 'a')).then([]);
  });
});

describe('numberingDecider: a new order of the agenda (docs/adr/0055)', () => {
  const three = [reserve(4, 'a'), reserve(5, 'b'), reserve(6, 'c')];

  it('gives the numbers the meeting holds, lowest first, in the new order', () => {
    const held = [
      { paragraphId: 'a', number: 4 },
      { paragraphId: 'b', number: 5 },
      { paragraphId: 'c', number: 6 },
    ];
    expect(agendaAssignments(held, ['c', 'a', 'b'])).toEqual([
      { paragraphId: 'c', from: 6, to: 4 },
      { paragraphId: 'a', from: 4, to: 5 },
      { paragraphId: 'b', from: 5, to: 6 },
    ]);
    // Unchanged places change nothing.
    expect(agendaAssignments(held, ['a', 'c', 'b'])).toEqual([
      { paragraphId: 'c', from: 6, to: 5 },
      { paragraphId: 'b', from: 5, to: 6 },
    ]);
  });

  it('moves the numbers between the paragraphs, and the next number stays', () => {
    const history = run(numberingDecider, [...three, reassign(['c', 6, 4], ['a', 4, 5], ['b', 5, 6])]);
    const state = fold(numberingDecider, history);
    expect([...state.byParagraph]).toEqual([
      ['a', 5],
      ['b', 6],
      ['c', 4],
    ]);
    expect(state.byNumber.get(4)?.paragraphId).toBe('c');
    expect(state.nextNumber).toBe(7);
    // A retry of the same change records nothing.
    given(numberingDecider, history)
      .when(reassign(['c', 6, 4], ['a', 4, 5], ['b', 5, 6]))
      .then([]);
  });

  it("refuses to take a number another meeting's paragraph holds", () => {
    const other = {
      type: 'ReserveParagraphNumber' as const,
      data: { bodyId: 'ks-au', year: 2024, number: 7, paragraphId: 'x', meetingId: 'm-2' },
    };
    given(numberingDecider, run(numberingDecider, [...three, other]))
      .when(reassign(['x', 7, 4], ['a', 4, 7]))
      .thenRefused('PARAGRAPH_NUMBER_NOT_RESERVED');
  });
});
