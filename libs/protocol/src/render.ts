/**
 * Renders a paragraph extract (protokollsutdrag) or a whole protocol from the views.
 *
 * Rendering is two steps: the content is laid out as format-neutral blocks (what to show,
 * in which order, worded by the house style), then the blocks are written as plain text or
 * Markdown. So the formats cannot drift apart in content, and a house style never sees
 * formatting.
 */
import type { DecisionContent, MemberRef, ProposalRef } from '@app/domain';
import type { Block, ProtocolDocument } from './output/document.js';
import { writeDocument, type OutputFormat } from './output/index.js';
import { dateOf, personGenitive, personWithParty, timeOf } from './swedish.js';
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
    date: meeting.date,
    title: paragraph.title,
  });
  const blocks: Block[] = [
    ...head.map((text): Block => ({ kind: 'text', text })),
    { kind: 'title', text: paragraph.title },
    ...paragraphBlocks(paragraph, meeting, style, 2),
  ];
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
    blocks.push(...paragraphBlocks(paragraph, meeting, style, 3));
  }
  blocks.push({ kind: 'rule' });
  blocks.push(...signatureBlocks(meeting, style));
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

function paragraphNumberOf(p: ParagraphView, style: HouseStyle): string {
  return style.paragraphNumber({ number: p.number, year: p.year, bodyShort: p.body.shortName });
}

// ─── one paragraph ───────────────────────────────────────────────────────────────────

/**
 * Everything of a paragraph below its title, section by section in the house style's order;
 * `level` is the heading level of its sections (sub-headings one below).
 */
