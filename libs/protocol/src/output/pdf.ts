/**
 * PDF/A-2b written from the blocks with pdfkit (docs/adr/0022): A4, the house style's page
 * numbering ("Sida 2 av 5") and the running head (body and meeting date) on every page,
 * the document's own footer lines (Justerandes sign, Utdragsbestyrkande) on every page, headings
 * kept with what follows, tables that continue on the next page under a repeated header row.
 *
 * The bytes depend on the document alone: the dates inside are the meeting's date, the file ID
 * is a hash of the document, and the fonts are the caller's (this library does no I/O), so the
 * same events and house style give the same file and its SHA-256 can be signed.
 */
import { createHash } from 'node:crypto';
import type PDFKitDocument from 'pdfkit';
import type { Block, ProtocolDocument } from './document.js';
import { drawQr, qrMatrix, QUIET_ZONE, type RectTarget } from './qr.js';

/** TrueType bytes of the regular and the bold face; both are embedded as subsets. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export interface PdfResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
}

type Pdf = InstanceType<typeof PDFKitDocument>;

/**
 * pdfkit (with fontkit) is loaded on the first PDF, not with the library: the read models, the
 * projection thread and the text documents never need it, and it slows every start-up.
 */
let pdfkit: Promise<typeof PDFKitDocument> | undefined;
function loadPdfkit(): Promise<typeof PDFKitDocument> {
  pdfkit ??= import('pdfkit').then((m) => m.default);
  return pdfkit;
}
type Struct = ReturnType<Pdf['struct']>;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 72, bottom: 80, left: 62, right: 62 };
const SIZE = { body: 10.5, small: 8.5, title: 12, h1: 18, h2: 13, h3: 11 };
const GAP = 7;
const REGULAR = 'Regular';
const BOLD = 'Bold';

/**
 * Parsed fonts by the bytes they came from. Parsing DejaVu Sans takes longer than laying out a
 * protocol, so each face is parsed once (by pdfkit, through fontkit) and the parsed font handed
 * to later documents; every document still embeds its own subset.
 */
const parsed = new WeakMap<Uint8Array, object>();

export async function writePdf(doc: ProtocolDocument, fonts: PdfFonts): Promise<Uint8Array> {
  return (await renderPdf(doc, fonts)).bytes;
}

export async function renderPdf(doc: ProtocolDocument, fonts: PdfFonts): Promise<PdfResult> {
  const PDFDocument = await loadPdfkit();
  const date = new Date(`${doc.date}T00:00:00Z`);
  const created = Number.isNaN(date.getTime()) ? new Date(0) : date;
  const pdf = new PDFDocument({
    size: [A4.width, A4.height],
    margins: MARGIN,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: doc.language,
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: false,
    font: null as unknown as string, // no standard (non-embedded) font may appear in PDF/A
    info: {
      Title: `${doc.title} ${doc.runningHead}`,
      Author: doc.author,
      Subject: doc.fileName,
      Creator: 'Paragraf',
      Producer: 'Paragraf (pdfkit)',
      CreationDate: created,
      ModDate: created,
    },
  });
  const internals = pdf as unknown as PdfInternals;
  // The file ID from the content, not from a clock (pdfkit derives it from the info dictionary).
  internals._id = createHash('sha256').update(JSON.stringify(doc)).digest().subarray(0, 16);
  internals._addInfo = () => internals.appendXML(xmp(doc, created));
  for (const [name, bytes] of [
    [REGULAR, fonts.regular],
    [BOLD, fonts.bold],
  ] as const) {
    pdf.registerFont(name, (parsed.get(bytes) ?? toBuffer(bytes)) as Buffer);
    pdf.font(name);
    if (!parsed.has(bytes)) parsed.set(bytes, (pdf as unknown as { _font: { font: object } })._font.font);
  }
  pdf.addPage();
  pdf.font(REGULAR).fontSize(SIZE.body);

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const layout = new Layout(pdf, root);
  doc.blocks.forEach((block, i) => layout.block(block, doc.blocks[i + 1]));
  root.end();

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    pageFurniture(pdf, doc, i - range.start + 1, range.count);
  }

  pdf.end();
  // pdfkit pushes every chunk synchronously when nothing is pending (no images or files to
  // read); in paused mode they wait in the stream's buffer, so they can be read at once.
  const chunks: Uint8Array[] = [];
  let chunk: Uint8Array | null;
  while ((chunk = pdf.read() as Uint8Array | null) !== null) chunks.push(chunk);
  return { bytes: concat(chunks), pages: range.count };
}

