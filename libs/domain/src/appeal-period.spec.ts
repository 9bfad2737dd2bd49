import { describe, expect, it } from '@jest/globals';
import { appealPeriodEnd, isNonWorkingDayForDeadlines } from './appeal-period.js';

describe('appealPeriodEnd (lag 1930:173 1–2 §§)', () => {
  it.each([
    ['normal: same weekday three weeks later', '2024-05-20', '2024-06-10'],
    ['deadline on julafton (Tue 2024-12-24) → after juldagen and annandag jul', '2024-12-03', '2024-12-27'],
    ['deadline on långfredagen 2024-03-29 → past Easter to Tuesday', '2024-03-08', '2024-04-02'],
    ['deadline on a Saturday → Monday', '2024-05-11', '2024-06-03'],
    ['deadline on nyårsafton → past nyårsdagen', '2024-12-10', '2025-01-02'],
    ['deadline on midsommarafton → past midsommardagen and Sunday', '2024-05-31', '2024-06-24'],
    ['deadline on Kristi himmelsfärdsdag (Thu) → Friday', '2024-04-18', '2024-05-10'],
    ['deadline on nationaldagen 2025 (Fri) → Monday', '2025-05-16', '2025-06-09'],
    ['annandag pingst is no longer a helgdag (2024-05-20 stays)', '2024-04-29', '2024-05-20'],
    ['across a year end', '2025-12-15', '2026-01-05'],
  ])('%s: %s → %s', (_name, announcedOn, expected) => {
    expect(appealPeriodEnd(announcedOn)).toBe(expected);
  });

  it('does not count days that are only eves by custom (valborgsmässoafton, trettondagsafton)', () => {
    expect(isNonWorkingDayForDeadlines('2024-04-30')).toBe(false);
    expect(isNonWorkingDayForDeadlines('2025-01-05')).toBe(true); // a Sunday anyway
    expect(isNonWorkingDayForDeadlines('2024-01-05')).toBe(false);
    expect(isNonWorkingDayForDeadlines('2024-12-24')).toBe(true);
  });

  it('rejects anything that is not a calendar date', () => {
    expect(() => appealPeriodEnd('2024-02-30')).toThrow(RangeError);
    expect(() => appealPeriodEnd('2024-5-1')).toThrow(RangeError);
  });
});
