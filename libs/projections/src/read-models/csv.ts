import { stringify } from 'csv-stringify/sync';
import { dateOf, timeOf } from '@app/protocol';
import type { RegisterEntry } from './queries.js';

/** Column headings in Swedish: the register is read by clerks and published as open data. */
const COLUMNS: [keyof RegisterEntry, string][] = [
  ['bodyName', 'Organ'],
  ['meetingDate', 'Sammanträdesdatum'],
  ['year', 'År'],
  ['number', 'Paragraf'],
  ['caseNumber', 'Diarienummer'],
  ['title', 'Ärende'],
  ['decision', 'Beslut'],
  ['statusText', 'Status'],
  ['justifiedAt', 'Justerad'],
  ['announcedOn', 'Anslagen'],
  ['appealEndsOn', 'Överklagandetiden slutar'],
  ['pendingRecipients', 'Ej expedierad till'],
  ['preparedBy', 'Beredning'],
  ['sentOnTo', 'Skickat vidare till'],
];

/** Columns holding an instant (ISO 8601 with zone), not a calendar date. */
const INSTANTS = new Set<keyof RegisterEntry>(['justifiedAt']);

/**
 * - `excel` (the default): what Excel with Swedish settings opens as columns — semicolon
 *   separator (the Swedish list separator, since the comma is the decimal sign), CRLF, and
 *   instants as local date and time "2024-05-29 14:05" (Europe/Stockholm), which Excel reads as
 *   a date; calendar dates stay "2024-05-27", also a date to Swedish Excel.
 * - `rfc4180`: comma-separated, every value as stored (instants in ISO 8601 UTC), for programs.
 */
export type RegisterCsvDialect = 'excel' | 'rfc4180';

/** The register as CSV, with a BOM so Excel reads å, ä, ö right; quotes doubled as RFC 4180 says. */
export function registerCsv(
  entries: readonly RegisterEntry[],
  dialect: RegisterCsvDialect = 'excel',
): string {
  const excel = dialect === 'excel';
  const rows = entries.map((e) =>
    COLUMNS.map(([key]) => {
      const v = e[key];
      if (Array.isArray(v)) return v.join('; ');
      if (excel && typeof v === 'string' && INSTANTS.has(key)) return `${dateOf(v)} ${timeOf(v)}`;
      return v ?? '';
    }),
  );
  return (
    '\uFEFF' +
    stringify(rows, {
      header: true,
      columns: COLUMNS.map(([, h]) => h),
      delimiter: excel ? ';' : ',',
      record_delimiter: 'windows',
    })
  );
}
