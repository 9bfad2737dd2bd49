/**
 * Small hand-written event histories for the renderer's unit tests. Events are written out
 * directly (not produced by the deciders) so that these tests exercise the views and the
 * renderer alone, including histories the deciders would refuse today (e.g. older events).
 */
import type { MeetingEvent, Member, MemberRef, ParagraphEvent, ProposalRef } from '@app/domain';

export const body = { id: 'mn', name: 'Miljönämnden', shortName: 'MN' } as const;

export const members: Member[] = [
  { memberId: 'ordf', name: 'Ulla Svensson', party: 'S', role: 'ledamot' },
  { memberId: 'anna', name: 'Anna Andersson', party: 'M', role: 'ledamot' },
  { memberId: 'klas', name: 'Klas Lindqvist', party: 'V', role: 'ledamot' },
  { memberId: 'bo', name: 'Bo Bergström', party: 'KD', role: 'ledamot' },
  { memberId: 'eva', name: 'Eva Malm', party: 'C', role: 'ledamot' },
  { memberId: 'ers', name: 'Petra Ek', party: 'KD', role: 'ersattare' },
  { memberId: 'ers2', name: 'Omar Ali', party: 'S', role: 'ersattare' },
];

export function ref(memberId: string): MemberRef {
  const m = members.find((x) => x.memberId === memberId)!;
  return { memberId: m.memberId, name: m.name, party: m.party };
}

export const meetingId = 'm-1';
export const paragraphId = 'p-1';

export const meetingEvents: MeetingEvent[] = [
  {
    type: 'MeetingScheduled',
    data: {
      meetingId,
      body,
      date: '2024-09-10',
      startTime: '09:00',
      place: 'Kommunhuset, sal A',
      chair: 'ordf',
      secretary: { name: 'Sven Sekreterare', title: 'nämndsekreterare' },
      members,
    },
  },
  {
    type: 'AttendanceRecorded',
    data: {
      meetingId,
      effectiveFrom: '2024-09-10T09:00:00+02:00',
      present: ['ordf', 'anna', 'klas', 'eva', 'ers', 'ers2'],
      absent: ['bo'],
      servingSubstitutes: [{ substituteId: 'ers', forMemberId: 'bo' }],
      others: [{ name: 'Gun Gran', title: 'miljöchef' }],
    },
  },
  {
    type: 'AdjustersAppointed',
    data: {
      meetingId,
      adjusters: ['anna'],
      justeringAt: '2024-09-12T14:00:00+02:00',
      justeringPlace: 'Miljöförvaltningen',
    },
  },
  { type: 'MeetingOpened', data: { meetingId, at: '2024-09-10T09:02:00+02:00' } },
];

export const proposal: ProposalRef = { kind: 'proposal' };
export const motionRef = (motionId: string): ProposalRef => ({ kind: 'motion', motionId });

/** ParagraphOpened for §12, followed by `rest`. */
export function paragraphEvents(...rest: ParagraphEvent[]): ParagraphEvent[] {
  return [
    {
      type: 'ParagraphOpened',
      data: {
        paragraphId,
        meetingId,
        body,
        year: 2024,
        number: 12,
        caseNumber: 'MN 2024-301',
        title: 'Taxa för tillsyn enligt miljöbalken',
        summary: ['Förvaltningen har sett över taxan.'],
        basisDocuments: ['Tjänsteutlåtande - Taxa för tillsyn'],
        proposal: {
          proposer: 'miljöförvaltningen',
          document: 'tjänsteutlåtande',
          decision: { proposesTo: { body: 'Kommunfullmäktige', items: ['Anta taxan.'] } },
        },
      },
    },
    ...rest,
  ];
}

export const serving = ['ordf', 'anna', 'klas', 'eva', 'ers'].map(ref);
