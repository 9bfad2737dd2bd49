/**
 * The HTML documents (protocol, extracts, omröstningsbilaga) of both scenarios pass
 * html-validate's recommended rules, and carry what print needs: A4, the running head and the
 * page numbering in the page margins, headings kept with what follows, repeated header rows.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { HtmlValidate } from 'html-validate';
import {
  extractDocument,
  meetingView,
  paragraphView,
  protocolDocument,
  votingListDocument,
  writeHtml,
  type ProtocolDocument,
} from '@app/protocol';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { secondCommands, secondIds } from '../scenarios/second.js';
import { readFileSync } from 'node:fs';
import { wordDiff } from './normalise.js';
import { recordScenario } from './record.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The text a browser's textContent gives for the article: tags dropped, entities decoded. */
function articleText(html: string): string {
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  return article
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

const s65 = recordScenario(s65Commands);
const s65Meeting = meetingView(s65.meetingEvents(s65Ids.meetingId));
const s65Paragraph = paragraphView(s65.paragraphEvents(s65Ids.paragraphId));
const second = recordScenario(secondCommands);
const meeting = meetingView(second.meetingEvents(secondIds.meetingId));
const paragraphs = [secondIds.p41, secondIds.p42].map((id) => paragraphView(second.paragraphEvents(id)));

const documents: [string, ProtocolDocument][] = [
  ['§65 extract', extractDocument(s65Paragraph, s65Meeting)],
  ['§65 protocol', protocolDocument(s65Meeting, [s65Paragraph])],
  ['§41 extract', extractDocument(paragraphs[0]!, meeting)],
  ['§42 extract', extractDocument(paragraphs[1]!, meeting)],
  ['second protocol', protocolDocument(meeting, paragraphs)],
  ['omröstningsbilaga', votingListDocument(meeting, paragraphs)],
];

// html-validate's first run loads its rules; generous on a busy machine.
jest.setTimeout(60_000);

describe('HTML documents', () => {
  it.each(documents)('%s passes html-validate (recommended)', async (_name, doc) => {
    const report = await validator.validateString(writeHtml(doc));
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });

  it('the validator does report a fault (a skipped heading level, a header cell without scope)', async () => {
    const doc = extractDocument(paragraphs[0]!, meeting);
    const broken = writeHtml(doc)
      .replace('<h2>', '<h4>')
      .replace('</h2>', '</h4>')
      .replace(' scope="col"', '');
    const report = await validator.validateString(broken);
    expect(report.valid).toBe(false);
  });

  it('reads as the golden extracts: the text of the article has the same words, list markers too', () => {
    const text = (doc: ProtocolDocument) => articleText(writeHtml(doc));
    expect(wordDiff(text(documents[0]![1]), fixture('ks-au-2024-s65-delarsrapport.txt'))).toBeNull();
    const rules = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/^[─-]+(\s+[─-]+)*$/.test(l.trim()))
        .join('\n');
    const second = [documents[2]![1], documents[3]![1]].map(text).join('\n');
    expect(wordDiff(second, rules(fixture('second-scenario.txt')))).toBeNull();
  });

  it('prints on A4 with the running head and "Sida n av m" in the margins', () => {
    const html = writeHtml(protocolDocument(meeting, paragraphs));
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@top-left { content: "Utbildningsnämnden 2024-06-11";');
    expect(html).toContain('@bottom-right { content: "Sida " counter(page) " av " counter(pages);');
    expect(html).toMatch(/h2[^{]*\{ break-after: avoid;/);
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('lays the roll call out as a table: a row per member, the marks in their columns, totals apart', () => {
    const html = writeHtml(extractDocument(paragraphs[0]!, meeting));
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(table).toContain(
      '<thead><tr><th scope="col">Ledamot</th> <th scope="col">Parti</th> <th scope="col" class="mark">Ja</th>',
    );
    expect(table).toContain(
      '<tr><th scope="row">Anders Nilsson</th> <td>S</td> <td class="mark"></td> <td class="mark">X</td> <td class="mark"></td></tr>',
    );
    expect(table).toContain('<tfoot><tr><th scope="row">Summa</th> <td></td> <td class="mark">11</td>');
  });

  it('escapes what members hand in', () => {
    const doc = extractDocument(paragraphs[0]!, meeting);
    const html = writeHtml({
      ...doc,
      blocks: [...doc.blocks, { kind: 'text', text: '<script>x</script> & "y"' }],
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;x&#60;/script&#62; &#38; &#34;y&#34;');
  });
});
