import type { DecisionContent, MemberRef, MotionTarget, ProposalRef } from '@app/domain';
import type { Block } from '../output/document.js';
import { dateOf, personGenitive, personWithParty } from '../swedish.js';
import type { HouseStyle } from '../templates/house-style.js';
import {
  type DecisionView,
  type MeetingView,
  type MotionView,
  type ParagraphView,
  type ProceedingView,
  servingMembers,
} from '../views.js';

export function who(m: MemberRef): string {
  return personWithParty(m.name, m.party);
}

export function personLine(p: { name: string; title?: string } | null): string {
  if (!p) return '';
  return p.title ? `${p.name}, ${p.title}` : p.name;
}

export function groupName(g: { party: string; name?: string } | null): string | null {
  return g ? (g.name ?? g.party) : null;
}

/**
 * People as the house style writes them inside a paragraph: the chair and serving ersättare
 * with the role the style gives them ("tjänstgörande ersättaren …"), others by name and party.
 */
export function peopleOf(meeting: MeetingView, style: HouseStyle): (m: MemberRef) => string {
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

export function basisDocumentBlocks(documents: readonly string[], style: HouseStyle): Block[] {
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
export function references(p: ParagraphView, style: HouseStyle): (ref: ProposalRef | MotionTarget) => string {
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

export function decisionBlocks(d: DecisionView, p: ParagraphView, style: HouseStyle): Block[] {
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
export function textBlock(t: string): Block[] {
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
export function contentBlocks(
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
export function participantsLine(
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

export function motionBlocks(
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
export function beslutsgang(
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

export function rollCallBlocks(
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

export function certificationBlocks(p: ParagraphView, style: HouseStyle): Block[] {
  return p.certifications.map((c) => ({
    kind: 'text',
    text: style.certified({ by: c.by.name, date: dateOf(c.at) }),
  }));
}
