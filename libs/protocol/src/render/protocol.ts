import type { Block } from '../output/document.js';
import { dateOf, timeOf } from '../swedish.js';
import type { HouseStyle } from '../templates/house-style.js';
import { type MeetingView, type ParagraphView, servingMembers } from '../views.js';
import { textBlock, who } from './blocks.js';

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
export function sealBlocks(seal: SealNote | null | undefined, style: HouseStyle): Block[] {
  if (!seal) return [];
  const rootGrouped = seal.root.match(/.{1,8}/g)?.join(' ') ?? seal.root;
  return textBlock(
    style.protocol.seal({ date: dateOf(seal.sealedAt), upTo: seal.upTo, root: seal.root, rootGrouped }),
  );
}

// ─── whole protocol ──────────────────────────────────────────────────────────────────

export function protocolHeader(
  meeting: MeetingView,
  paragraphs: ParagraphView[],
  style: HouseStyle,
): Block[] {
  const ps = style.protocol;
  const h = (text: string): Block => ({ kind: 'heading', level: 2, text });
  const text = (t: string): Block => ({ kind: 'text', text: t });
  const blocks: Block[] = [
    // The municipality's printed name heads the protocol when the style has one (settings.municipality).
    ...(style.municipality ? [{ kind: 'text', text: style.municipality } as Block] : []),
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

export function signatureBlocks(
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
