/**
 * Semantic HTML written from the blocks (not from Markdown): a standalone document whose
 * language, title and author come from the document; every piece of text is escaped, so
 * nothing a member handed in can become markup.
 */
import type { Block, ProtocolDocument } from './document.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function writeHtml(doc: ProtocolDocument): string {
  const body = doc.blocks.map(blockToHtml).join('\n');
  const footer = doc.pageFooter.length
    ? `\n<footer>\n${doc.pageFooter.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}\n</footer>`
    : '';
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(doc.language)}">\n<head>\n<meta charset="utf-8">\n` +
    `<title>${escapeHtml(`${doc.title} ${doc.runningHead}`)}</title>\n` +
    `<meta name="author" content="${escapeHtml(doc.author)}">\n` +
    `<meta name="generator" content="Paragraf; husstil ${escapeHtml(doc.style.name)}, version ${doc.style.version}">\n` +
    `</head>\n<body>\n<main>\n<article class="${doc.kind}">\n${body}\n</article>\n</main>${footer}\n</body>\n</html>\n`
  );
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'heading': {
      const n = Math.min(Math.max(block.level, 1), 6);
      return `<h${n}>${escapeHtml(block.text)}</h${n}>`;
    }
    case 'title':
      return `<p class="title"><strong>${escapeHtml(block.text)}</strong></p>`;
    case 'text':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'numbered':
      return `<ol>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ol>`;
    case 'bullets':
      return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'lines':
      return `<p>${block.items.map(escapeHtml).join('<br>')}</p>`;
    case 'table': {
      const head = block.header.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
      const row = (cells: readonly string[]) =>
        `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
      const rows = block.totals ? block.rows.slice(0, -1) : block.rows;
      const total =
        block.totals && block.rows.length > 0
          ? `<tfoot>${row(block.rows[block.rows.length - 1]!)}</tfoot>`
          : '';
      const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '';
      return `<table>${caption}<thead><tr>${head}</tr></thead><tbody>${rows.map(row).join('')}</tbody>${total}</table>`;
    }
    case 'signatures':
      return `<div class="signatures">${block.signers
        .map((s) => `<p>${escapeHtml(s.role)}<br>${escapeHtml(block.line)}<br>${escapeHtml(s.name)}</p>`)
        .join('')}</div>`;
    case 'rule':
      return '<hr>';
  }
}