interface PdfInternals {
  _id: Uint8Array;
  _addInfo: () => void;
  appendXML(xml: string, newline?: boolean): void;
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The XMP packet: pdfkit's PDF/A identification is added beside it; values match the Info dictionary. */
function xmp(doc: ProtocolDocument, created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const title = escapeXml(`${doc.title} ${doc.runningHead}`);
  return `
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
  <xmp:CreateDate>${when}</xmp:CreateDate>
  <xmp:ModifyDate>${when}</xmp:ModifyDate>
  <xmp:MetadataDate>${when}</xmp:MetadataDate>
  <xmp:CreatorTool>Paragraf</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <dc:format>application/pdf</dc:format>
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>
  <dc:creator><rdf:Seq><rdf:li>${escapeXml(doc.author)}</rdf:li></rdf:Seq></dc:creator>
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(doc.fileName)}</rdf:li></rdf:Alt></dc:description>
  <dc:language><rdf:Bag><rdf:li>${escapeXml(doc.language)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
  <pdf:Producer>Paragraf (pdfkit)</pdf:Producer>
</rdf:Description>`;
}

/** Running head, footer lines and "Sida n av m", drawn once every page exists; marked as artifacts. */
function pageFurniture(pdf: Pdf, doc: ProtocolDocument, page: number, pages: number): void {
  const width = A4.width - MARGIN.left - MARGIN.right;
  const saved = pdf.page.margins;
  // Writing inside the margins must not start a new page.
  pdf.page.margins = { top: 0, bottom: 0, left: saved.left, right: saved.right };
  pdf.markContent('Artifact', { type: 'Pagination' });
  pdf.font(REGULAR).fontSize(SIZE.small).fillColor('black');
  // On every page, the first too: an extract's head names no date, the running head does.
  pdf.text(doc.runningHead, MARGIN.left, 36, { width, lineBreak: false });
  pdf
    .moveTo(MARGIN.left, 50)
    .lineTo(A4.width - MARGIN.right, 50)
    .lineWidth(0.5)
    .stroke();
  const footY = A4.height - MARGIN.bottom + 22;
  pdf
    .moveTo(MARGIN.left, footY - 6)
    .lineTo(A4.width - MARGIN.right, footY - 6)
    .lineWidth(0.5)
    .stroke();
  doc.pageFooter.forEach((line, i) => {
    pdf.text(line, MARGIN.left + i * 150, footY, { width: 140, lineBreak: false });
  });
  const numbering = doc.pageNumbering.replace('{page}', String(page)).replace('{pages}', String(pages));
  pdf.text(numbering, MARGIN.left, footY, { width, align: 'right', lineBreak: false });
  pdf.endMarkedContent();
  pdf.page.margins = saved;
}

/** Lays the blocks out top to bottom, each inside a structure element of the tagged PDF. */
class Layout {
  private readonly width = A4.width - MARGIN.left - MARGIN.right;

  constructor(
    private readonly pdf: Pdf,
    private readonly root: Struct,
  ) {}

  private get bottom(): number {
    return A4.height - MARGIN.bottom;
  }

  private ensure(height: number): void {
    if (this.pdf.y + height > this.bottom && this.pdf.y > MARGIN.top + 1) this.newPage();
  }

  /** A new page that carries open marked content over (pdfkit closes and reopens it). */
  private newPage(): void {
    (this.pdf as unknown as { continueOnNewPage(): void }).continueOnNewPage();
  }

  private tagged(type: string, draw: () => void): void {
    const element = this.pdf.struct(type, {}, draw);
    this.root.add(element);
    element.end();
  }

  private style(bold: boolean, size: number): void {
    this.pdf.font(bold ? BOLD : REGULAR).fontSize(size);
  }

  private height(text: string, bold: boolean, size: number, width = this.width): number {
    this.style(bold, size);
    return this.pdf.heightOfString(text, { width });
  }

