/**
 * The PDF documents read back with poppler-utils and qpdf: the §65 extract and the second
 * scenario's extracts give the golden words, the whole protocol gives the text writer's words,
 * every font is embedded (and subset), the XMP declares PDF/A-2b, qpdf finds nothing wrong, and
 * the same events render the same bytes.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it, jest } from '@jest/globals';
import {
  extractDocument,
  meetingView,
  paragraphView,
  protocolDocument,
  renderPdf,
  votingListDocument,
  writePdf,
  writeText,
  type ProtocolDocument,
} from '@app/protocol';
import { pdfFonts } from '../../apps/api/src/documents/fonts.js';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { secondCommands, secondIds } from '../scenarios/second.js';
import { wordDiff } from './normalise.js';
import {
  hasTool,
  pdfFontsList,
  pdfInfo,
  pdfText,
  qpdfCheck,
  withoutPageFurniture,
  withPdfFile,
} from './pdf-tools.js';
import { recordScenario } from './record.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const tools = ['pdftotext', 'pdffonts', 'pdfinfo', 'qpdf'].filter((t) => !hasTool(t));
if (tools.length > 0) {
  // CI installs them (.ci/run); locally: apt-get install poppler-utils qpdf.
  throw new Error(`Missing ${tools.join(', ')}: apt-get install -y poppler-utils qpdf`);
}

const s65 = recordScenario(s65Commands);
const s65Meeting = meetingView(s65.meetingEvents(s65Ids.meetingId));
const s65Paragraph = paragraphView(s65.paragraphEvents(s65Ids.paragraphId));
const second = recordScenario(secondCommands);
const secondMeeting = meetingView(second.meetingEvents(secondIds.meetingId));
const p41 = paragraphView(second.paragraphEvents(secondIds.p41));
const p42 = paragraphView(second.paragraphEvents(secondIds.p42));

/**
 * The expected text without what the text writer draws with characters and the PDF with lines:
 * the rule between paragraphs (───) and the rules under a table's header and above its totals
 * (--- ---). They are layout, not words.
 */
function withoutRules(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^[─-]+(\s+[─-]+)*$/.test(line.trim()))
    .join('\n');
}

async function readBack(doc: ProtocolDocument) {
  const { bytes, pages } = await renderPdf(doc, pdfFonts());
  return withPdfFile(bytes, (path) => ({
    bytes,
    pages,
    text: withoutPageFurniture(pdfText(path), doc),
    raw: pdfText(path),
    fonts: pdfFontsList(path),
    meta: pdfInfo(path),
    check: qpdfCheck(path),
  }));
}

/** Rows of `pdffonts` after its two header lines. */
function fontRows(list: string): { name: string; emb: string; sub: string; uni: string }[] {
  return list
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: the last five columns are fixed.
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0]!, emb: emb!, sub: sub!, uni: uni! };
    });
}

