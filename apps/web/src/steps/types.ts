/**
 * What the paragraph view says about the steps of issue 11 (talarlista, joint movers, group
 * notes, not taking part, bilagor …): libs/protocol's own types, for their shape only.
 */
import type { MemberRef, PartyGroup } from '@app/domain';
import type { AttachmentView, NonParticipationView, ParagraphView, SpeakerView } from '@app/protocol';

export type { AttachmentView, NonParticipationView, ParagraphView, PartyGroup, SpeakerView };

export const groupLabel = (g: PartyGroup): string =>
  g.name ? `${g.name} (${g.party})` : `gruppen ${g.party}`;

/** Who may vote and reserve: those serving, less those who declared that they do not take part. */
export function takingPart<M extends MemberRef>(serving: readonly M[], p: ParagraphView): M[] {
  const out = new Set<string>();
  const parties = new Set<string>();
  for (const d of p.nonParticipations ?? []) {
    if (d.struck) continue;
    for (const m of d.members) out.add(m.memberId);
    if (d.group) parties.add(d.group.party);
  }
  return serving.filter((m) => !out.has(m.memberId) && !parties.has(m.party));
}
