/**
 * Renders a paragraph extract (protokollsutdrag) or a whole protocol from the views.
 *
 * Rendering is two steps: the content is laid out as format-neutral blocks (what to show,
 * in which order, worded by the house style), then the blocks are written as plain text or
 * Markdown. So the formats cannot drift apart in content, and a house style never sees
 * formatting.
 */
import type { DecisionContent, MemberRef, MotionTarget, ProposalRef } from '@app/domain';
import type { Block, ProtocolDocument } from './output/document.js';
import { writeDocument, type OutputFormat } from './output/index.js';
import { dateOf, joinList, personGenitive, personWithParty, timeOf } from './swedish.js';
import type { ContentSectionId } from './style/catalogue.js';
import { shippedHouseStyle } from './style/shipped.js';
import type { HouseStyle } from './templates/house-style.js';
import {
  servingMembers,
  type DecisionView,
  type MeetingView,
  type MotionView,
  type ParagraphView,
  type ProceedingView,
} from './views.js';

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

/** The seal printed in a justified document. */
export interface SealNote {
  /** The seal's running root over $all (SHA-256, hex). */
  readonly root: string;
  /** The last commit position it covers (decimal). */
  readonly upTo: string;
  /** When it was sealed (ISO 8601). */
  readonly sealedAt: string;
}

