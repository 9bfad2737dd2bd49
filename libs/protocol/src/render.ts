/**
 * Renders a paragraph extract (protokollsutdrag) or a whole protocol from the views.
 *
 * Rendering is two steps: the content is laid out as format-neutral blocks (what to show,
 * in which order, worded by the house style), then the blocks are written as plain text or
 * Markdown. So the formats cannot drift apart in content, and a house style never sees
 * formatting.
 */
import type { DecisionContent, MemberRef, ProposalRef } from '@app/domain';
import { blocksToMarkdown, blocksToText, type Block } from './blocks.js';
import { dateOf, personGenitive, personWithParty, timeOf } from './swedish.js';
import { defaultSwedishHouseStyle } from './templates/default-sv.js';
import type { HouseStyle } from './templates/house-style.js';
import {
  servingMembers,
  type DecisionView,
  type MeetingView,
  type MotionView,
  type ParagraphView,
  type ProceedingView,
} from './views.js';

export type RenderFormat = 'text' | 'markdown';

export interface RenderOptions {
  readonly format: RenderFormat;
  /** The house style; the default Swedish one when left out. */
  readonly template?: HouseStyle;
}

/** One paragraph as a stand-alone extract, headed by the body's name. */
export function renderExtract(
  paragraph: ParagraphView,
  meeting: MeetingView,
  options: RenderOptions,
): string {
  const style = options.template ?? defaultSwedishHouseStyle;
  const blocks: Block[] = [
    { kind: 'text', text: paragraph.body.name },
    { kind: 'text', text: style.paragraphNumber(paragraph.number) },
    { kind: 'text', text: style.caseNumber(paragraph.caseNumber) },
    { kind: 'title', text: paragraph.title },
    ...paragraphBlocks(paragraph, meeting, style, 2),
  ];
  if (options.format === 'text') {
    blocks.push(...style.extractFooter.map((text): Block => ({ kind: 'text', text })));
    blocks.push(...certificationBlocks(paragraph, style));
  } else if (paragraph.certifications.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: style.headings.certification });
    blocks.push(...certificationBlocks(paragraph, style));
  }
  return write(blocks, options.format);
}

/**
 * The whole protocol: header (body, date and time, place, beslutande, övriga närvarande,
 * sekreterare, justerare, justering), every paragraph in § order, the signature block and,
 * once announced, the bevis om anslag.
 */
export function renderProtocol(
  meeting: MeetingView,
  paragraphs: readonly ParagraphView[],
  options: RenderOptions,
): string {
  const style = options.template ?? defaultSwedishHouseStyle;
  const ordered = [...paragraphs]
    .filter((p) => p.meetingId === meeting.meetingId)
    .sort((a, b) => a.number - b.number);
  const blocks: Block[] = [...protocolHeader(meeting, ordered, style)];
  for (const paragraph of ordered) {
    blocks.push({ kind: 'rule' });
    blocks.push({
      kind: 'heading',
      level: 2,
      text: `${style.paragraphNumber(paragraph.number)} ${paragraph.title}`,
    });
    blocks.push({ kind: 'text', text: style.caseNumber(paragraph.caseNumber) });
    blocks.push(...paragraphBlocks(paragraph, meeting, style, 3));
  }
  blocks.push({ kind: 'rule' });
  blocks.push(...signatureBlocks(meeting, style));
  return write(blocks, options.format);
}

function write(blocks: Block[], format: RenderFormat): string {
  return format === 'markdown' ? blocksToMarkdown(blocks) : blocksToText(blocks);
}

// ─── one paragraph ───────────────────────────────────────────────────────────────────

