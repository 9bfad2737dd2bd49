/**
 * What the paragraph view says about the steps of issue 11 (talarlista, joint movers, group
 * notes, not taking part, bilagor …), as libs/protocol's ParagraphView has it. Optional here:
 * views stored before these steps existed may lack them.
 */
import type { MemberRef, ParagraphView } from '../api';

export interface PartyGroup {
  party: string;
  name?: string;
}
export interface SpeakerView {
  speakerId: string;
  member: MemberRef | null;
  person: { name: string; title?: string } | null;
  at: string | null;
  struck: boolean;
}
export interface NonParticipationView {
  declarationId: string;
  members: MemberRef[];
  group: PartyGroup | null;
  reason: string | null;
  struck: boolean;
}
export interface AttachmentView {
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  title: string;
  number: number;
  struck: boolean;
}

export type ParagraphViewWithSteps = ParagraphView & {
  speakers?: SpeakerView[];
  nonParticipations?: NonParticipationView[];
  attachments?: AttachmentView[];
  matter?: { kind: string; title?: string } | null;
  proposal: ParagraphView['proposal'] & { supporters?: MemberRef[] };
  motions: (ParagraphView['motions'][number] & { coProposers?: MemberRef[] })[];
  notes: (ParagraphView['notes'][number] & { members?: MemberRef[]; group?: PartyGroup | null })[];
  reservations: (ParagraphView['reservations'][number] & {
    members?: MemberRef[];
    group?: PartyGroup | null;
  })[];
};

export const groupLabel = (g: PartyGroup): string =>
  g.name ? `${g.name} (${g.party})` : `gruppen ${g.party}`;

/** Who may vote and reserve: those serving, less those who declared that they do not take part. */
export function takingPart<M extends MemberRef>(serving: readonly M[], p: ParagraphViewWithSteps): M[] {
  const out = new Set<string>();
  const parties = new Set<string>();
  for (const d of p.nonParticipations ?? []) {
    if (d.struck) continue;
    for (const m of d.members) out.add(m.memberId);
    if (d.group) parties.add(d.group.party);
  }
  return serving.filter((m) => !out.has(m.memberId) && !parties.has(m.party));
}
