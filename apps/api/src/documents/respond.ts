/**
 * Serving a document (protocol, extract, omröstningsbilaga) in the format asked for: `Accept`
 * (RFC 9110 negotiation) or `?format=` for links a browser follows (`?format=pdf`). PDF carries
 * a Content-Disposition with the file name a clerk would give it (RFC 6266, with the RFC 5987
 * `filename*` for å, ä, ö and §) and its SHA-256 as a strong ETag: the same events and house
 * style give the same bytes.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { renderPdf, writeDocument, type ProtocolDocument } from '@app/protocol';
import { problems } from '../errors/problem.js';
import { withDocumentHash } from '../justering/document-hash.js';
import { formatOf, negotiate } from '../http/negotiate.js';
import { pdfFonts } from './fonts.js';

export const PDF = 'application/pdf';

/** `?format=` values and the media type each stands for. */
const FORMATS: Readonly<Record<string, string>> = {
  pdf: PDF,
  html: 'text/html',
  text: 'text/plain',
  txt: 'text/plain',
  markdown: 'text/markdown',
  md: 'text/markdown',
  json: 'application/json',
};

/** The media type to answer with, from `?format=` first, else from Accept; 406/400 otherwise. */
export function documentType(
  accept: string | undefined,
  format: string | undefined,
  offered: readonly string[],
): string {
  if (format !== undefined) {
    const type = FORMATS[format.toLowerCase()];
    if (!type || !offered.includes(type)) {
      const names = Object.keys(FORMATS).filter((k) => offered.includes(FORMATS[k]!));
      throw problems.validation([{ field: 'format', message: `must be one of ${names.join(', ')}` }]);
    }
    return type;
  }
  const type = negotiate(accept, offered);
  if (!type) throw problems.notAcceptable(offered);
  return type;
}

/**
 * RFC 6266 Content-Disposition: an ASCII `filename` for old clients (diacritics dropped, § as
 * "par") and `filename*` in UTF-8 (RFC 5987) with the name as the clerk wrote it.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .replace(/§/g, 'par')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Writes the document in the chosen text format, or renders the PDF/A. `download` asks the
 * browser to save the PDF rather than show it.
 */
export async function sendDocument(
  reply: FastifyReply,
  type: string,
  doc: ProtocolDocument,
  download = false,
): Promise<string | Buffer> {
  // Who reads changes a public document (sekretess, the auditor's integrity marks).
  void reply.header('vary', 'Accept, Authorization');
  if (type === PDF) {
    const { bytes } = await renderPdf(doc, pdfFonts());
    const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    void reply
      .header('content-type', PDF)
      .header(
        'content-disposition',
        contentDisposition(download ? 'attachment' : 'inline', `${doc.fileName}.pdf`),
      )
      .header('etag', `"${createHash('sha256').update(body).digest('hex')}"`);
    return withDocumentHash(reply, body);
  }
  void reply.header('content-type', `${type}; charset=utf-8`);
  return withDocumentHash(reply, writeDocument(doc, formatOf(type)));
}

/** `?download` present and not "0"/"false". */
export function wantsDownload(value: string | undefined): boolean {
  return value !== undefined && value !== '0' && value !== 'false';
}