/** The "Kontrollsumma …" line for a seal, in the house style's words. */
function sealBlocks(seal: SealNote | null | undefined, style: HouseStyle): Block[] {
  if (!seal) return [];
  const rootGrouped = seal.root.match(/.{1,8}/g)?.join(' ') ?? seal.root;
  return textBlock(
    style.protocol.seal({ date: dateOf(seal.sealedAt), upTo: seal.upTo, root: seal.root, rootGrouped }),
  );
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

function paragraphNumberOf(p: ParagraphView, style: HouseStyle): string {
  return style.paragraphNumber({ number: p.number, year: p.year, bodyShort: p.body.shortName });
}

// ─── one paragraph ───────────────────────────────────────────────────────────────────

/**
 * Everything of a paragraph below its title, section by section in the house style's order;
 * `level` is the heading level of its sections (sub-headings one below).
 */
function paragraphBlocks(
  p: ParagraphView,
  meeting: MeetingView,
  style: HouseStyle,
  level: number,
  withheld = false,
): Block[] {
  const content = sectionContents(p, meeting, style, level);
  if (withheld) {
    // Sekretess (docs/adr/0030): the beslut as the body decided it, nothing else, then the
    // provision cited. No group headings: they head the sections left out.
    for (const id of [...content.keys()]) if (id !== 'decision') content.delete(id);
  }
  const blocks: Block[] = [];
  const sections = style.settings.sections;
  const decision = p.decisions.filter((d) => !d.struck).at(-1);
  const vars = {
    body: p.body.name,
    proposer: p.proposal.proposer,
    proposes: decision
      ? decision.kind === 'sakbeslut' && (decision.content ?? p.proposal.decision).proposesTo !== undefined
      : p.proposal.decision.proposesTo !== undefined,
  };
  const live = <T extends { struck: boolean }>(xs: readonly T[] | undefined) =>
    (xs ?? []).filter((x) => !x.struck);
  // How many entries a section lists, for headings such as "Handling" / "Handlingar".
  const counts: Partial<Record<ContentSectionId, number>> = {
    basisDocuments: p.basisDocuments.length,
    recusal: p.recusals.length,
    nonParticipation: live(p.nonParticipations).length,
    speakers: live(p.speakers).length,
    motions: live(p.motions).filter((m) => !m.withdrawn).length,
    reservation: live(p.reservations).length,
    protocolNote: live(p.notes).length,
    attachments: live(p.attachments).length,
    distribution: p.recipients.length,
  };
  for (const section of sections) {
    const heading = (template: string | null | undefined) => {
      const count = section.section === 'group' ? 1 : (counts[section.section] ?? 1);
      const text = template ? style.sectionHeading(template, { ...vars, count }) : '';
      if (text) blocks.push({ kind: 'heading', level: level + (section.sub ? 1 : 0), text });
    };
    if (section.section === 'group') {
      if (!withheld && (section.when ?? []).some((id) => content.has(id))) heading(section.heading);
      continue;
    }
    if (section.section === 'decision' && !content.has('decision')) {
      if (withheld) continue; // the förslag is the paragraph's content too
      heading(section.headingUndecided ?? section.heading);
      blocks.push(...contentBlocks(p.proposal.decision, { body: p.body.name, proposer: null }, style));
      continue;
    }
    const own = content.get(section.section);
    if (!own || own.length === 0) continue;
    heading(section.heading);
    // The link to an earlier paragraph heads the summary when the style gives it no place.
    if (section.section === 'summary' && !sections.some((x) => x.section === 'previous')) {
      const previous = content.get('previous');
      if (previous) blocks.push(...previous);
    }
    blocks.push(...own);
  }
  if (withheld) blocks.push(...textBlock(style.confidential({ provision: p.confidential!.provision })));
  return blocks;
}

/** What each section shows for this paragraph; a section without content is left out. */
function sectionContents(
  p: ParagraphView,
  meeting: MeetingView,
  style: HouseStyle,
  level: number,
): Map<ContentSectionId, Block[]> {
  const text = textBlock;
  const person = peopleOf(meeting, style);
  const refs = references(p, style);
  const content = new Map<ContentSectionId, Block[]>();
  const put = (id: ContentSectionId, blocks: Block[]) => {
    if (blocks.length > 0) content.set(id, blocks);
  };
  const body = p.body.name;

  const decisions = p.decisions.filter((d) => !d.struck);
  put(
    'decision',
    decisions.flatMap((decision) => decisionBlocks(decision, p, style)),
  );
  put('proposal', contentBlocks(p.proposal.decision, { body, proposer: p.proposal.proposer }, style));
  if (p.previous) put('previous', text(style.previousParagraph(p.previous)));
  else if (p.earlierReference) put('previous', text(style.earlierReference(p.earlierReference)));
  put('summary', p.summary.flatMap(text));
  put('basisDocuments', basisDocumentBlocks(p.basisDocuments, style));
  put(
    'recusal',
    p.recusals.flatMap((r) => text(style.recusal({ member: person(r.member), reason: r.reason }))),
  );
  put(
    'nonParticipation',
    (p.nonParticipations ?? [])
      .filter((x) => !x.struck)
      .flatMap((x) =>
        text(
          style.nonParticipation({
            members: x.members.map(person),
            group: groupName(x.group),
            reason: x.reason,
          }),
        ),
      ),
  );
  const participants = participantsLine(p, decisions, meeting, style, person);
  if (participants) put('participants', text(participants));
  const speakers = (p.speakers ?? []).filter((x) => !x.struck);
  if (speakers.length > 0) {
    put(
      'speakers',
      text(
        style.speakers({
          speakers: speakers.map((x) => (x.member ? person(x.member) : personLine(x.person))),
        }),
      ),
    );
  }
  const supporters = p.proposal.supporters ?? [];
  put('motions', [
    ...p.motions
      .filter((m) => !m.struck && !m.withdrawn)
      .flatMap((m) => motionBlocks(m, p, refs, style, person)),
    // The chair's amendments of the förslag during the meeting.
    ...(p.proposal.amendments ?? [])
      .filter((a) => !a.struck)
      .flatMap((a) => text(style.proposalAmended({ by: person(a.by), text: a.text, body }))),
    ...(supporters.length > 0
      ? text(
          style.proposalSupport({
            supporters: supporters.map(person),
            what: refs({ kind: 'proposal' }),
            body,
          }),
        )
      : []),
  ]);
  put('proceedings', [
    // The propositionsordning the meeting approved comes before the propositions it orders.
    ...(p.propositionOrders ?? [])
      .filter((o) => !o.struck)
      .flatMap((o) =>
        text(
          style.propositionOrder({
            text: o.text,
            steps: o.steps.map((step) =>
              step.puts.length === 2 ? step.puts.map(refs).join(' mot ') : joinList(step.puts.map(refs)),
            ),
            body,
          }),
        ),
      ),
    ...beslutsgang(p, meeting, refs, style, person, level + 2),
  ]);
  put(
    'reservation',
    p.reservations
      .filter((r) => !r.struck)
      .flatMap((r) => {
        // The announced reason is either "till förmån för …" or a motivation in its own words.
        const inFavour = r.reasons !== null && /^till förmån för/i.test(r.reasons.trim());
        const motivation = [inFavour ? null : r.reasons, r.writtenReasons].filter((x) => x).join(' ');
        return text(
          style.reservation({
            member: person(r.member),
            members: (r.members ?? [r.member]).map(person),
            group: groupName(r.group ?? null),
            inFavourOf: inFavour ? r.reasons!.trim() : null,
            motivation: motivation || null,
          }),
        );
      }),
  );
  put(
    'protocolNote',
    p.notes
      .filter((n) => !n.struck)
      .flatMap((n) =>
        text(
          style.protocolNote({
            member: person(n.member),
            members: (n.members ?? [n.member]).map(person),
            group: groupName(n.group ?? null),
            text: n.text,
          }),
        ),
      ),
  );
  const attachments = (p.attachments ?? []).filter((a) => !a.struck);
  if (attachments.length > 0) {
    put('attachments', [
      {
        kind: 'lines',
        items: attachments.map((a) => style.attachment({ number: a.number, title: a.title })),
      },
    ]);
  }
  if (p.recipients.length > 0) {
    const recipients = p.recipients.map((recipient) => {
      const dispatch = p.dispatches.find((d) => d.recipient === recipient);
      return dispatch ? style.dispatched({ recipient, date: dateOf(dispatch.at) }) : recipient;
    });
    put('distribution', style.distribution({ recipients }).flatMap(text));
  }

  // Justering: the paragraph's own, or the whole protocol's; then corrections made after it.
  const justering =
    p.justering ?? (meeting.justified ? { at: meeting.justified.at, immediate: false } : null);
  const after: Block[] = [];
  if (justering)
    after.push(...text(style.justified({ immediate: justering.immediate, date: dateOf(justering.at) })));
  for (const c of p.corrections) {
    after.push(
      ...text(style.correction({ field: c.field, from: c.from, to: c.to, why: c.why, by: c.by.name })),
    );
  }
  put('justering', after);
  return content;
}

function who(m: MemberRef): string {
  return personWithParty(m.name, m.party);
}

function personLine(p: { name: string; title?: string } | null): string {
  if (!p) return '';
  return p.title ? `${p.name}, ${p.title}` : p.name;
}

function groupName(g: { party: string; name?: string } | null): string | null {
  return g ? (g.name ?? g.party) : null;
}

/**
 * People as the house style writes them inside a paragraph: the chair and serving ersättare
 * with the role the style gives them ("tjänstgörande ersättaren …"), others by name and party.
 */
function peopleOf(meeting: MeetingView, style: HouseStyle): (m: MemberRef) => string {
  const chairId = meeting.chair?.memberId;
  const substitutes = new Set(
    meeting.attendance.flatMap((a) => a.servingSubstitutes.map((s) => s.substitute.memberId)),
  );
  const written = new Map<string, string>();
  return (m) => {
    let text = written.get(m.memberId);
    if (text === undefined) {
      const role = m.memberId === chairId ? 'chair' : substitutes.has(m.memberId) ? 'substitute' : 'member';
      text = style.member({ name: m.name, party: m.party, role });
      written.set(m.memberId, text);
    }
    return text;
  };
}

/** Seats without anyone serving: absent ledamöter whose seat no ersättare took. */
function emptySeats(meeting: MeetingView): number {
  const attendance = meeting.attendance[meeting.attendance.length - 1];
  if (!attendance) return 0;
  const replaced = new Set(attendance.servingSubstitutes.map((s) => s.forMember.memberId));
  const role = (id: string) => meeting.members.find((m) => m.memberId === id)?.role;
  return attendance.absent.filter((m) => role(m.memberId) !== 'ersattare' && !replaced.has(m.memberId))
    .length;
}

function basisDocumentBlocks(documents: readonly string[], style: HouseStyle): Block[] {
  if (documents.length === 0) return [];
  switch (style.settings.basisDocumentsAs ?? 'bullets') {
    case 'lines':
      return [{ kind: 'lines', items: [...documents] }];
    case 'sentence': {
      const sentence = style.basisDocumentsSentence({ documents: [...documents] });
      return sentence ? [{ kind: 'text', text: sentence }] : [];
    }
    default:
      return [{ kind: 'bullets', items: [...documents] }];
  }
}

/** How each proposal is referred to inside a sentence. */
function references(p: ParagraphView, style: HouseStyle): (ref: ProposalRef | MotionTarget) => string {
  return (ref) => {
    if (ref.kind === 'proposal') return style.proposalRef(p.proposal);
    if (ref.kind === 'matter') {
      return style.matterRef({ kind: p.matter?.kind ?? null, title: p.matter?.title ?? null });
    }
    const motion = p.motions.find((m) => m.motionId === ref.motionId);
    if (!motion) return ref.motionId;
    return style.motionRef({
      proposerGenitive: personGenitive(motion.proposer.name, motion.proposer.party),
      kind: motion.kind,
    });
  };
}

function decisionBlocks(d: DecisionView, p: ParagraphView, style: HouseStyle): Block[] {
  const body = p.body.name;
  // A beslut the clerk recorded verbatim is printed as given, whatever its kind.
  if (d.content?.verbatim) return contentBlocks(d.content, { body, proposer: null }, style);
  switch (d.kind) {
    case 'aterremiss':
      return textBlock(style.referredBack({ body, motivation: d.motivation }));
    case 'bordlaggning':
      return textBlock(style.tabled({ body }));
    case 'sakbeslut':
      // A decision recorded without its own wording is the proposal's.
      return contentBlocks(d.content ?? p.proposal.decision, { body, proposer: null }, style);
  }
}

/**
 * A phrase as blocks: none when the style leaves it empty, a paragraph, or — when the template
 * writes several lines (a lead and the list it introduces) — lines kept together.
 */
function textBlock(t: string): Block[] {
  if (!t) return [];
  if (!t.includes('\n')) return [{ kind: 'text', text: t }];
  const items = t
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return items.length === 1 ? [{ kind: 'text', text: items[0]! }] : [{ kind: 'lines', items }];
}

/**
 * "<Body> föreslår: <Recipient> beslutar: 1. … 2. …" then "<Body> beslutar för egen del …", or
 * the preparing body's förslag (`proposer` set) in the style's words; verbatim content (the
 * clerk's own text) is printed as given, without a frame.
 */
function contentBlocks(
  content: DecisionContent,
  frame: { body: string; proposer: string | null },
  style: HouseStyle,
): Block[] {
  const { body, proposer } = frame;
  const list = (items: readonly string[]): Block =>
    style.settings.decisionList === 'bullets'
      ? { kind: 'bullets', items: [...items] }
      : { kind: 'numbered', items: [...items] };
  const own = content.ownDecisions ?? [];
  const proposesTo = content.proposesTo;
  const blocks: Block[] = [];
  if (content.verbatim) {
    blocks.push(...(content.text ?? []).flatMap(textBlock));
    if (proposesTo && proposesTo.items.length > 0) blocks.push(list(proposesTo.items));
    if (own.length > 0) blocks.push(list(own));
    return blocks;
  }
  if (proposesTo) {
    blocks.push(...textBlock(style.proposesTo({ body, recipient: proposesTo.body, proposer })));
    blocks.push(...textBlock(style.recipientDecides({ recipient: proposesTo.body })));
    blocks.push(list(proposesTo.items));
  }
  const alsoProposes = proposesTo !== undefined;
  if (own.length === 1) {
    blocks.push(...textBlock(style.ownDecision({ body, alsoProposes, item: own[0]!, proposer })));
  } else if (own.length > 1) {
    blocks.push(...textBlock(style.ownDecision({ body, alsoProposes, item: null, proposer })));
    blocks.push(list(own.map((item) => style.ownDecisionListItem(item))));
  }
  blocks.push(...(content.text ?? []).flatMap(textBlock));
  if (blocks.length === 0) blocks.push(...textBlock(style.decidedAsProposed({ body })));
  return blocks;
}

/**
 * Name who took part only when it is not simply the meeting's beslutande less those recused or
 * not taking part: e.g. after an ersättare stepped in mid-meeting (KL 5:67: who took part in
 * each decision).
 */
function participantsLine(
  p: ParagraphView,
  decisions: DecisionView[],
  meeting: MeetingView,
  style: HouseStyle,
  person: (m: MemberRef) => string,
): string | null {
  const last = decisions[decisions.length - 1];
  const first = meeting.attendance[0];
  if (!last || !first || last.participants.length === 0) return null;
  const left = new Set([
    ...p.recusals.map((r) => r.member.memberId),
    ...(p.nonParticipations ?? []).filter((x) => !x.struck).flatMap((x) => x.members.map((m) => m.memberId)),
  ]);
  const expected = servingMembers(meeting, first)
    .filter((m) => !left.has(m.memberId))
    .map((m) => m.memberId);
  const actual = last.participants.map((m) => m.memberId);
  const same = expected.length === actual.length && expected.every((id) => actual.includes(id));
  return same ? null : style.participants({ members: last.participants.map(person) });
}

function motionBlocks(
  m: MotionView,
  p: ParagraphView,
  refs: (r: ProposalRef | MotionTarget) => string,
  style: HouseStyle,
  person: (m: MemberRef) => string,
): Block[] {
  const proposer = person(m.proposer);
  const target = m.target ?? m.refersTo;
  const blocks: Block[] = textBlock(
    style.motion(m.kind, {
      proposer,
      movers: [proposer, ...(m.coProposers ?? []).map(person)],
      text: m.text,
      motivation: m.motivation,
      what: refs(target),
      target: target.kind,
      supporters: m.supporters.map(person),
      body: p.body.name,
    }),
  );
  // A style that names supporters inside the yrkande leaves this phrase empty.
  const supporters =
    m.supporters.length > 0
      ? style.supporters({
          supporters: m.supporters.map(person),
          proposerGenitive: personGenitive(m.proposer.name, m.proposer.party),
        })
      : '';
  blocks.push(...textBlock(supporters));
  return blocks;
}

function sameRef(a: ProposalRef, b: ProposalRef): boolean {
  return a.kind === 'proposal' ? b.kind === 'proposal' : b.kind === 'motion' && a.motionId === b.motionId;
}

/**
 * The beslutsgång in order: each question, a votering requested without a recorded requester
 * right after the question it contests, the voteringsproposition, the roll call and result.
 */
function beslutsgang(
  p: ParagraphView,
  meeting: MeetingView,
  refs: (r: ProposalRef | MotionTarget) => string,
  style: HouseStyle,
  person: (m: MemberRef) => string,
  level: number,
): Block[] {
  const live = p.proceedings.filter((x) => !x.struck);
  const questions = live.filter((x) => x.kind === 'question');
  const unnamed = (p.voteRequests ?? []).filter((r) => !r.struck && r.requestedBy === null);
  const chair = meeting.chair ? person(meeting.chair) : null;
  const context: ProceedingContext = { p, meeting, refs, style, person, level, chair };
  return live.flatMap((x) => {
    const blocks = proceedingBlocks(x, context, x.kind === 'question' ? questions.indexOf(x) : -1);
    if (x.kind === 'question') {
      const requests = unnamed.filter((r) => r.questionId === x.questionId);
      for (let i = 0; i < requests.length; i++) {
        blocks.push(...textBlock(style.voteRequested({ requestedBy: null })));
      }
    }
    return blocks;
  });
}

interface ProceedingContext {
  readonly p: ParagraphView;
  readonly meeting: MeetingView;
  readonly refs: (r: ProposalRef | MotionTarget) => string;
  readonly style: HouseStyle;
  readonly person: (m: MemberRef) => string;
  readonly level: number;
  readonly chair: string | null;
}

function proceedingBlocks(x: ProceedingView, c: ProceedingContext, questionIndex: number): Block[] {
  const { p, refs, style, person, level } = c;
  const body = p.body.name;
  const formalMotion = (r: ProposalRef) =>
    r.kind === 'motion'
      ? p.motions.find(
          (m) => m.motionId === r.motionId && (m.kind === 'aterremiss' || m.kind === 'bordlaggning'),
        )
      : undefined;
  const heading = (): Block => ({ kind: 'heading', level, text: style.settings.voteHeading });
  const headingBeforeProposition = style.settings.voteHeadingBefore === 'proposition';
  switch (x.kind) {
    case 'question': {
      const place = { chair: c.chair, first: questionIndex === 0, index: questionIndex };
      const formal = x.puts.map(formalMotion).find((m) => m !== undefined);
      if (formal) {
        const formalAdopted =
          x.finding !== 'rejected' && sameRef(x.finding, { kind: 'motion', motionId: formal.motionId });
        const kind = formal.kind === 'aterremiss' ? 'aterremiss' : 'bordlaggning';
        return textBlock(style.questionFormal({ kind, formalAdopted, body, ...place }));
      }
      if (x.puts.length === 1) {
        const put = x.puts[0]!;
        const adopted = x.finding !== 'rejected' && sameRef(x.finding, put);
        return textBlock(style.questionSingle({ body, what: refs(put), adopted, ...place }));
      }
      const winner = x.finding === 'rejected' ? null : refs(x.finding);
      return textBlock(style.questionSeveral({ body, options: x.puts.map(refs), winner, ...place }));
    }
    case 'voteRequested':
      return textBlock(style.voteRequested({ requestedBy: person(x.requestedBy) }));
    case 'voteProposition': {
      const side = sides(x.ja, x.nej, formalMotion, refs, style);
      return [
        ...(headingBeforeProposition ? [heading()] : []),
        ...textBlock(style.voteProposition({ kind: x.voteKind, ja: side(x.ja), nej: side(x.nej) })),
      ];
    }
    case 'vote': {
      // Each round answers the voting proposition approved just before it (same voteId).
      const before = p.proceedings.slice(0, p.proceedings.indexOf(x));
      const proposition = before
        .reverse()
        .find(
          (y): y is Extract<ProceedingView, { kind: 'voteProposition' }> =>
            y.kind === 'voteProposition' && y.voteId === x.voteId && !y.struck,
        );
      const [, , ja, nej] = style.rollCallColumns;
      const winnerRef = proposition ? (x.outcome === 'ja' ? proposition.ja : proposition.nej) : null;
      const side = proposition ? sides(proposition.ja, proposition.nej, formalMotion, refs, style) : refs;
      const names = x.namesInAppendix ? 'appendix' : style.settings.rollCall;
      const blocks: Block[] = [
        ...(headingBeforeProposition && proposition ? [] : [heading()]),
        ...rollCallBlocks(x, names, style, person),
      ];
      if (style.settings.voteResultHeading) {
        blocks.push({ kind: 'heading', level, text: style.settings.voteResultHeading });
      }
      blocks.push(
        ...textBlock(
          style.voteResult({
            body,
            ja: x.tally.ja,
            nej: x.tally.nej,
            avstar: x.tally.avstar,
            // Without an approved proposition, name the side that won.
            winner: winnerRef ? side(winnerRef) : x.outcome === 'ja' ? ja : nej,
            kind: x.round ?? proposition?.voteKind ?? 'huvudvotering',
            castingVote: x.castingVote,
            absent: emptySeats(c.meeting),
            appendix: names === 'appendix',
          }),
        ),
      );
      return blocks;
    }
  }
}

/**
 * How the two sides of a votering are named: on återremiss or bordläggning, the style may call
 * them "ärendets återremiss" and "ärendets avgörande idag" rather than by their yrkanden.
 */
function sides(
  ja: ProposalRef,
  nej: ProposalRef,
  formalMotion: (r: ProposalRef) => MotionView | undefined,
  refs: (r: ProposalRef) => string,
  style: HouseStyle,
): (r: ProposalRef) => string {
  const formal = formalMotion(ja) ?? formalMotion(nej);
  if (!formal) return refs;
  const kind = formal.kind === 'aterremiss' ? 'aterremiss' : 'bordlaggning';
  return (r) => style.formalRef({ kind, side: formalMotion(r) ? 'formal' : 'today', ref: refs(r) });
}

function rollCallBlocks(
  x: Extract<ProceedingView, { kind: 'vote' }>,
  names: 'paragraph' | 'appendix' | 'names',
  style: HouseStyle,
  person: (m: MemberRef) => string,
): Block[] {
  if (names === 'appendix') return [];
  if (names === 'names') {
    return (['ja', 'nej', 'avstar'] as const).flatMap((vote) => {
      const voters = x.votes.filter((v) => v.vote === vote).map((v) => person(v.member));
      return voters.length > 0
        ? textBlock(style.rollCallNames({ names: voters, vote, count: voters.length }))
        : [];
    });
  }
  const mark = (choice: string) => (v: string) => (v === choice ? style.rollCallMark : '');
  const rows = x.votes.map((v) => [
    v.member.name,
    v.member.party,
    mark('ja')(v.vote),
    mark('nej')(v.vote),
    mark('avstar')(v.vote),
  ]);
  rows.push([style.rollCallTotal, '', String(x.tally.ja), String(x.tally.nej), String(x.tally.avstar)]);
  return [{ kind: 'table', header: [...style.rollCallColumns], rows, totals: true }];
}

function certificationBlocks(p: ParagraphView, style: HouseStyle): Block[] {
  return p.certifications.map((c) => ({
    kind: 'text',
    text: style.certified({ by: c.by.name, date: dateOf(c.at) }),
  }));
}

// ─── whole protocol ──────────────────────────────────────────────────────────────────

function protocolHeader(meeting: MeetingView, paragraphs: ParagraphView[], style: HouseStyle): Block[] {
  const ps = style.protocol;
  const h = (text: string): Block => ({ kind: 'heading', level: 2, text });
  const text = (t: string): Block => ({ kind: 'text', text: t });
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: ps.titles.protocol },
    { kind: 'title', text: meeting.body.name },
    h(ps.headings.dateAndTime),
    text(
      ps.dateAndTime({
        date: meeting.date,
        from: meeting.openedAt ? timeOf(meeting.openedAt) : meeting.startTime,
        to: meeting.closedAt ? timeOf(meeting.closedAt) : null,
      }),
    ),
    h(ps.headings.place),
    text(meeting.place),
  ];

  const [first, ...later] = meeting.attendance;
  if (first) {
    blocks.push(h(ps.headings.deciding));
    blocks.push({ kind: 'lines', items: decidingLines(meeting, first, style) });
    for (const a of later) {
      blocks.push(
        text(
          ps.attendanceFrom({ time: timeOf(a.effectiveFrom), deciding: servingMembers(meeting, a).map(who) }),
        ),
      );
    }
    const serving = new Set(servingMembers(meeting, first).map((m) => m.memberId));
    const others = [
      ...first.present
        .filter((m) => !serving.has(m.memberId))
        .map((m) => ps.nonServingSubstitute({ member: who(m) })),
      ...first.others.map((o) => ps.other({ name: o.name, title: o.title ?? null })),
    ];
    if (others.length > 0) {
      blocks.push(h(ps.headings.others));
      blocks.push({ kind: 'lines', items: others });
    }
    if (first.absent.length > 0) {
      blocks.push(h(ps.headings.absent));
      blocks.push({ kind: 'lines', items: first.absent.map(who) });
    }
  }
  blocks.push(h(ps.headings.secretary), text(meeting.secretary.name));
  if (meeting.adjusters.length > 0) {
    blocks.push(h(ps.headings.adjusters), { kind: 'lines', items: meeting.adjusters.map(who) });
  }
  if (meeting.justeringAt) {
    blocks.push(
      h(ps.headings.justering),
      text(
        ps.justeringTimeAndPlace({
          date: dateOf(meeting.justeringAt),
          time: timeOf(meeting.justeringAt),
          place: meeting.justeringPlace ?? '',
        }),
      ),
    );
  }
  if (paragraphs.length > 0) {
    blocks.push(
      h(ps.headings.paragraphs),
      text(ps.paragraphRange({ numbers: paragraphs.map((p) => p.number) })),
    );
  }
  return blocks;
}

