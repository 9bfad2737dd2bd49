import type { Block, ProtocolDocument } from '../output/document.js';
import { type OutputFormat, writeDocument } from '../output/index.js';
import { shippedHouseStyle } from '../style/shipped.js';
import type { HouseStyle } from '../templates/house-style.js';
import type { MeetingView, ParagraphView } from '../views.js';
import { certificationBlocks, peopleOf, rollCallBlocks } from './blocks.js';
import { paragraphBlocks, paragraphNumberOf } from './paragraph.js';
import { type SealNote, protocolHeader, sealBlocks, signatureBlocks } from './protocol.js';

export type RenderFormat = Exclude<OutputFormat, 'pdf'>;

export interface DocumentOptions {
  /** The house style; the shipped default when left out. */
  readonly style?: HouseStyle;
  /** The version of the body's style in force (0: the shipped style, never adopted). */
  readonly styleVersion?: number;
  /**
   * The seal over the record that covers the document's justering (docs/adr/0025, 0031):
   * printed as "Kontrollsumma …" under the justering. Only a justified document prints it.
   */
  readonly seal?: SealNote | null;
  /**
   * Who reads: `public` (anyone, no sign-in) sees of a paragraph marked as containing sekretess
   * only its heading, the beslut and the provision cited (docs/adr/0030); `full` (default) all.
   */
  readonly audience?: 'public' | 'full';
}

/** Public documents leave out a confidential paragraph's content but its beslut (docs/adr/0030). */
function isWithheld(p: ParagraphView, options: DocumentOptions): boolean {
  return options.audience === 'public' && !!p.confidential;
}

export interface RenderOptions extends DocumentOptions {
  readonly format: RenderFormat;
  /** @deprecated the same as `style`. */
  readonly template?: HouseStyle;
}

function styleOf(options: DocumentOptions & { template?: HouseStyle }): HouseStyle {
  return options.style ?? options.template ?? shippedHouseStyle();
}

function documentOf(
  kind: ProtocolDocument['kind'],
  meeting: MeetingView,
  style: HouseStyle,
  options: DocumentOptions,
  title: string,
  fileName: string,
  blocks: Block[],
  pageFooter: readonly string[],
): ProtocolDocument {
  return {
    kind,
    title,
    author: meeting.body.name,
    date: meeting.date,
    language: style.locale,
    runningHead: `${meeting.body.name} ${meeting.date}`,
    pageFooter: [...pageFooter],
    pageNumbering: style.settings.pageNumbering,
    style: { id: style.id, name: style.name, version: options.styleVersion ?? 0 },
    fileName,
    blocks,
  };
}

/** One paragraph as a stand-alone extract (protokollsutdrag), headed as the house style says. */
export function extractDocument(
  paragraph: ParagraphView,
  meeting: MeetingView,
  options: DocumentOptions = {},
): ProtocolDocument {
  const style = styleOf(options);
  const paragraphNumber = paragraphNumberOf(paragraph, style);
  const head = style.extractHead({
    body: paragraph.body.name,
    bodyShort: paragraph.body.shortName,
    paragraphNumber,
    caseNumber: paragraph.caseNumber ? style.caseNumber(paragraph.caseNumber) : '',
    classification: classificationOf(paragraph),
    date: meeting.date,
    title: paragraph.title,
  });
  const blocks: Block[] = [
    ...head.map((text): Block => ({ kind: 'text', text })),
    { kind: 'title', text: paragraph.title },
    ...paragraphBlocks(paragraph, meeting, style, 2, isWithheld(paragraph, options)),
  ];
  if (paragraph.justering || meeting.justified) blocks.push(...sealBlocks(options.seal, style));
  if (paragraph.certifications.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: style.settings.certificationHeading });
    blocks.push(...certificationBlocks(paragraph, style));
  }
  const title = style.protocol.titles.extract;
  const fileName = `${title} ${paragraph.body.shortName} ${meeting.date} ${paragraphNumber}`;
  return documentOf('extract', meeting, style, options, title, fileName, blocks, style.extractFooter);
}

