/**
 * The närvaro- och omröstningslista (omröstningsbilaga): who attended, and for every votering
 * a table of each ledamot, the ersättare who served in their place, and how the seat voted
 * (ja / nej / avstår) or that its holder was jävig. Attached to the protocol; the protocol's
 * own paragraphs keep the result (KL 5:57, 5:67: how each member voted at an open votering).
 *
 * Not the same as `votingAppendixDocument` (render.ts), which collects, in the house style's own
 * wording, only the roll calls a paragraph leaves to an appendix; this list has every votering
 * as a table per seat, which is what the API's voting-appendix routes serve.
 *
 * The labels are the Swedish terms of the list itself; the paragraph numbering, the references
 * to proposals and motions and the locale come from the house style.
 */
import type { MemberRef, ProposalRef } from '@app/domain';
import type { Block, ProtocolDocument } from '../output/document.js';
import { shippedHouseStyle } from '../style/shipped.js';
import { personGenitive, personWithParty } from '../swedish.js';
import type { HouseStyle } from '../templates/house-style.js';
import type { MeetingView, ParagraphView, ProceedingView } from '../views.js';
import type { DocumentOptions } from '../render.js';

export const votingAppendixLabels = {
  title: 'Närvaro- och omröstningslista',
  fileTitle: 'Omröstningsbilaga',
  attachedTo: (date: string) => `Bilaga till protokoll ${date}`,
  attendance: 'Närvaro',
  attendanceColumns: ['Ledamot', 'Parti', 'Närvarande', 'Tjänstgörande ersättare'],
  votes: 'Voteringar',
  voteColumns: ['Ledamot', 'Tjänstgörande ersättare', 'Ja', 'Nej', 'Avstår', 'Jäv'],
  round: { huvudvotering: 'huvudvotering', kontraproposition: 'kontraproposition' },
  voting: 'votering',
  proposition: (ja: string, nej: string) => `Ja för ${ja}, nej för ${nej}.`,
  castingVote: (side: string) => `Ordförandens utslagsröst: ${side}.`,
  none: 'Inga voteringar har förekommit vid sammanträdet.',
  total: 'Summa',
  mark: 'X',
} as const;

type Vote = Extract<ProceedingView, { kind: 'vote' }>;
type Proposition = Extract<ProceedingView, { kind: 'voteProposition' }>;

