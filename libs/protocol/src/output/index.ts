/** One writer per format; each lays out the same document's blocks. */
import type { ProtocolDocument } from './document.js';
import { writeHtml } from './html.js';
import { writeMarkdown } from './markdown.js';
import { writeText } from './text.js';

export type OutputFormat = 'text' | 'markdown' | 'html' | 'pdf';

/** The text formats; PDF is binary (`writePdf`). */
export function writeDocument(doc: ProtocolDocument, format: Exclude<OutputFormat, 'pdf'>): string {
  switch (format) {
    case 'text':
      return writeText(doc);
    case 'markdown':
      return writeMarkdown(doc);
    case 'html':
      return writeHtml(doc);
  }
}

export type { Block, DocumentKind, ProtocolDocument } from './document.js';
export { documentStylesheet, writeHtml, writeHtmlArticle } from './html.js';
export { writeMarkdown } from './markdown.js';
export { renderPdf, writePdf, type PdfFonts, type PdfResult } from './pdf.js';
export { writeText } from './text.js';
export { drawQr, qrMatrix, QUIET_ZONE, type QrMatrix, type RectTarget } from './qr.js';
