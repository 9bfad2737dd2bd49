/**
 * The golden comparison of DESIGN.md ("Rendering the protocol"): drop `**`, drop the
 * page-footer lines `Justerandes sign` and `Utdragsbestyrkande`, and compare the remaining
 * words in order. Layout (line breaks, blank lines, page breaks) does not count; every word
 * and its punctuation does.
 *
 * A list item's bullet glyph at the start of a line (`-`, `•`, `–`, `*` followed by a space) is
 * layout too and is dropped on both sides: the writers draw bullets as `- `, printed protocols
 * as `•` or a Symbol-font glyph that text extraction may lose (the Sollentuna fixture, see
 * test/fixtures/README.md).
 */

const footerLines = new Set(['Justerandes sign', 'Utdragsbestyrkande']);
const bullet = /^(\s*)[-•–*]\s+/;

export function normalise(text: string): string[] {
  return text
    .replace(/\*\*/g, '')
    .split(/\r?\n/)
    .filter((line) => !footerLines.has(line.trim()))
    .map((line) => line.replace(bullet, '$1'))
    .join('\n')
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/**
 * null when both texts have the same words in order; otherwise a readable account of the
 * first difference, with a few words of context on each side.
 */
export function wordDiff(actual: string, expected: string, context = 8): string | null {
  const a = normalise(actual);
  const e = normalise(expected);
  let i = 0;
  while (i < a.length && i < e.length && a[i] === e[i]) i++;
  if (i === a.length && i === e.length) return null;
  const around = (words: string[]) => {
    const before = words.slice(Math.max(0, i - context), i).join(' ');
    const at = i < words.length ? `[${words[i]}]` : '[— slut —]';
    const after = words.slice(i + 1, i + 1 + context).join(' ');
    return `${before} ${at} ${after}`.trim();
  };
  return [
    `Första skillnaden vid ord ${i + 1} (rendered ${a.length} ord, expected ${e.length} ord):`,
    `  expected: …${around(e)}…`,
    `  rendered: …${around(a)}…`,
  ].join('\n');
}

/**
 * A justified document served by the API prints the seal that covers its justering
 * ("Kontrollsumma …", docs/adr/0031), which the printed golden extracts do not have. This takes
 * that one line out, and says whether it was there, before a golden comparison.
 */
export const SEAL_LINE =
  /Kontrollsumma \(försegling \d{4}-\d{2}-\d{2}, till och med position \d+\): [0-9a-f]{8}(?: [0-9a-f]{8}){7}\n?/;

export function splitSealLine(text: string): { text: string; sealed: boolean } {
  const sealed = SEAL_LINE.test(text);
  return { text: text.replace(SEAL_LINE, ''), sealed };
}

/** Markdown reduced to the printed words: heading marks and escapes removed. */
export function markdownToPlain(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => line.replace(/^#{1,6}\s+/, '').replace(/\\([\\*_`#>+\-.|])/g, '$1'))
    .join('\n');
}
