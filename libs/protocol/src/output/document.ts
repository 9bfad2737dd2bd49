/**
 * The output seam: a rendered document is format-neutral blocks plus what every format needs to
 * know about the document as a whole (title, author, date, running head, the house style it was
 * worded in). The house style is applied once, when the blocks are built; each writer
 * (text, Markdown, HTML, PDF) only lays the blocks out. No writer reads another's output.
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
      /** A caption naming the table (e.g. the votering it records), shown above it. */
      readonly caption?: string;
    }
  /** Signature lines: each signer's role, a line to sign on, and the name. */
  | {
      readonly kind: 'signatures';
      readonly line: string;
      readonly signers: readonly { readonly role: string; readonly name: string }[];
    }
  /** A separator between paragraphs of a protocol. */
  | { readonly kind: 'rule' }
  /**
   * A QR code of `data` (a certified extract's /verify address). Only the PDF draws it: the
   * text formats carry the same address as text beside it.
   */
  | { readonly kind: 'qr'; readonly data: string; readonly alt: string };

export type DocumentKind = 'protocol' | 'extract' | 'voting-appendix' | 'preview';

export interface ProtocolDocument {
  readonly kind: DocumentKind;
  /** The document's title, e.g. "Protokoll", "Protokollsutdrag". */
  readonly title: string;
  /** The body whose document this is ("Kommunstyrelsens arbetsutskott"): the PDF's author. */
  readonly author: string;
  /** The meeting's date, YYYY-MM-DD. */
  readonly date: string;
  /** BCP 47 language tag, e.g. "sv-SE". */
  readonly language: string;
  /** The line printed at the top of every page after the first (body and date). */
  readonly runningHead: string;
  /** Lines printed at the foot of every page; plain text puts them at the end. */
  readonly pageFooter: readonly string[];
  /** Page numbering as the house style words it, with {page} and {pages}: "Sida {page} av {pages}". */
  readonly pageNumbering: string;
  /** The house style and version the document was worded in ("Standard, version 1"). */
  readonly style: { readonly id: string; readonly name: string; readonly version: number };
  /** A file name without extension that a clerk would use ("Protokoll KS 2024-05-27"). */
  readonly fileName: string;
  readonly blocks: readonly Block[];
}