  private paragraph(text: string, bold: boolean, size: number, x = MARGIN.left, width = this.width): void {
    this.style(bold, size);
    this.pdf.text(text, x, this.pdf.y, { width });
  }

  /** Roughly the height of the first lines of a block: what a heading is kept together with. */
  private leadHeight(block: Block | undefined): number {
    if (!block) return 0;
    const line = this.height('Åg', false, SIZE.body);
    switch (block.kind) {
      case 'heading':
        return this.headingHeight(block.level, block.text) + line * 2;
      case 'table':
        return line * 4 + (block.caption ? line : 0);
      case 'signatures':
        return line * 4;
      case 'rule':
        return 0;
      default:
        return line * 2;
    }
  }

  private headingSize(level: number): number {
    return level <= 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
  }

  private headingHeight(level: number, text: string): number {
    return this.height(text, true, this.headingSize(level)) + GAP;
  }

  block(block: Block, next: Block | undefined): void {
    const pdf = this.pdf;
    switch (block.kind) {
      case 'heading': {
        const size = this.headingSize(block.level);
        pdf.y += block.level <= 2 ? GAP : GAP / 2;
        this.ensure(this.headingHeight(block.level, block.text) + this.leadHeight(next));
        this.tagged(`H${Math.min(Math.max(block.level, 1), 6)}`, () =>
          this.paragraph(block.text, true, size),
        );
        pdf.y += 2;
        return;
      }
      case 'title':
        this.ensure(this.height(block.text, true, SIZE.title) + this.leadHeight(next));
        this.tagged('P', () => this.paragraph(block.text, true, SIZE.title));
        pdf.y += GAP;
        return;
      case 'text':
        this.ensure(Math.min(this.height(block.text, false, SIZE.body), this.leadHeight(block)));
        this.tagged('P', () => this.paragraph(block.text, false, SIZE.body));
        pdf.y += GAP;
        return;
      case 'lines':
        this.tagged('P', () => {
          for (const line of block.items) {
            this.ensure(this.height(line, false, SIZE.body));
            this.paragraph(line, false, SIZE.body);
          }
        });
        pdf.y += GAP;
        return;
      case 'numbered':
      case 'bullets':
        this.list(block.kind === 'numbered', block.items);
        pdf.y += GAP;
        return;
      case 'table':
        this.table(block);
        pdf.y += GAP;
        return;
      case 'signatures':
        pdf.y += GAP;
        for (const signer of block.signers) {
          const lines = [signer.role, block.line, signer.name];
          const height = lines.reduce((h, l) => h + this.height(l, false, SIZE.body), 0) + 18;
          this.ensure(height);
          this.tagged('P', () => {
            this.paragraph(signer.role, false, SIZE.body);
            pdf.y += 18; // room to sign
            this.paragraph(block.line, false, SIZE.body);
            this.paragraph(signer.name, false, SIZE.body);
          });
          pdf.y += GAP * 2;
        }
        return;
      case 'qr': {
        // 1.2 mm modules: a version 4–5 symbol is about 4 cm wide, easy for a phone to read.
        const matrix = qrMatrix(block.data);
        const module = 3.4;
        const side = (matrix.length + QUIET_ZONE * 2) * module;
        this.ensure(side);
        const top = pdf.y;
        const figure = pdf.struct('Figure', { alt: block.alt }, () => {
          drawQr(
            pdf as unknown as RectTarget,
            matrix,
            MARGIN.left + QUIET_ZONE * module,
            top + QUIET_ZONE * module,
            module,
          );
        });
        this.root.add(figure);
        figure.end();
        pdf.y = top + side;
        pdf.x = MARGIN.left;
        return;
      }
      case 'rule':
        this.ensure(GAP * 3);
        pdf.y += GAP;
        pdf.markContent('Artifact', { type: 'Layout' });
        pdf
          .moveTo(MARGIN.left, pdf.y)
          .lineTo(A4.width - MARGIN.right, pdf.y)
          .lineWidth(0.75)
          .stroke();
        pdf.endMarkedContent();
        pdf.y += GAP * 2;
        return;
    }
  }

