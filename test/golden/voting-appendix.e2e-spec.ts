/**
 * The närvaro- och omröstningslista of the second scenario's meeting: attendance per seat, and a
 * table per votering with the seat's ledamot, who served in their place, the vote and jäv.
 */
import { describe, expect, it } from '@jest/globals';
import { meetingView, paragraphView, votingListDocument, writeText, type Block } from '@app/protocol';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { secondCommands, secondIds } from '../scenarios/second.js';
import { recordScenario } from './record.js';

const second = recordScenario(secondCommands);
const meeting = meetingView(second.meetingEvents(secondIds.meetingId));
const paragraphs = [secondIds.p42, secondIds.p41].map((id) => paragraphView(second.paragraphEvents(id)));
const tables = (blocks: readonly Block[]) =>
  blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('votingListDocument', () => {
  const doc = votingListDocument(meeting, paragraphs);
  const [attendance, vote] = tables(doc.blocks);

  it('is a document of its own, named as a clerk would name the file', () => {
    expect(doc).toMatchObject({
      kind: 'voting-appendix',
      title: 'Närvaro- och omröstningslista',
      author: 'Utbildningsnämnden',
      date: '2024-06-11',
      fileName: 'Omröstningsbilaga UN 2024-06-11',
      language: 'sv-SE',
    });
    expect(tables(doc.blocks)).toHaveLength(2); // attendance, and the one votering (§41)
  });

  it('lists every seat: present, or the ersättare who served in its place', () => {
    expect(attendance!.header).toEqual(['Ledamot', 'Parti', 'Närvarande', 'Tjänstgörande ersättare']);
    expect(attendance!.rows).toContainEqual(['Fredrik Sand', 'M', '', 'Cecilia Ström (M)']);
    expect(attendance!.rows).toContainEqual(['Maria Lindgren', 'M', 'X', '']);
    expect(attendance!.rows).toContainEqual(['Björn Sjögren', 'S', '', '']); // absent, no ersättare
    expect(attendance!.rows.map((r) => r[0])).not.toContain('Nils Berglund'); // an ersättare, not a seat
  });

  it('gives the votering a row per seat: the vote of whoever sat in it, jäv marked, totals apart', () => {
    expect(vote!.caption).toBe('Votering, huvudvotering');
    expect(vote!.header).toEqual(['Ledamot', 'Tjänstgörande ersättare', 'Ja', 'Nej', 'Avstår', 'Jäv']);
    expect(vote!.totals).toBe(true);
    const row = (name: string) => vote!.rows.find((r) => r[0]!.startsWith(name));
    expect(row('Fredrik Sand')).toEqual(['Fredrik Sand (M)', 'Cecilia Ström (M)', 'X', '', '', '']);
    expect(row('Tomas Wiklund')).toEqual(['Tomas Wiklund (C)', '', '', '', '', 'X']);
    expect(row('Anders Nilsson')).toEqual(['Anders Nilsson (S)', '', '', 'X', '', '']);
    expect(row('Björn Sjögren')).toEqual(['Björn Sjögren (S)', '', '', '', '', '']);
    expect(vote!.rows.at(-1)).toEqual(['Summa', '', '11', '2', '2', '1']);
    // The sums are of the rows above: nothing counted twice or dropped.
    const marks = (c: number) => vote!.rows.slice(0, -1).filter((r) => r[c] === 'X').length;
    expect([marks(2), marks(3), marks(4), marks(5)]).toEqual([11, 2, 2, 1]);
  });

  it('names the voting proposition and reads as text', () => {
    const text = writeText(doc);
    expect(text).toContain('§41 Sammanslagning av Ekbacka skola och Tallåsens skola');
    expect(text).toContain(
      'Ja för utbildningsförvaltningens tjänsteutlåtandes förslag, nej för Anders Nilssons (S) ändringsyrkande.',
    );
    expect(text.indexOf('§41')).toBeLessThan(text.indexOf('Summa'));
  });

  it('says so when no votering was held', () => {
    const s65 = recordScenario(s65Commands);
    const none = votingListDocument(meetingView(s65.meetingEvents(s65Ids.meetingId)), [
      paragraphView(s65.paragraphEvents(s65Ids.paragraphId)),
    ]);
    expect(tables(none.blocks)).toHaveLength(1);
    expect(writeText(none)).toContain('Inga voteringar har förekommit vid sammanträdet.');
  });
});
