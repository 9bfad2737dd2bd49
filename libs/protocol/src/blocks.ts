/**
 * Format-neutral layout of a rendered document, and its two writers. Plain text follows the
 * printed extract: one blank line between blocks, list items and table rows on consecutive
 * lines. Markdown uses headings, bold, lists and tables for the same blocks.
 */

export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  /** The paragraph's title (bold in Markdown, as in the printed extract). */
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'numbered'; readonly items: readonly string[] }
  | { readonly kind: 'bullets'; readonly items: readonly string[] }
  /** Short lines that belong together (a list of names, a signature). */
  | { readonly kind: 'lines'; readonly items: readonly string[] }
  /** `totals`: the last row sums the others and is set apart. */
  | {
      readonly kind: 'table';
      readonly header: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly totals?: boolean;
    }
  | { readonly kind: 'rule' };

export function blocksToText(blocks: readonly Block[]): string {
  return `${blocks.map(blockToText).join('\n\n')}\n`;
}

function blockToText(block: Block): string {
  switch (block.kind) {
    case 'heading':
    case 'title':
    case 'text':
      return block.text;
    case 'numbered':
      return block.items.map((item, i) => `${i + 1}. ${item}`).join('\n');
    case 'bullets':
      return block.items.map((item) => `- ${item}`).join('\n');
    case 'lines':
      return block.items.join('\n');
    case 'table':
      return textTable(block.header, block.rows, block.totals ?? false);
    case 'rule':
      return '─'.repeat(60);
  }
}

/** Columns padded to their widest cell, a rule under the header (and above a totals row). */
function textTable(header: readonly string[], rows: readonly (readonly string[])[], totals: boolean): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.map(line);
  if (totals && body.length > 0) body.splice(body.length - 1, 0, rule);
  return [line(header), rule, ...body].join('\n');
}

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(Math.max(block.level, 1), 6))} ${inline(block.text)}`;
    case 'title':
      return `**${inline(block.text)}**`;
    case 'text':
      return lineStart(inline(block.text));
    case 'numbered':
      return block.items.map((item, i) => `${i + 1}. ${inline(item)}`).join('\n');
    case 'bullets':
      return block.items.map((item) => `- ${inline(item)}`).join('\n');
    case 'lines':
      // Two trailing spaces: a hard line break within one Markdown paragraph.
      return block.items.map((item) => lineStart(inline(item))).join('  \n');
    case 'table': {
      const cell = (c: string, bold: boolean) => {
        const escaped = inline(c).replace(/\|/g, '\\|');
        return bold && escaped ? `**${escaped}**` : escaped;
      };
      const row = (cells: readonly string[], bold = false) =>
        `| ${cells.map((c) => cell(c, bold)).join(' | ')} |`;
      const rows = block.rows.map((r, i) => row(r, block.totals === true && i === block.rows.length - 1));
      return [row(block.header), `|${block.header.map(() => ' --- ').join('|')}|`, ...rows].join('\n');
    }
    case 'rule':
      return '---';
  }
}

/** Escape what Markdown would read as emphasis or code inside a line. */
function inline(text: string): string {
  return text.replace(/([\\*_`])/g, '\\$1');
}

/** Escape what Markdown would read as a heading, quote or list at the start of a line. */
function lineStart(text: string): string {
  return text.replace(/^(#|>|[-+](?=\s)|\d+(?=\.\s))/, (m) => (/^\d+$/.test(m) ? `${m}\\` : `\\${m}`));
}
