import { describe, expect, it } from '@jest/globals';
import { correctText } from './correction.js';

describe('correctText (rättelse)', () => {
  it('replaces a part of the text, or all of it, once', () => {
    expect(correctText('Budget 2023 för kultur', { from: '2023', to: '2024' })).toEqual({
      text: 'Budget 2024 för kultur',
      applied: true,
    });
    expect(correctText('Budget', { from: 'Budget', to: 'Årsbudget' })).toEqual({
      text: 'Årsbudget',
      applied: true,
    });
    expect(correctText('a a', { from: 'a', to: 'b' }).text).toBe('b a');
  });

  it('leaves the text when `from` is not in it, or empty', () => {
    expect(correctText('Budget', { from: 'Taxa', to: 'x' })).toEqual({ text: 'Budget', applied: false });
    expect(correctText('Budget', { from: '', to: 'x' })).toEqual({ text: 'Budget', applied: false });
  });

  it('takes the new text literally', () => {
    expect(correctText('Avgift 10 kr', { from: '10', to: '$& $1' }).text).toBe('Avgift $& $1 kr');
  });
});
