/**
 * HTML from the renderer's Markdown. The renderer writes a small, known subset of Markdown
 * (headings, a bold title, paragraphs, hard line breaks, numbered and bulleted lists, tables,
 * rules), so a small converter suffices; every piece of text is HTML-escaped, so nothing a
 * clerk typed can become markup or script.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Inline Markdown: `**bold**` and backslash escapes. Escapes first, then bold. */
function inline(md: string): string {
  const parts: string[] = [];
  let bold = false;
  let buf = '';
  for (let i = 0; i < md.length; i++) {
    const c = md[i];
    if (c === '\\' && i + 1 < md.length && /[\\*_`#>+\-.|]/.test(md[i + 1])) {
      buf += md[++i];
    } else if (c === '*' && md[i + 1] === '*') {
      parts.push(escapeHtml(buf), bold ? '</strong>' : '<strong>');
      buf = '';
      bold = !bold;
      i++;
    } else buf += c;
  }
  parts.push(escapeHtml(buf));
  if (bold) parts.push('</strong>');
  return parts.join('');
}

function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

function block(md: string): string {
  const lines = md.split('\n');
  const heading = /^(#{1,6}) (.*)$/.exec(md);
  if (heading && lines.length === 1) {
    const n = heading[1].length;
    return `<h${n}>${inline(heading[2])}</h${n}>`;
  }
  if (md === '---') return '<hr>';
  if (lines.every((l) => /^\d+\. /.test(l))) {
    return `<ol>${lines.map((l) => `<li>${inline(l.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>`;
  }
  if (lines.every((l) => l.startsWith('- '))) {
    return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
  }
  if (lines.length >= 2 && lines.every((l) => l.startsWith('|')) && /^\|( --- \|)+$/.test(lines[1])) {
    const head = tableCells(lines[0])
      .map((c) => `<th>${inline(c)}</th>`)
      .join('');
    const rows = lines
      .slice(2)
      .map(
        (l) =>
          `<tr>${tableCells(l)
            .map((c) => `<td>${inline(c)}</td>`)
            .join('')}</tr>`,
      )
      .join('');
    return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  }
  return `<p>${lines.map((l) => inline(l.replace(/ {2}$/, ''))).join('<br>')}</p>`;
}

/** A complete, standalone HTML document. */
export function markdownToHtml(markdown: string, title: string): string {
  const body = markdown
    .split(/\n{2,}/)
    .map((b) => b.replace(/\n+$/, ''))
    .filter((b) => b.length > 0)
    .map(block)
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