/** One paragraph as a stand-alone extract, written in a text format. */
export function renderExtract(
  paragraph: ParagraphView,
  meeting: MeetingView,
  options: RenderOptions,
): string {
  return writeDocument(
    extractDocument(paragraph, meeting, { ...options, style: styleOf(options) }),
    options.format,
  );
}

/**
 * The whole protocol: header (body, date and time, place, beslutande, övriga närvarande,
 * sekreterare, justerare, justering), every paragraph in § order, the signature block and,
 * once announced, the bevis om anslag.
 */
export function protocolDocument(
  meeting: MeetingView,
  paragraphs: readonly ParagraphView[],
  options: DocumentOptions = {},
): ProtocolDocument {
  const style = styleOf(options);
  const ordered = [...paragraphs]
    .filter((p) => p.meetingId === meeting.meetingId)
    .sort((a, b) => a.number - b.number);
  const blocks: Block[] = [...protocolHeader(meeting, ordered, style)];
  for (const paragraph of ordered) {
    blocks.push({ kind: 'rule' });
    blocks.push({
      kind: 'heading',
      level: 2,
      text: `${paragraphNumberOf(paragraph, style)} ${paragraph.title}`,
    });
    if (paragraph.caseNumber) blocks.push({ kind: 'text', text: style.caseNumber(paragraph.caseNumber) });
    blocks.push(...paragraphBlocks(paragraph, meeting, style, 3, isWithheld(paragraph, options)));
  }
  blocks.push({ kind: 'rule' });
  blocks.push(...signatureBlocks(meeting, style, meeting.justified ? options.seal : null));
  blocks.push({
    kind: 'text',
    text: style.protocol.styleNote({ name: style.name, version: options.styleVersion ?? 0 }),
  });
  const title = style.protocol.titles.protocol;
  return documentOf(
    'protocol',
    meeting,
    style,
    options,
    title,
    `${title} ${meeting.body.shortName} ${meeting.date}`,
    blocks,
    [],
  );
}

/** The whole protocol, written in a text format. */
export function renderProtocol(
  meeting: MeetingView,
  paragraphs: readonly ParagraphView[],
  options: RenderOptions,
): string {
  return writeDocument(
    protocolDocument(meeting, paragraphs, { ...options, style: styleOf(options) }),
    options.format,
  );
}

/** The ärende's code in the diarieplan, when the paragraph records one (older views lack it). */
function classificationOf(p: ParagraphView): string {
  return p.classification ?? '';
}

/**
 * The omröstningsbilaga: the roll call of every votering whose names the protocol does not print
 * in the paragraph (recorded with the names in the appendix, or a style that keeps all names
 * there), numbered in the order the meeting held them.
 */
export function votingAppendixDocument(
  meeting: MeetingView,
  paragraphs: readonly ParagraphView[],
  options: DocumentOptions = {},
): ProtocolDocument {
  const style = styleOf(options);
  const person = peopleOf(meeting, style);
  const ordered = [...paragraphs]
    .filter((p) => p.meetingId === meeting.meetingId)
    .sort((a, b) => a.number - b.number);
  const title = style.protocol.titles.votingAppendix;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'title', text: meeting.body.name },
    { kind: 'text', text: meeting.date },
  ];
  let number = 0;
  for (const p of ordered) {
    for (const x of p.proceedings) {
      if (x.struck || x.kind !== 'vote') continue;
      number += 1;
      if (!x.namesInAppendix && style.settings.rollCall !== 'appendix') continue;
      const caption = style.votingAppendixCaption({
        number,
        paragraphNumber: paragraphNumberOf(p, style),
        title: p.title,
      });
      blocks.push({ kind: 'heading', level: 2, text: caption });
      blocks.push(...rollCallBlocks(x, 'paragraph', style, person));
    }
  }
  return documentOf(
    'voting-appendix',
    meeting,
    style,
    options,
    title,
    `${title} ${meeting.body.shortName} ${meeting.date}`,
    blocks,
    [],
  );
}

/** The omröstningsbilaga, written in a text format. */
export function renderVotingAppendix(
  meeting: MeetingView,
  paragraphs: readonly ParagraphView[],
  options: RenderOptions,
): string {
  return writeDocument(
    votingAppendixDocument(meeting, paragraphs, { ...options, style: styleOf(options) }),
    options.format,
  );
}
