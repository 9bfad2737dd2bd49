/**
 * Reads the PDF fonts shipped in libs/protocol/fonts (DejaVu Sans, see LICENSE.dejavu.txt there).
 * The renderer in libs/protocol does no I/O, so the bytes are read here, once, and passed in.
 * The folder is found by walking up from this module, which works from the TypeScript sources
 * (tests, scripts) and from the built server in dist/ alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPdf, type PdfFonts } from '@app/protocol';

const RELATIVE = join('libs', 'protocol', 'fonts');
let cached: PdfFonts | undefined;

export function fontsDirectory(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(join(candidate, 'DejaVuSans.ttf'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`The PDF fonts (${RELATIVE}) were not found above ${from}`);
  }
}

export function pdfFonts(): PdfFonts {
  if (!cached) {
    const dir = fontsDirectory();
    cached = {
      regular: new Uint8Array(readFileSync(join(dir, 'DejaVuSans.ttf'))),
      bold: new Uint8Array(readFileSync(join(dir, 'DejaVuSans-Bold.ttf'))),
    };
  }
  return cached;
}

/**
 * Loads pdfkit and parses the fonts once, off the request path: the first PDF otherwise pays
 * ≈ 2–5 s for it (docs/benchmarks.md). Called by the server after it listens; a failure here
 * surfaces again, with its message, on the first PDF request.
 */
export async function warmUpPdf(): Promise<void> {
  await renderPdf(
    {
      kind: 'preview',
      title: 'Paragraf',
      author: 'Paragraf',
      date: '2000-01-01',
      language: 'sv-SE',
      runningHead: 'Paragraf',
      pageFooter: [],
      pageNumbering: 'Sida {page} av {pages}',
      style: { id: 'warm-up', name: 'warm-up', version: 0 },
      fileName: 'warm-up',
      blocks: [
        { kind: 'heading', level: 1, text: 'Åäö §' },
        { kind: 'table', header: ['Ledamot', 'Ja'], rows: [['Ö', 'X']], totals: false },
      ],
    },
    pdfFonts(),
  );
}
