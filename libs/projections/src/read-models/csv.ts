import { stringify } from 'csv-stringify/sync';
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
];

/** RFC 4180 CSV (comma, CRLF, quotes doubled), with a BOM so Excel reads å, ä, ö right. */
export function registerCsv(entries: readonly RegisterEntry[]): string {
  const rows = entries.map((e) =>
    COLUMNS.map(([key]) => {
      const v = e[key];
      return Array.isArray(v) ? v.join('; ') : (v ?? '');
    }),
  );
  return (
    '\uFEFF' +
    stringify(rows, { header: true, columns: COLUMNS.map(([, h]) => h), record_delimiter: 'windows' })
  );
}
