/**
 * Documents benchmark (a script, not a test): a generated 40-paragraph protocol with 5
 * voteringar, rendered to plain text (the baseline) and to PDF/A-2b in the same run.
 *
 *   npm run bench:documents              40 paragraphs, 5 voteringar, 7 rounds (median)
 *   npm run bench:documents -- --paragraphs 80 --votes 10 --rounds 5
 *
 * The paragraphs are the second scenario's recorded §41 (competing yrkanden, a roll-call votering
 * of 17 seats, a reservation) and §42 (återremiss), repeated with their own numbers and ids.
 * The first PDF is reported apart: it parses the fonts, which the server does once.
 * The last line printed is one JSON object with the figures.
 */
import {
  meetingView,
  paragraphView,
  protocolDocument,
  renderPdf,
  writeText,
  type ParagraphView,
} from '@app/protocol';
import { pdfFonts } from '../apps/api/src/documents/fonts.js';
import { recordScenario } from '../test/golden/record.js';
import { secondCommands, secondIds } from '../test/scenarios/second.js';
import { helpRequested } from './support/cli.js';

helpRequested(`
Usage: npm run bench:documents -- [--paragraphs N] [--votes N] [--rounds N]

Renders a generated protocol (default 40 paragraphs, 5 voteringar) as plain text and as PDF/A-2b
in the same run, 7 rounds (median); prints the PDF time, the ratio to text, the pages and peak RSS,
and last one JSON line. Writes no files.
`);

const args = process.argv.slice(2);
const value = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const paragraphCount = value('--paragraphs', 40);
const voteCount = value('--votes', 5);
const rounds = value('--rounds', 7);

const recorded = recordScenario(secondCommands);
const meeting = meetingView(recorded.meetingEvents(secondIds.meetingId));
const withVote = paragraphView(recorded.paragraphEvents(secondIds.p41));
const without = paragraphView(recorded.paragraphEvents(secondIds.p42));

// Every paragraph/voteCount-th paragraph carries a votering; the rest are återremiss items.
const every = Math.max(1, Math.floor(paragraphCount / Math.max(voteCount, 1)));
const paragraphs: ParagraphView[] = Array.from({ length: paragraphCount }, (_, i) => {
  const model = voteCount > 0 && i % every === 0 && i / every < voteCount ? withVote : without;
  return {
    ...model,
    paragraphId: `${model.paragraphId.slice(0, -4)}${String(i).padStart(4, '0')}`,
    number: 100 + i,
    title: `${model.title} (ärende ${i + 1})`,
  };
});
const votes = paragraphs.filter((p) => p.proceedings.some((x) => x.kind === 'vote')).length;
const doc = protocolDocument(meeting, paragraphs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = async <T>(fn: () => T | Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
};

const fonts = pdfFonts();
const [firstMs, first] = await time(() => renderPdf(doc, fonts));
const textTimes: number[] = [];
const pdfTimes: number[] = [];
let pages = first.pages;
let bytes = first.bytes.byteLength;
let textBytes = 0;
for (let r = 0; r < rounds; r++) {
  // Text and PDF take turns, so both meet the same load on a shared machine.
  const [textMs, text] = await time(() => writeText(doc));
  const [pdfMs, pdf] = await time(() => renderPdf(doc, fonts));
  textTimes.push(textMs);
  pdfTimes.push(pdfMs);
  pages = pdf.pages;
  bytes = pdf.bytes.byteLength;
  textBytes = text.length;
}
const pdfMs = median(pdfTimes);
const textMs = median(textTimes);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const round2 = (x: number) => Math.round(x * 100) / 100;

console.log(`Protocol: ${paragraphCount} paragraphs, ${votes} voteringar, ${rounds} rounds (median)`);
console.log(`  text      ${textMs.toFixed(2)} ms   ${textBytes} characters`);
console.log(`  PDF/A-2b  ${pdfMs.toFixed(1)} ms   ${pages} pages, ${Math.round(bytes / 1024)} KiB`);
console.log(`  first PDF ${firstMs.toFixed(1)} ms   (parses the fonts)`);
console.log(`  ratio PDF/text ${Math.round(pdfMs / textMs)}   peak RSS ${peakRssMb} MB`);
console.log(`  target: 40-§ PDF under 1,000 ms: ${pdfMs < 1000 ? 'met' : 'NOT met'}`);
console.log(
  JSON.stringify({
    pdf_ms: round2(pdfMs),
    text_ms: round2(textMs),
    ratio: Math.round(pdfMs / textMs),
    pages,
    peak_rss_mb: peakRssMb,
    first_pdf_ms: round2(firstMs),
    paragraphs: paragraphCount,
    votes,
  }),
);
