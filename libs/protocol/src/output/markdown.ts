/** Markdown: headings, bold, lists and tables for the same blocks as plain text. */
import type { Block, ProtocolDocument } from './document.js';

export function writeMarkdown(doc: ProtocolDocument): string {
  return blocksToMarkdown(doc.blocks);
}

export function blocksToMarkdown(blocks: readonly Block[]): string {
  return `${blocks
    .filter((b) => b.kind !== 'qr')
    .map(blockToMarkdown)
    .join('\n\n')}\n`;
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
      return hardBreaks(block.items);
    case 'table': {
      const cell = (c: string, bold: boolean) => {
        const escaped = inline(c).replace(/\|/g, '\\|');
        return bold && escaped ? `**${escaped}**` : escaped;
      };
      const row = (cells: readonly string[], bold = false) =>
        `| ${cells.map((c) => cell(c, bold)).join(' | ')} |`;
      const rows = block.rows.map((r, i) => row(r, block.totals === true && i === block.rows.length - 1));
      const table = [row(block.header), `|${block.header.map(() => ' --- ').join('|')}|`, ...rows].join('\n');
      return block.caption ? `${lineStart(inline(block.caption))}\n\n${table}` : table;
    }
    case 'signatures':
      return block.signers.map((s) => hardBreaks([s.role, block.line, s.name])).join('\n\n');
    case 'rule':
      return '---';
    case 'qr':
      return '';
  }
}

/** Two trailing spaces: a hard line break within one Markdown paragraph. */
function hardBreaks(items: readonly string[]): string {
  return items.map((item) => lineStart(inline(item))).join('  \n');
}

/** Escape what Markdown would read as emphasis or code inside a line. */
function inline(text: string): string {
  return text.replace(/([\\*_`])/g, '\\$1');
}

/** Escape what Markdown would read as a heading, quote or list at the start of a line. */
function lineStart(text: string): string {
  return text.replace(/^(#|>|[-+](?=\s)|\d+(?=\.\s))/, (m) => (/^\d+$/.test(m) ? `${m}\\` : `\\${m}`));
}