export function votingListDocument(
  meeting: MeetingView,
  paragraphs: readonly ParagraphView[],
  options: DocumentOptions = {},
): ProtocolDocument {
  const style = options.style ?? shippedHouseStyle();
  const L = votingAppendixLabels;
  const ordered = [...paragraphs]
    .filter((p) => p.meetingId === meeting.meetingId)
    .sort((a, b) => a.number - b.number);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: L.title },
    { kind: 'title', text: meeting.body.name },
    { kind: 'text', text: L.attachedTo(meeting.date) },
    { kind: 'heading', level: 2, text: L.attendance },
    attendanceTable(meeting),
    { kind: 'heading', level: 2, text: L.votes },
  ];
  let count = 0;
  for (const p of ordered) {
    const votes = p.proceedings.filter((x): x is Vote => x.kind === 'vote' && !x.struck);
    votes.forEach((vote, i) => {
      count++;
      const number = style.paragraphNumber({ number: p.number, year: p.year, bodyShort: p.body.shortName });
      const round = vote.round ? `, ${L.round[vote.round]}` : '';
      const which = votes.length > 1 ? ` ${i + 1}` : '';
      blocks.push({ kind: 'heading', level: 3, text: `${number} ${p.title}` });
      const proposition = propositionOf(p, vote);
      if (proposition) {
        const refs = references(p, style);
        blocks.push({ kind: 'text', text: L.proposition(refs(proposition.ja), refs(proposition.nej)) });
      }
      blocks.push({ ...voteTable(meeting, p, vote), caption: `${capitalise(L.voting)}${which}${round}` });
      if (vote.castingVote) blocks.push({ kind: 'text', text: L.castingVote(vote.castingVote) });
    });
  }
  if (count === 0) blocks.push({ kind: 'text', text: L.none });
  return {
    kind: 'voting-appendix',
    title: L.title,
    author: meeting.body.name,
    date: meeting.date,
    language: style.locale,
    runningHead: `${meeting.body.name} ${meeting.date}`,
    pageFooter: [],
    pageNumbering: style.settings.pageNumbering,
    style: { id: style.id, name: style.name, version: options.styleVersion ?? 0 },
    fileName: `${L.fileTitle} ${meeting.body.shortName} ${meeting.date}`,
    blocks,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function who(m: MemberRef): string {
  return personWithParty(m.name, m.party);
}

/** The ordinary members (ledamöter) in the register's order: the seats of the body. */
function seats(meeting: MeetingView): MemberRef[] {
  return meeting.members
    .filter((m) => m.role !== 'ersattare')
    .map((m) => ({ memberId: m.memberId, name: m.name, party: m.party }));
}

function attendanceTable(meeting: MeetingView): Block {
  const L = votingAppendixLabels;
  const first = meeting.attendance[0];
  const rows = seats(meeting).map((m) => {
    const present = first?.present.some((x) => x.memberId === m.memberId) ?? false;
    const substitute = first?.servingSubstitutes.find((s) => s.forMember.memberId === m.memberId);
    return [
      m.name,
      m.party,
      present && !substitute ? L.mark : '',
      substitute ? who(substitute.substitute) : '',
    ];
  });
  return { kind: 'table', header: [...L.attendanceColumns], rows };
}

/** One row per seat: the ledamot, who served in their place, the seat's vote, jäv. */
function voteTable(meeting: MeetingView, p: ParagraphView, vote: Vote): Extract<Block, { kind: 'table' }> {
  const L = votingAppendixLabels;
  const recused = new Set(p.recusals.map((r) => r.member.memberId));
  const voteOf = new Map(vote.votes.map((v) => [v.member.memberId, v.vote]));
  // Whoever served for a seat at any time in the meeting and voted here filled that seat.
  const substituteFor = new Map<string, MemberRef>();
  for (const a of meeting.attendance) {
    for (const s of a.servingSubstitutes) {
      if (voteOf.has(s.substitute.memberId) || !substituteFor.has(s.forMember.memberId)) {
        substituteFor.set(s.forMember.memberId, s.substitute);
      }
    }
  }
  const accounted = new Set<string>();
  const mark = (choice: string, actual: string | undefined) => (actual === choice ? L.mark : '');
  const rows: string[][] = [];
  const tally = { ja: 0, nej: 0, avstar: 0, jav: 0 };
  const row = (seat: MemberRef | null, substitute: MemberRef | null) => {
    const voter = substitute ?? seat!;
    const choice = voteOf.get(voter.memberId);
    const jav = recused.has(voter.memberId) || (seat !== null && !substitute && recused.has(seat.memberId));
    if (choice === 'ja') tally.ja++;
    if (choice === 'nej') tally.nej++;
    if (choice === 'avstar') tally.avstar++;
    if (jav) tally.jav++;
    accounted.add(voter.memberId);
    if (seat) accounted.add(seat.memberId);
    rows.push([
      seat ? who(seat) : '',
      substitute ? who(substitute) : '',
      mark('ja', choice),
      mark('nej', choice),
      mark('avstar', choice),
      jav ? L.mark : '',
    ]);
  };
  for (const seat of seats(meeting)) {
    const substitute = substituteFor.get(seat.memberId);
    row(
      seat,
      substitute && (voteOf.has(substitute.memberId) || !voteOf.has(seat.memberId)) ? substitute : null,
    );
  }
  // A voter the register does not seat (should not happen) is still shown, never dropped.
  for (const v of vote.votes) if (!accounted.has(v.member.memberId)) row(null, v.member);
  rows.push([L.total, '', String(tally.ja), String(tally.nej), String(tally.avstar), String(tally.jav)]);
  return { kind: 'table', header: [...L.voteColumns], rows, totals: true };
}

function propositionOf(p: ParagraphView, vote: Vote): Proposition | undefined {
  const before = p.proceedings.slice(0, p.proceedings.indexOf(vote)).reverse();
  return before.find(
    (y): y is Proposition => y.kind === 'voteProposition' && y.voteId === vote.voteId && !y.struck,
  );
}

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