/** Everything of a paragraph below its title; `level` is the heading level of its sections. */
function paragraphBlocks(p: ParagraphView, meeting: MeetingView, style: HouseStyle, level: number): Block[] {
  const h = (text: string, sub = 0): Block => ({ kind: 'heading', level: level + sub, text });
  const text = (t: string): Block => ({ kind: 'text', text: t });
  const refs = references(p, style);
  const body = p.body.name;
  const blocks: Block[] = [];

  // Beslut, or the proposal while nothing is decided.
  const decisions = p.decisions.filter((d) => !d.struck);
  if (decisions.length > 0) {
    blocks.push(h(style.headings.decision));
    for (const decision of decisions) blocks.push(...decisionBlocks(decision, p, style));
  } else {
    blocks.push(h(style.headings.proposalForDecision));
    blocks.push(...contentBlocks(p.proposal.decision, body, style));
  }

  if (p.previous || p.summary.length > 0) {
    blocks.push(h(style.headings.summary));
    if (p.previous) blocks.push(text(style.previousParagraph(p.previous)));
    blocks.push(...p.summary.map(text));
  }
  if (p.basisDocuments.length > 0) {
    blocks.push(h(style.headings.basisDocuments));
    blocks.push({ kind: 'bullets', items: [...p.basisDocuments] });
  }

  // Beslutande sammanträde: jäv, who took part, yrkanden, beslutsgång.
  const motions = p.motions.filter((m) => !m.struck && !m.withdrawn);
  const proceedings = p.proceedings.filter((x) => !x.struck);
  const participants = participantsLine(p, decisions, meeting, style);
  if (p.recusals.length + motions.length + proceedings.length + decisions.length > 0) {
    blocks.push(h(style.headings.decidingMeeting));
    if (p.recusals.length > 0) {
      blocks.push(h(style.headings.recusal, 1));
      for (const r of p.recusals)
        blocks.push(text(style.recusal({ member: who(r.member), reason: r.reason })));
    }
    if (participants) blocks.push(text(participants));
    if (motions.length > 0) {
      blocks.push(h(style.headings.motions, 1));
      for (const m of motions) blocks.push(...motionBlocks(m, refs, style));
    }
    if (proceedings.length > 0) {
      blocks.push(h(style.headings.proceedings, 1));
      for (const x of proceedings) blocks.push(...proceedingBlocks(x, p, refs, style, level + 2));
    }
  }

  const reservations = p.reservations.filter((r) => !r.struck);
  if (reservations.length > 0) {
    blocks.push(h(style.headings.reservation, 1));
    for (const r of reservations) {
      // The announced reason is either "till förmån för …" or a motivation in its own words.
      const inFavour = r.reasons !== null && /^till förmån för/i.test(r.reasons.trim());
      const motivation = [inFavour ? null : r.reasons, r.writtenReasons].filter((x) => x).join(' ');
      blocks.push(
        text(
          style.reservation({
            member: who(r.member),
            inFavourOf: inFavour ? r.reasons!.trim() : null,
            motivation: motivation || null,
          }),
        ),
      );
    }
  }
  const notes = p.notes.filter((n) => !n.struck);
  if (notes.length > 0) {
    blocks.push(h(style.headings.protocolNote, 1));
    for (const n of notes) blocks.push(text(style.protocolNote({ member: who(n.member), text: n.text })));
  }

  if (p.recipients.length > 0) {
    blocks.push(h(style.headings.distribution));
    for (const recipient of p.recipients) {
      const dispatch = p.dispatches.find((d) => d.recipient === recipient);
      blocks.push(text(dispatch ? style.dispatched({ recipient, date: dateOf(dispatch.at) }) : recipient));
    }
  }

  // Justering: the paragraph's own, or the whole protocol's.
  const justering =
    p.justering ?? (meeting.justified ? { at: meeting.justified.at, immediate: false } : null);
  if (justering)
    blocks.push(text(style.justified({ immediate: justering.immediate, date: dateOf(justering.at) })));
  for (const c of p.corrections) {
    blocks.push(
      text(style.correction({ field: c.field, from: c.from, to: c.to, why: c.why, by: c.by.name })),
    );
  }
  return blocks;
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
      }),
    },
  ];
  if (m.supporters.length > 0) {
    blocks.push({
      kind: 'text',
      text: style.supporters({
        supporters: m.supporters.map(who),
        proposerGenitive: personGenitive(m.proposer.name, m.proposer.party),
      }),
    });
  }
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
        { kind: 'heading', level, text: style.headings.vote },
        { kind: 'table', header: [...style.rollCallColumns], rows, totals: true },
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
    { kind: 'heading', level: 1, text: ps.title },
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
  const signer = (role: string, name: string): Block => ({
    kind: 'lines',
    items: [role, ps.signatureLine, name],
  });
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: ps.headings.signatures }];
  blocks.push(signer(ps.roles.secretary, meeting.secretary.name));
  if (meeting.chair) blocks.push(signer(ps.roles.chair, who(meeting.chair)));
  for (const a of meeting.adjusters) blocks.push(signer(ps.roles.adjuster, who(a)));
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
