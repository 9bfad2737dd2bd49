/**
 * Semantic HTML written from the blocks (not from Markdown): a standalone document whose
 * language, title and author come from the document, with a stylesheet for the screen and for
 * print (A4, the running head — body and meeting date — and "Sida n av m" in the page margins;
 * on screen the running head above the article, as generated content), headings kept with what
 * follows, table header rows repeated on every page). Every piece of text is escaped, so nothing
 * a member handed in can become markup. The stylesheet is scoped to `.paragraf-document`, so the
 * web page can show the same article inside its own layout.
 */
import type { Block, ProtocolDocument } from './document.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
function cssString(s: string): string {
  return `"${s.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

/** "Sida {page} av {pages}" as CSS generated content with the page counters. */
function cssPageNumbering(pattern: string): string {
  return pattern
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

/** The stylesheet of a document: screen and print, scoped to the article. */
export function documentStylesheet(doc: ProtocolDocument): string {
  const footer = doc.pageFooter.length ? cssString(doc.pageFooter.join('    ')) : 'none';
  return `
.paragraf-document { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #000; max-width: 46em; }
.paragraf-document h1 { font-size: 18pt; margin: 0 0 0.3em; }
.paragraf-document h2 { font-size: 13pt; margin: 1.1em 0 0.3em; }
.paragraf-document h3, .paragraf-document h4, .paragraf-document h5, .paragraf-document h6 { font-size: 11pt; margin: 0.9em 0 0.2em; }
.paragraf-document h1, .paragraf-document h2, .paragraf-document h3, .paragraf-document h4, .paragraf-document h5, .paragraf-document h6, .paragraf-document .title, .paragraf-document caption { break-after: avoid; page-break-after: avoid; }
.paragraf-document p { margin: 0 0 0.55em; }
.paragraf-document .title { font-weight: bold; font-size: 12pt; }
.paragraf-document ol, .paragraf-document ul { list-style: none; margin: 0 0 0.55em; padding-left: 1.6em; }
.paragraf-document li .marker { display: inline-block; width: 1.6em; margin-left: -1.6em; }
.paragraf-document table { border-collapse: collapse; margin: 0.3em 0 0.8em; font-variant-numeric: tabular-nums; }
.paragraf-document caption { text-align: left; font-weight: bold; padding-bottom: 0.2em; }
.paragraf-document th, .paragraf-document td { text-align: left; vertical-align: top; padding: 0.15em 0.8em 0.15em 0; }
.paragraf-document thead th { border-bottom: 1px solid #000; }
.paragraf-document tbody th { font-weight: normal; }
.paragraf-document .mark { text-align: center; min-width: 2.5em; padding-right: 0; padding-left: 0; }
.paragraf-document tfoot th, .paragraf-document tfoot td { border-top: 1px solid #000; font-weight: bold; }
.paragraf-document thead { display: table-header-group; }
.paragraf-document tfoot { display: table-row-group; }
.paragraf-document tr { break-inside: avoid; page-break-inside: avoid; }
.paragraf-document hr { border: 0; border-top: 1px solid #000; margin: 1.2em 0; }
.paragraf-document .signatures p { margin: 1.2em 0; break-inside: avoid; }
.paragraf-document .signatures span { display: block; }
.paragraf-document .signatures .line { margin-top: 1.6em; }
.paragraf-document .page-footer { margin-top: 2em; border-top: 1px solid #000; font-size: 8.5pt; }
@page { size: A4; margin: 25mm 22mm 28mm;
  @top-left { content: ${cssString(doc.runningHead)}; font-size: 8.5pt; }
  @bottom-left { content: ${footer}; font-size: 8.5pt; white-space: pre; }
  @bottom-right { content: ${cssPageNumbering(doc.pageNumbering)}; font-size: 8.5pt; } }
.paragraf-document::before { content: ${cssString(doc.runningHead)}; display: block; font-size: 8.5pt; border-bottom: 1px solid #000; margin-bottom: 1em; }
@media print {
  .paragraf-document { max-width: none; }
  .paragraf-document::before { content: none; }
  .paragraf-document .page-footer { display: none; }
}
`.trimStart();
}

/** The article alone (for a page that shows the document inside its own layout). */
export function writeHtmlArticle(doc: ProtocolDocument): string {
  const body = blocksToHtml(doc.blocks);
  const footer = doc.pageFooter.length
    ? `\n<footer class="page-footer">\n${doc.pageFooter.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}\n</footer>`
    : '';
  return `<article class="paragraf-document ${doc.kind}" lang="${escapeHtml(doc.language)}">\n${body}${footer}\n</article>`;
}

export function writeHtml(doc: ProtocolDocument): string {
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(doc.language)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(`${doc.title} ${doc.runningHead}`)}</title>\n` +
    `<meta name="author" content="${escapeHtml(doc.author)}">\n` +
    `<meta name="generator" content="Paragraf; husstil ${escapeHtml(doc.style.name)}, version ${doc.style.version}">\n` +
    `<style>\n${documentStylesheet(doc)}</style>\n` +
    `</head>\n<body>\n<main>\n${writeHtmlArticle(doc)}\n</main>\n</body>\n</html>\n`
  );
}

/**
 * Headings never skip a level (h2 → h4 reads as a missing section to a screen reader): each is
 * at most one below the one before. A document without a level-1 heading (an extract) has its
 * title as the h1.
 */
function blocksToHtml(blocks: readonly Block[]): string {
  const hasH1 = blocks.some((b) => b.kind === 'heading' && b.level <= 1);
  let previous = hasH1 ? 0 : 1;
  return blocks
    .filter((b) => b.kind !== 'qr')
    .map((block) => {
      if (block.kind === 'heading') {
        const level = Math.min(Math.max(block.level, 1), previous + 1, 6);
        previous = level;
        return `<h${level}>${escapeHtml(block.text)}</h${level}>`;
      }
      if (block.kind === 'title' && !hasH1) return `<h1 class="title">${escapeHtml(block.text)}</h1>`;
      return blockToHtml(block);
    })
    .join('\n');
}

/** A column of marks and counts (ja / nej / avstår) is centred. */
function isMarkColumn(block: Extract<Block, { kind: 'table' }>, c: number): boolean {
  return c > 0 && block.rows.every((row) => /^(\d+|[A-ZÅÄÖ]|)$/.test(row[c] ?? ''));
}

function blockToHtml(block: Exclude<Block, { kind: 'heading' }>): string {
  switch (block.kind) {
    case 'title':
      return `<p class="title">${escapeHtml(block.text)}</p>`;
    case 'text':
      return `<p>${escapeHtml(block.text)}</p>`;
    // The markers are text, as in the printed protocol and the other formats (copied text and
    // the golden comparison keep "1." and "-"); line breaks keep items apart in textContent.
    case 'numbered':
      return `<ol>\n${block.items.map((i, n) => `<li><span class="marker">${n + 1}.</span> ${escapeHtml(i)}</li>`).join('\n')}\n</ol>`;
    case 'bullets':
      return `<ul>\n${block.items.map((i) => `<li><span class="marker">-</span> ${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'lines':
      return `<p>${block.items.map(escapeHtml).join('<br>')}</p>`;
    case 'table': {
      const cls = (c: number) => (isMarkColumn(block, c) ? ' class="mark"' : '');
      const head = block.header.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c)}</th>`).join(' ');
      // The first cell names the row (the member): a row header.
      const row = (cells: readonly string[]) =>
        `<tr>${cells
          .map((c, i) =>
            i === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td${cls(i)}>${escapeHtml(c)}</td>`,
          )
          .join(' ')}</tr>`;
      const rows = block.totals ? block.rows.slice(0, -1) : block.rows;
      const total =
        block.totals && block.rows.length > 0
          ? `<tfoot>${row(block.rows[block.rows.length - 1]!)}</tfoot>`
          : '';
      const caption = block.caption ? `<caption>${escapeHtml(block.caption)}</caption>` : '';
      return `<table>${caption}\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows.map(row).join('\n')}\n</tbody>${total ? `\n${total}` : ''}\n</table>`;
    }
    case 'signatures':
      return `<div class="signatures">${block.signers
        .map(
          (s) =>
            `<p><span>${escapeHtml(s.role)}</span>\n<span class="line">${escapeHtml(block.line)}</span>\n<span>${escapeHtml(s.name)}</span></p>`,
        )
        .join('')}</div>`;
    case 'rule':
      return '<hr>';
    case 'qr':
      return '';
  }
}
