import { describe, expect, it } from '@jest/globals';
import { registerCsv } from './csv.js';
import type { RegisterEntry } from './queries.js';

const entry: RegisterEntry = {
  paragraphId: 'p',
  meetingId: 'm',
  bodyId: 'ks-au',
  bodyName: 'Kommunstyrelsens arbetsutskott',
  meetingDate: '2024-05-27',
  year: 2024,
  number: 65,
  caseNumber: 'KS 2024-15',
  title: 'Delårsrapport; "april"',
  decisionKind: 'sakbeslut',
  decision: 'Förslag till kommunstyrelsen',
  justifiedAt: '2024-05-29T12:05:00.000Z',
  announcedOn: '2024-05-30',
  appealEndsOn: '2024-06-20',
  pendingRecipients: ['Kommunstyrelsekontoret', 'Revisionen'],
  status: 'announced',
  statusText: 'Anslagen',
  lineage: [],
  forwardedTo: [],
  preparedBy: '',
  sentOnTo: '',
};

describe('registerCsv', () => {
  it('writes what Swedish Excel opens as columns: BOM, semicolons, CRLF, local dates and times', () => {
    const csv = registerCsv([entry]);
    expect(csv.startsWith('\uFEFFOrgan;Sammanträdesdatum;År;Paragraf;Diarienummer;Ärende;')).toBe(true);
    const [, row, end] = csv.split('\r\n');
    expect(end).toBe('');
    expect(row).toBe(
      'Kommunstyrelsens arbetsutskott;2024-05-27;2024;65;KS 2024-15;"Delårsrapport; ""april""";' +
        'Förslag till kommunstyrelsen;Anslagen;2024-05-29 14:05;2024-05-30;2024-06-20;' +
        '"Kommunstyrelsekontoret; Revisionen";;',
    );
  });

  it('keeps the comma form (RFC 4180) with the values as stored', () => {
    const csv = registerCsv([entry], 'rfc4180');
    expect(csv.startsWith('\uFEFFOrgan,Sammanträdesdatum,År,')).toBe(true);
    expect(csv.split('\r\n')[1]).toContain(',Anslagen,2024-05-29T12:05:00.000Z,2024-05-30,');
  });
});
