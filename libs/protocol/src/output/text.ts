/**
 * Plain text follows the printed extract: one blank line between blocks, list items and table
 * rows on consecutive lines, the page-footer lines last.
 */
import type { Block, ProtocolDocument } from './document.js';

export function writeText(doc: ProtocolDocument): string {
  return blocksToText([...doc.blocks, ...doc.pageFooter.map((text): Block => ({ kind: 'text', text }))]);
}

export function blocksToText(blocks: readonly Block[]): string {
  return `${blocks
    .filter((b) => b.kind !== 'qr')
    .map(blockToText)
    .join('\n\n')}\n`;
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
    case 'table': {
      const table = textTable(block.header, block.rows, block.totals ?? false);
      return block.caption ? `${block.caption}\n${table}` : table;
    }
    case 'signatures':
      return block.signers.map((s) => [s.role, block.line, s.name].join('\n')).join('\n\n');
    case 'rule':
      return '─'.repeat(60);
    case 'qr':
      return '';
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
