/**
 * Reads a PDF back with Debian's poppler-utils and qpdf (installed by .ci/run). veraPDF is not
 * available on these machines; docs/adr/0022 names these checks as its stand-in.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProtocolDocument } from '@app/protocol';

export function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // pdftotext -v exits 0, qpdf has --version; ENOENT is the only "missing".
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/** Runs `fn` with the bytes written to a temporary file. */
export function withPdfFile<T>(bytes: Uint8Array, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-pdf-'));
  const path = join(dir, 'document.pdf');
  try {
    writeFileSync(path, bytes);
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text layer in physical layout, so table rows stay rows. */
export const pdfText = (path: string) => run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-']);
export const pdfFontsList = (path: string) => run('pdffonts', [path]);
export const pdfInfo = (path: string) => run('pdfinfo', ['-meta', path]);

/** qpdf --check: exit 0 and no warnings. */
export function qpdfCheck(path: string): string {
  return execFileSync('qpdf', ['--check', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/**
 * The page furniture the PDF adds and the text writer does not print, removed before the
 * golden comparison: the running head (a line of its own at the top of every page) and the
 * page numbering ("Sida 2 av 5"), which shares its line with the footer lines (Justerandes
 * sign, Utdragsbestyrkande); a line left with footer lines only is dropped as the golden
 * normalisation drops them; and a table's header row repeated at the top of a page the table
 * continues on. Everything else must be the same words in the same order.
 */
export function withoutPageFurniture(text: string, doc: ProtocolDocument): string {
  const numbering = new RegExp(
    doc.pageNumbering
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace('\\{page\\}', '\\d+')
      .replace('\\{pages\\}', '\\d+'),
    'g',
  );
  const footer = new Set(doc.pageFooter);
  const words = (line: string) => line.trim().split(/\s+/).join(' ');
  const headers = new Set(doc.blocks.flatMap((b) => (b.kind === 'table' ? [words(b.header.join(' '))] : [])));
  return text
    .split('\f')
    .map((page, index) => {
      const lines = page
        .split('\n')
        .map((line) => line.replace(numbering, ''))
        .filter((line) => line.trim() !== doc.runningHead)
        .filter((line) => {
          const parts = line
            .trim()
            .split(/\s{2,}/)
            .filter(Boolean);
          return parts.length === 0 || !parts.every((part) => footer.has(part));
        });
      const first = lines.findIndex((line) => line.trim() !== '');
      if (index > 0 && first >= 0 && headers.has(words(lines[first]!))) lines.splice(first, 1);
      return lines.join('\n');
    })
    .join('\n');
}
