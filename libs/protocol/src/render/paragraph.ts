import type { Block } from '../output/document.js';
import type { ContentSectionId } from '../style/catalogue.js';
import { dateOf, joinList } from '../swedish.js';
import type { HouseStyle } from '../templates/house-style.js';
import type { MeetingView, ParagraphView } from '../views.js';
import {
  basisDocumentBlocks,
  beslutsgang,
  contentBlocks,
  decisionBlocks,
  groupName,
  motionBlocks,
  participantsLine,
  peopleOf,
  personLine,
  references,
  textBlock,
} from './blocks.js';

export function paragraphNumberOf(p: ParagraphView, style: HouseStyle): string {
  return style.paragraphNumber({ number: p.number, year: p.year, bodyShort: p.body.shortName });
}

// ─── one paragraph ───────────────────────────────────────────────────────────────────

/**
 * Everything of a paragraph below its title, section by section in the house style's order;
 * `level` is the heading level of its sections (sub-headings one below).
 */
export function paragraphBlocks(
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
  // A forwarded matter's way here leads its link section, before any återremiss link.
  const lineage = (p.lineage ?? []).flatMap((step) =>
    text(
      style.lineageStep({
        body: step.bodyName,
        bodyShort: step.bodyShortName,
        date: step.date,
        paragraph: step.label,
        caseNumber: step.caseNumber ?? '',
        proposesTo: step.proposesTo.body,
        items: [...step.proposesTo.items],
      }),
    ),
  );
  if (p.previous) put('previous', [...lineage, ...text(style.previousParagraph(p.previous))]);
  else if (p.earlierReference)
    put('previous', [...lineage, ...text(style.earlierReference(p.earlierReference))]);
  else put('previous', lineage);
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