function paragraphBlocks(p: ParagraphView, meeting: MeetingView, style: HouseStyle, level: number): Block[] {
  const content = sectionContents(p, meeting, style, level);
  const blocks: Block[] = [];
  const sections = style.settings.sections;
  for (const section of sections) {
    const heading = (text: string | null | undefined) => {
      if (text) blocks.push({ kind: 'heading', level: level + (section.sub ? 1 : 0), text });
    };
    if (section.section === 'group') {
      if ((section.when ?? []).some((id) => content.has(id))) heading(section.heading);
      continue;
    }
    if (section.section === 'decision' && !content.has('decision')) {
      heading(section.headingUndecided ?? section.heading);
      blocks.push(...contentBlocks(p.proposal.decision, p.body.name, style));
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
  return blocks;
}

/** What each section shows for this paragraph; a section without content is left out. */
function sectionContents(
  p: ParagraphView,
  meeting: MeetingView,
  style: HouseStyle,
  level: number,
): Map<ContentSectionId, Block[]> {
  const text = (t: string): Block => ({ kind: 'text', text: t });
  const refs = references(p, style);
  const content = new Map<ContentSectionId, Block[]>();
  const put = (id: ContentSectionId, blocks: Block[]) => {
    if (blocks.length > 0) content.set(id, blocks);
  };

  const decisions = p.decisions.filter((d) => !d.struck);
  put(
    'decision',
    decisions.flatMap((decision) => decisionBlocks(decision, p, style)),
  );
  put('proposal', contentBlocks(p.proposal.decision, p.body.name, style));
  if (p.previous) put('previous', [text(style.previousParagraph(p.previous))]);
  put('summary', p.summary.map(text));
  if (p.basisDocuments.length > 0) put('basisDocuments', [{ kind: 'bullets', items: [...p.basisDocuments] }]);
  put(
    'recusal',
    p.recusals.map((r) => text(style.recusal({ member: who(r.member), reason: r.reason }))),
  );
  const participants = participantsLine(p, decisions, meeting, style);
  if (participants) put('participants', [text(participants)]);
  put(
    'motions',
    p.motions.filter((m) => !m.struck && !m.withdrawn).flatMap((m) => motionBlocks(m, refs, style)),
  );
  put(
    'proceedings',
    p.proceedings.filter((x) => !x.struck).flatMap((x) => proceedingBlocks(x, p, refs, style, level + 2)),
  );
  put(
    'reservation',
    p.reservations
      .filter((r) => !r.struck)
      .map((r) => {
        // The announced reason is either "till förmån för …" or a motivation in its own words.
        const inFavour = r.reasons !== null && /^till förmån för/i.test(r.reasons.trim());
        const motivation = [inFavour ? null : r.reasons, r.writtenReasons].filter((x) => x).join(' ');
        return text(
          style.reservation({
            member: who(r.member),
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
      .map((n) => text(style.protocolNote({ member: who(n.member), text: n.text }))),
  );
  put(
    'distribution',
    p.recipients.map((recipient) => {
      const dispatch = p.dispatches.find((d) => d.recipient === recipient);
      return text(dispatch ? style.dispatched({ recipient, date: dateOf(dispatch.at) }) : recipient);
    }),
  );

  // Justering: the paragraph's own, or the whole protocol's; then corrections made after it.
  const justering =
    p.justering ?? (meeting.justified ? { at: meeting.justified.at, immediate: false } : null);
  const after: Block[] = [];
  if (justering)
    after.push(text(style.justified({ immediate: justering.immediate, date: dateOf(justering.at) })));
  for (const c of p.corrections) {
    after.push(text(style.correction({ field: c.field, from: c.from, to: c.to, why: c.why, by: c.by.name })));
  }
  put('justering', after);
  return content;
}

function who(m: MemberRef): string {
  return personWithParty(m.name, m.party);
}

/** How each proposal is referred to inside a sentence. */
function references(p: ParagraphView, style: HouseStyle): (ref: ProposalRef) => string {
  return (ref) => {
    if (ref.kind === 'proposal') return style.proposalRef(p.proposal);
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
  switch (d.kind) {
    case 'aterremiss':
      return [{ kind: 'text', text: style.referredBack({ body, motivation: d.motivation }) }];
    case 'bordlaggning':
      return [{ kind: 'text', text: style.tabled({ body }) }];
    case 'sakbeslut':
      // A decision recorded without its own wording is the proposal's.
      return contentBlocks(d.content ?? p.proposal.decision, body, style);
  }
}

/** "<Body> föreslår: <Recipient> beslutar: 1. … 2. …" then "<Body> beslutar för egen del …". */
function contentBlocks(content: DecisionContent, body: string, style: HouseStyle): Block[] {
  const blocks: Block[] = [];
  const proposesTo = content.proposesTo;
  if (proposesTo) {
    blocks.push({ kind: 'text', text: style.proposesTo({ body }) });
    blocks.push({ kind: 'text', text: style.recipientDecides({ recipient: proposesTo.body }) });
    blocks.push({ kind: 'numbered', items: [...proposesTo.items] });
  }
  const own = content.ownDecisions ?? [];
  const alsoProposes = proposesTo !== undefined;
  if (own.length === 1) {
    blocks.push({ kind: 'text', text: style.ownDecision({ body, alsoProposes, item: own[0]! }) });
  } else if (own.length > 1) {
    blocks.push({ kind: 'text', text: style.ownDecision({ body, alsoProposes, item: null }) });
    blocks.push({ kind: 'numbered', items: own.map((item) => style.ownDecisionListItem(item)) });
  }
  if (blocks.length === 0) blocks.push({ kind: 'text', text: style.decidedAsProposed({ body }) });
  return blocks;
}

/**
 * Name who took part only when it is not simply the meeting's beslutande less those recused:
 * e.g. after an ersättare stepped in mid-meeting (KL 5:67: who took part in each decision).
 */
function participantsLine(
  p: ParagraphView,
  decisions: DecisionView[],
  meeting: MeetingView,
  style: HouseStyle,
): string | null {
  const last = decisions[decisions.length - 1];
  const first = meeting.attendance[0];
  if (!last || !first || last.participants.length === 0) return null;
  const recused = new Set(p.recusals.map((r) => r.member.memberId));
  const expected = servingMembers(meeting, first)
    .filter((m) => !recused.has(m.memberId))
    .map((m) => m.memberId);
  const actual = last.participants.map((m) => m.memberId);
  const same = expected.length === actual.length && expected.every((id) => actual.includes(id));
  return same ? null : style.participants({ members: last.participants.map(who) });
}

function motionBlocks(m: MotionView, refs: (r: ProposalRef) => string, style: HouseStyle): Block[] {
  const proposer = who(m.proposer);
  const blocks: Block[] = [
    {
      kind: 'text',
      text: style.motion(m.kind, {
        proposer,
        text: m.text,
        motivation: m.motivation,
        what: refs(m.refersTo),
        supporters: m.supporters.map(who),
      }),
    },
  ];
  // A style that names supporters inside the yrkande leaves this phrase empty.
  const supporters =
    m.supporters.length > 0
      ? style.supporters({
          supporters: m.supporters.map(who),
          proposerGenitive: personGenitive(m.proposer.name, m.proposer.party),
        })
      : '';
  if (supporters) blocks.push({ kind: 'text', text: supporters });
  return blocks;
}

function sameRef(a: ProposalRef, b: ProposalRef): boolean {
  return a.kind === 'proposal' ? b.kind === 'proposal' : b.kind === 'motion' && a.motionId === b.motionId;
}

function proceedingBlocks(
  x: ProceedingView,
  p: ParagraphView,
  refs: (r: ProposalRef) => string,
  style: HouseStyle,
  level: number,
): Block[] {
  const body = p.body.name;
  switch (x.kind) {
    case 'question': {
      const formal = x.puts
        .map((r) => (r.kind === 'motion' ? p.motions.find((m) => m.motionId === r.motionId) : undefined))
        .find((m) => m?.kind === 'aterremiss' || m?.kind === 'bordlaggning');
      if (formal) {
        const formalAdopted =
          x.finding !== 'rejected' && sameRef(x.finding, { kind: 'motion', motionId: formal.motionId });
        const kind = formal.kind === 'aterremiss' ? 'aterremiss' : 'bordlaggning';
        return [{ kind: 'text', text: style.questionFormal({ kind, formalAdopted }) }];
      }
      if (x.puts.length === 1) {
        const put = x.puts[0]!;
        const adopted = x.finding !== 'rejected' && sameRef(x.finding, put);
        return [{ kind: 'text', text: style.questionSingle({ body, what: refs(put), adopted }) }];
      }
      const winner = x.finding === 'rejected' ? null : refs(x.finding);
      return [{ kind: 'text', text: style.questionSeveral({ body, options: x.puts.map(refs), winner }) }];
    }
    case 'voteRequested':
      return [{ kind: 'text', text: style.voteRequested({ requestedBy: who(x.requestedBy) }) }];
    case 'voteProposition':
      return [
        { kind: 'text', text: style.voteProposition({ kind: x.voteKind, ja: refs(x.ja), nej: refs(x.nej) }) },
      ];
    case 'vote': {
      // Each round answers the voting proposition approved just before it (same voteId).
      const before = p.proceedings.slice(0, p.proceedings.indexOf(x));
      const proposition = before
        .reverse()
        .find(
          (y): y is Extract<ProceedingView, { kind: 'voteProposition' }> =>
            y.kind === 'voteProposition' && y.voteId === x.voteId && !y.struck,
        );
      const mark = (choice: string) => (v: string) => (v === choice ? style.rollCallMark : '');
      const [, , ja, nej] = style.rollCallColumns;
      const rows = x.votes.map((v) => [
        v.member.name,
        v.member.party,
        mark('ja')(v.vote),
        mark('nej')(v.vote),
        mark('avstar')(v.vote),
      ]);
      rows.push([style.rollCallTotal, '', String(x.tally.ja), String(x.tally.nej), String(x.tally.avstar)]);
      const winnerRef = proposition ? (x.outcome === 'ja' ? proposition.ja : proposition.nej) : null;
      const blocks: Block[] = [
        { kind: 'heading', level, text: style.settings.voteHeading },
        // Styles that print the names only in the omröstningsbilaga keep the result here.
        ...(style.settings.rollCall === 'paragraph'
          ? [{ kind: 'table', header: [...style.rollCallColumns], rows, totals: true } as const]
          : []),
        {
          kind: 'text',
          text: style.voteResult({
            body,
            ja: x.tally.ja,
            nej: x.tally.nej,
            avstar: x.tally.avstar,
            // Without an approved proposition, name the side that won.
            winner: winnerRef ? refs(winnerRef) : x.outcome === 'ja' ? ja : nej,
            kind: x.round ?? proposition?.voteKind ?? 'huvudvotering',
            castingVote: x.castingVote,
          }),
        },
      ];
      return blocks;
    }
  }
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

function signatureBlocks(meeting: MeetingView, style: HouseStyle): Block[] {
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