  private list(numbered: boolean, items: readonly string[]): void {
    const indent = numbered ? 20 : 12;
    this.tagged('L', () => {
      items.forEach((item, i) => {
        const label = numbered ? `${i + 1}.` : '-';
        this.ensure(Math.min(this.height(item, false, SIZE.body, this.width - indent), 30));
        const y = this.pdf.y;
        this.paragraph(label, false, SIZE.body, MARGIN.left, indent);
        this.pdf.y = y;
        this.paragraph(item, false, SIZE.body, MARGIN.left + indent, this.width - indent);
        this.pdf.y += 2;
      });
    });
  }

  private table(block: Extract<Block, { kind: 'table' }>): void {
    const pdf = this.pdf;
    const pad = 4;
    const columns = block.header.length;
    // Natural widths; the first (the names) takes what is left over and wraps when it must.
    this.style(true, SIZE.body);
    const natural = block.header.map((_, c) =>
      Math.max(...[block.header, ...block.rows].map((row) => pdf.widthOfString(row[c] ?? '') + pad * 2 + 1)),
    );
    const others = natural.slice(1).reduce((a, b) => a + b, 0);
    const widths = [Math.max(this.width - others, 80), ...natural.slice(1)];
    if (widths.reduce((a, b) => a + b, 0) > this.width) {
      const scale = this.width / widths.reduce((a, b) => a + b, 0);
      widths.forEach((w, i) => (widths[i] = w * scale));
    }
    const numeric = block.header.map(
      (_, c) => c > 0 && block.rows.every((row) => /^[\d\s]*$|^[A-ZÅÄÖ]$/.test(row[c] ?? '')),
    );
    const rowHeight = (row: readonly string[], bold: boolean) =>
      Math.max(...row.map((cell, c) => this.height(cell || ' ', bold, SIZE.body, widths[c]! - pad * 2))) +
      pad * 2;
    // Each cell is tagged as it is drawn: the row is attached first, so a cell's content runs at once.
    const drawRow = (tr: Struct, row: readonly string[], bold: boolean, cellType: 'TH' | 'TD') => {
      const top = pdf.y;
      const h = rowHeight(row, bold);
      let x = MARGIN.left;
      for (let c = 0; c < columns; c++) {
        const cell = row[c] ?? '';
        const left = x;
        const element = pdf.struct(cellType, {}, () => {
          this.style(bold, SIZE.body);
          pdf.text(cell, left + pad, top + pad, {
            width: widths[c]! - pad * 2,
            align: numeric[c] ? 'center' : 'left',
          });
        });
        tr.add(element);
        element.end();
        x += widths[c]!;
      }
      tr.end();
      pdf.y = top + h;
    };
    const line = (y: number, weight: number) => {
      pdf.markContent('Artifact', { type: 'Layout' });
      pdf
        .moveTo(MARGIN.left, y)
        .lineTo(MARGIN.left + widths.reduce((a, b) => a + b, 0), y)
        .lineWidth(weight)
        .stroke();
      pdf.endMarkedContent();
    };
    const table = pdf.struct('Table');
    this.root.add(table);
    const header = () => {
      const tr = pdf.struct('TR');
      table.add(tr);
      drawRow(tr, block.header, true, 'TH');
      line(pdf.y, 0.75);
    };
    const headerHeight = rowHeight(block.header, true);
    const captionHeight = block.caption ? this.height(block.caption, true, SIZE.body) + 4 : 0;
    const firstRow = block.rows[0] ? rowHeight(block.rows[0], false) : 0;
    this.ensure(captionHeight + headerHeight + firstRow);
    if (block.caption) {
      const caption = pdf.struct('Caption', {}, () => this.paragraph(block.caption!, true, SIZE.body));
      table.add(caption);
      caption.end();
      pdf.y += 4;
    }
    header();
    block.rows.forEach((row, i) => {
      const total = block.totals === true && i === block.rows.length - 1;
      const h = rowHeight(row, total);
      if (pdf.y + h > this.bottom) {
        this.newPage();
        header(); // the header row again on every page the table continues on
      }
      if (total) line(pdf.y, 0.75);
      const tr = pdf.struct('TR');
      table.add(tr);
      drawRow(tr, row, total, 'TD');
    });
    table.end();
    pdf.x = MARGIN.left;
  }
}