/** Beslutande: the chair first, then ledamöter, then serving ersättare with whom they replace. */
function decidingLines(
  meeting: MeetingView,
  attendance: MeetingView['attendance'][number],
  style: HouseStyle,
) {
  const ps = style.protocol;
  const chairId = meeting.chair?.memberId;
  const serving = servingMembers(meeting, attendance);
  const substituteFor = new Map(
    attendance.servingSubstitutes.map((s) => [s.substitute.memberId, s.forMember]),
  );
  const ordered = [
    ...serving.filter((m) => m.memberId === chairId),
    ...serving.filter((m) => m.memberId !== chairId && !substituteFor.has(m.memberId)),
    ...serving.filter((m) => m.memberId !== chairId && substituteFor.has(m.memberId)),
  ];
  return ordered.map((m) => {
    const forMember = substituteFor.get(m.memberId);
    if (forMember) return ps.servingSubstitute({ substitute: who(m), forMember: who(forMember) });
    return m.memberId === chairId ? ps.chair({ member: who(m) }) : who(m);
  });
}

function signatureBlocks(
  meeting: MeetingView,
  style: HouseStyle,
  seal: SealNote | null | undefined,
): Block[] {
  const ps = style.protocol;
  const signers = [
    { role: ps.roles.secretary, name: meeting.secretary.name },
    ...(meeting.chair ? [{ role: ps.roles.chair, name: who(meeting.chair) }] : []),
    ...meeting.adjusters.map((a) => ({ role: ps.roles.adjuster, name: who(a) })),
  ];
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: ps.headings.signatures },
    { kind: 'signatures', line: ps.signatureLine, signers },
  ];
  if (meeting.justified) {
    blocks.push({
      kind: 'text',
      text: ps.justifiedBy({ names: meeting.justified.by.map(who), date: dateOf(meeting.justified.at) }),
    });
    blocks.push(...sealBlocks(seal, style));
  }
  if (meeting.announced) {
    blocks.push({ kind: 'heading', level: 2, text: ps.headings.announcement });
    blocks.push({
      kind: 'lines',
      items: ps.announcement({
        body: meeting.body.name,
        meetingDate: meeting.date,
        announcedOn: meeting.announced.announcedOn,
        appealEndsOn: meeting.announced.appealEndsOn,
        keptAt: meeting.announced.protocolKeptAt,
      }),
    });
  }
  return blocks;
}
