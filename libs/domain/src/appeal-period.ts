/**
 * The last day to appeal (laglighetsprövning, KL 13 kap.): three weeks from the day the
 * justering was announced on the anslagstavla.
 *
 * Lag (1930:173) om beräkning av lagstadgad tid:
 *   1 §  a period in weeks ends on the day with the same weekday name as the starting day;
 *   2 §  if the last day is a Saturday, Sunday, other allmän helgdag, midsommarafton, julafton
 *        or nyårsafton, the period ends on the next weekday that is none of these.
 *
 * Dates are plain calendar dates `YYYY-MM-DD`, handled as UTC midnights so no local time
 * zone or daylight-saving change can shift a day.
 */
import Holidays from 'date-holidays';

const APPEAL_WEEKS = 3;
/** The eves 2 § names; date-holidays types them 'bank', not 'public'. */
const NAMED_EVES = new Set(['midsommarafton', 'julafton', 'nyårsafton']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

let swedishHolidays: Holidays | undefined;
const nonWorkingByYear = new Map<number, ReadonlySet<string>>();

/** Allmänna helgdagar (lag 1989:253, type 'public') and the three named eves of a year. */
function holidaysOf(year: number): ReadonlySet<string> {
  let days = nonWorkingByYear.get(year);
  if (!days) {
    swedishHolidays ??= new Holidays('SE');
    days = new Set(
      swedishHolidays
        .getHolidays(year, 'sv')
        .filter((h) => h.type === 'public' || (h.type === 'bank' && NAMED_EVES.has(h.name)))
        // `date` is the local date and time as text ("2024-12-24 00:00:00"): no time-zone math.
        .map((h) => h.date.slice(0, 10)),
    );
    nonWorkingByYear.set(year, days);
  }
  return days;
}

/** Parse `YYYY-MM-DD` as a calendar date; undefined when it is not a real date. */
export function parsePlainDate(text: string): Date | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
    ? date
    : undefined;
}

export function isPlainDate(text: string): boolean {
  return parsePlainDate(text) !== undefined;
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** Saturday, Sunday, allmän helgdag, midsommarafton, julafton or nyårsafton (2 §). */
export function isNonWorkingDayForDeadlines(date: string): boolean {
  const d = parsePlainDate(date);
  if (!d) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const weekday = d.getUTCDay();
  return weekday === 0 || weekday === 6 || holidaysOf(d.getUTCFullYear()).has(date);
}

/** Last day to appeal a decision whose justering was announced on `announcedOn`. */
export function appealPeriodEnd(announcedOn: string): string {
  const start = parsePlainDate(announcedOn);
  if (!start) throw new RangeError(`Not a date (YYYY-MM-DD): ${announcedOn}`);
  let end = addDays(start, APPEAL_WEEKS * 7);
  while (isNonWorkingDayForDeadlines(format(end))) end = addDays(end, 1);
  return format(end);
}
