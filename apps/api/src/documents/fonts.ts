/**
 * Reads the PDF fonts shipped in libs/protocol/fonts (DejaVu Sans, see LICENSE.dejavu.txt there).
 * The renderer in libs/protocol does no I/O, so the bytes are read here, once, and passed in.
 * The folder is found by walking up from this module, which works from the TypeScript sources
 * (tests, scripts) and from the built server in dist/ alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PdfFonts } from '@app/protocol';

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