function expectPdfA(result: Awaited<ReturnType<typeof readBack>>, doc: ProtocolDocument) {
  const fonts = fontRows(result.fonts);
  expect(fonts.length).toBeGreaterThanOrEqual(1);
  for (const font of fonts) {
    expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSans/);
  }
  expect(result.meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
  expect(result.meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  expect(result.meta).toContain(`<rdf:li>${doc.author}</rdf:li>`);
  expect(result.meta).toContain('<rdf:li>sv-SE</rdf:li>');
  expect(result.meta).toContain(`<rdf:li xml:lang="x-default">${doc.title} ${doc.runningHead}</rdf:li>`);
  expect(result.check).toContain('No syntax or stream encoding errors found');
  expect(result.check).not.toMatch(/WARNING/i);
  const head = Buffer.from(result.bytes.subarray(0, 16)).toString('latin1');
  expect(head.startsWith('%PDF-1.7')).toBe(true);
  const body = Buffer.from(result.bytes).toString('latin1');
  expect(body).toContain('/OutputIntents');
  expect(body).toContain('/S /GTS_PDFA1');
  expect(body).toContain('/Lang (sv-SE)');
  expect(body).toContain('/StructTreeRoot');
  // No current time inside: every date is the meeting's.
  const dates = [...body.matchAll(/\(D:(\d{8})/g)].map((m) => m[1]);
  expect(dates.length).toBeGreaterThan(0);
  expect(new Set(dates)).toEqual(new Set([doc.date.replace(/-/g, '')]));
}

// Rendering and reading back with poppler takes seconds on a busy 2-core machine.
jest.setTimeout(60_000);

describe('PDF/A-2b documents read back with poppler-utils and qpdf', () => {
  it('§65: the extract PDF gives the golden words; fonts embedded; PDF/A-2b; qpdf clean', async () => {
    const doc = extractDocument(s65Paragraph, s65Meeting);
    const result = await readBack(doc);
    expect(wordDiff(result.text, fixture('ks-au-2024-s65-delarsrapport.txt'))).toBeNull();
    expect(result.raw).toMatch(/Sida 1 av \d/);
    // The extract's head names no date; the running head on its first page does.
    expect(
      result.raw
        .split('\n')
        .find((l) => l.trim())
        ?.trim(),
    ).toBe('Kommunstyrelsens arbetsutskott 2024-05-27');
    expectPdfA(result, doc);
  });

  it('the second scenario: §41 and §42 extracts give the golden words, the roll call a table', async () => {
    const docs = [p41, p42].map((p) => extractDocument(p, secondMeeting));
    const results = await Promise.all(docs.map(readBack));
    expect(
      wordDiff(results.map((r) => r.text).join('\n'), withoutRules(fixture('second-scenario.txt'))),
    ).toBeNull();
    // The roll call keeps its rows: name, party and the mark on one line.
    expect(results[0]!.raw).toMatch(/Anders Nilsson\s+S\s+X/);
    expect(results[0]!.raw).toMatch(/Summa\s+11\s+2\s+2/);
    results.forEach((r, i) => expectPdfA(r, docs[i]!));
  });

  it('the whole protocol: the text writer\'s words, page numbers "Sida n av m", the running head', async () => {
    const doc = protocolDocument(secondMeeting, [p41, p42]);
    const result = await readBack(doc);
    expect(wordDiff(result.text, withoutRules(writeText(doc)))).toBeNull();
    expect(result.pages).toBeGreaterThan(1);
    for (let page = 1; page <= result.pages; page++) {
      expect(result.raw).toContain(`Sida ${page} av ${result.pages}`);
    }
    const heads = result.raw.split('\n').filter((l) => l.trim() === doc.runningHead);
    expect(heads).toHaveLength(result.pages);
    expectPdfA(result, doc);
  });

  it('the omröstningsbilaga: a table per votering with ja / nej / avstår and jäv', async () => {
    const doc = votingListDocument(secondMeeting, [p41, p42]);
    const result = await readBack(doc);
    expect(wordDiff(result.text, withoutRules(writeText(doc)))).toBeNull();
    // The 17 seats do not fit below the attendance table: the votering continues on page 2
    // under its header row again.
    const header = /Ledamot\s+Tjänstgörande ersättare\s+Ja\s+Nej\s+Avstår\s+Jäv/g;
    expect(result.raw.match(header)).toHaveLength(2);
    expect(result.raw.split('\f')[1]).toMatch(header);
    expect(result.raw).toMatch(/Tomas Wiklund \(C\)\s+X/); // jävig: the mark in the Jäv column
    expect(result.raw).toMatch(/Fredrik Sand \(M\)\s+Cecilia Ström \(M\)\s+X/);
    expect(result.raw).toMatch(/Summa\s+11\s+2\s+2\s+1/);
    expectPdfA(result, doc);
  });

  it('renders the same bytes from the same events and style, and other bytes for another document', async () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    // Fresh copies of the font bytes: the first render parses them, the second reuses the parse.
    const cold = { regular: pdfFonts().regular.slice(), bold: pdfFonts().bold.slice() };
    const once = await writePdf(protocolDocument(secondMeeting, [p41, p42]), cold);
    // Record the scenario again from its commands: new views, the same events.
    const again = recordScenario(secondCommands);
    const twice = await writePdf(
      protocolDocument(meetingView(again.meetingEvents(secondIds.meetingId)), [
        paragraphView(again.paragraphEvents(secondIds.p42)),
        paragraphView(again.paragraphEvents(secondIds.p41)),
      ]),
      cold,
    );
    expect(sha(twice)).toBe(sha(once));
    const other = await writePdf(protocolDocument(secondMeeting, [p41]), pdfFonts());
    expect(sha(other)).not.toBe(sha(once));
  });
});
