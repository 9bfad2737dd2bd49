import { describe, expect, it } from '@jest/globals';
import type { ParagraphEvent } from '@app/domain';
import {
  meetingEvents,
  meetingId,
  motionRef,
  paragraphEvents,
  paragraphId,
  proposal,
  ref,
  serving,
} from './testing/fixtures.js';
import {
  currentAttendance,
  evolveMeetingView,
  evolveParagraphView,
  evolveParagraphViewInPlace,
  meetingView,
  paragraphView,
  servingMembers,
  type ParagraphView,
} from './views.js';

const motion = (motionId: string, proposer: string, kind: 'bifall' | 'avslag' | 'fritt' = 'avslag') =>
  ({
    type: 'MotionProposed',
    data: {
      paragraphId,
      motionId,
      proposer: ref(proposer),
      kind,
      ...(kind === 'fritt' ? { text: 'Text.' } : {}),
    },
  }) as const;
const question = (questionId: string) =>
  ({
    type: 'ChairAskedQuestion',
    data: { paragraphId, questionId, puts: [proposal], finding: proposal },
  }) as const;
const decision = (decisionId: string) =>
  ({
    type: 'DecisionAdopted',
    data: {
      paragraphId,
      decisionId,
      kind: 'sakbeslut',
      content: { proposesTo: { body: 'Kommunfullmäktige', items: ['Anta taxan.'] } },
      basedOn: { questionIds: ['q1'] },
      participants: serving,
    },
  }) as const;
const justified = {
  type: 'ParagraphJustified',
  data: { paragraphId, by: [ref('ordf'), ref('anna')], at: '2024-09-12T14:00:00+02:00', immediate: false },
} as const;

describe('meetingView', () => {
  it('folds schedule, attendance, justerare and opening into the header a protocol needs', () => {
    const view = meetingView(meetingEvents);
    expect(view).toMatchObject({
      meetingId,
      body: { name: 'Miljönämnden' },
      date: '2024-09-10',
      chair: ref('ordf'),
      adjusters: [ref('anna')],
      justeringAt: '2024-09-12T14:00:00+02:00',
      justeringPlace: 'Miljöförvaltningen',
      openedAt: '2024-09-10T09:02:00+02:00',
      closedAt: null,
      justified: null,
      announced: null,
      version: 4,
    });
    const attendance = currentAttendance(view)!;
    expect(attendance.absent).toEqual([ref('bo')]);
    expect(attendance.servingSubstitutes).toEqual([{ substitute: ref('ers'), forMember: ref('bo') }]);
    expect(attendance.others).toEqual([{ name: 'Gun Gran', title: 'miljöchef' }]);
  });

  it('counts as serving the present ledamöter and the serving ersättare, not other ersättare', () => {
    const view = meetingView(meetingEvents);
    expect(servingMembers(view, currentAttendance(view)!)).toEqual(serving);
  });

  it('records justering and anslag, and ignores paragraph events', () => {
    const view = meetingView([
      ...meetingEvents,
      { type: 'MeetingClosed', data: { meetingId, at: '2024-09-10T11:30:00+02:00' } },
      {
        type: 'ProtocolJustified',
        data: { meetingId, by: [ref('ordf'), ref('anna')], at: '2024-09-12T14:00:00+02:00' },
      },
      {
        type: 'ProtocolAnnounced',
        data: {
          meetingId,
          announcedOn: '2024-09-13',
          appealEndsOn: '2024-10-04',
          protocolKeptAt: 'Kommunhuset',
        },
      },
    ]);
    expect(view.justified).toEqual({ by: [ref('ordf'), ref('anna')], at: '2024-09-12T14:00:00+02:00' });
    expect(view.announced).toEqual({
      announcedOn: '2024-09-13',
      appealEndsOn: '2024-10-04',
      protocolKeptAt: 'Kommunhuset',
    });
    expect(evolveMeetingView(view, question('q1'))).toBe(view);
  });

  it('refuses to fold a stream without MeetingScheduled', () => {
    expect(() => meetingView([])).toThrow(/MeetingScheduled/);
  });
});

describe('paragraphView', () => {
  it('moves from open to decided to justified', () => {
    const events = paragraphEvents(question('q1'), decision('d1'), justified);
    const statuses = events
      .reduce<(ParagraphView | null)[]>((acc, e) => [...acc, evolveParagraphView(acc.at(-1) ?? null, e)], [])
      .map((v) => v!.status);
    expect(statuses).toEqual(['open', 'open', 'decided', 'justified']);
  });

  it('is plain JSON after every event: storing and reading it back gives the same value', () => {
    const events: ParagraphEvent[] = paragraphEvents(
      { type: 'RecusalDeclared', data: { paragraphId, member: ref('eva') } },
      motion('m1', 'klas'),
      { type: 'MotionSupported', data: { paragraphId, motionId: 'm1', member: ref('anna') } },
      question('q1'),
      decision('d1'),
      {
        type: 'ReservationEntered',
        data: { paragraphId, reservationId: 'r1', member: ref('klas'), decisionId: 'd1' },
      },
      { type: 'DistributionSet', data: { paragraphId, recipients: ['Kommunfullmäktige'] } },
      justified,
      {
        type: 'CorrectionRecorded',
        data: {
          paragraphId,
          correctionId: 'c1',
          field: 'title',
          from: 'miljöbalken',
          to: 'miljöbalken och livsmedelslagen',
          why: 'skrivfel',
          by: { name: 'Sven Sekreterare' },
        },
      },
    );
    let view: ParagraphView | null = null;
    for (const event of events) {
      view = evolveParagraphView(view, event);
      expect(JSON.parse(JSON.stringify(view))).toStrictEqual(view);
    }
    expect(view).toStrictEqual(paragraphView(events));
  });

  it('changed in place (a projection owns its view), gives after every event what a copy gives', () => {
    const events: ParagraphEvent[] = paragraphEvents(
      motion('m1', 'klas'),
      { type: 'MotionSupported', data: { paragraphId, motionId: 'm1', member: ref('anna') } },
      question('q1'),
      decision('d1'),
      { type: 'EntryStruck', data: { paragraphId, entryId: 'd1', reason: 'fel' } },
      decision('d2'),
      justified,
    );
    let copied: ParagraphView | null = null;
    let owned: ParagraphView | null = null;
    const earlier: string[] = [];
    for (const event of events) {
      copied = evolveParagraphView(copied, event);
      owned = evolveParagraphViewInPlace(owned, event);
      expect(owned).toStrictEqual(copied);
      earlier.push(JSON.stringify(copied));
    }
    // The copies were never touched by the in-place fold.
    expect(earlier.at(-1)).toBe(JSON.stringify(paragraphView(events)));
    expect(owned!.status).toBe('justified');
  });

  it('keeps struck entries with a flag and the reason in the strike log', () => {
    const view = paragraphView(
      paragraphEvents(
        motion('m1', 'klas'),
        motion('m2', 'anna', 'fritt'),
        { type: 'EntryStruck', data: { paragraphId, entryId: 'm1', reason: 'Registrerat på fel ärende' } },
        question('q1'),
        { type: 'EntryStruck', data: { paragraphId, entryId: 'q1', reason: 'Fel proposition' } },
      ),
    );
    expect(view.motions.map((m) => [m.motionId, m.struck])).toEqual([
      ['m1', true],
      ['m2', false],
    ]);
    expect(view.proceedings).toMatchObject([{ questionId: 'q1', struck: true }]);
    expect(view.strikes).toEqual([
      { entryId: 'm1', reason: 'Registrerat på fel ärende' },
      { entryId: 'q1', reason: 'Fel proposition' },
    ]);
  });

  it('returns to open when the only decision is struck', () => {
    const view = paragraphView(
      paragraphEvents(question('q1'), decision('d1'), {
        type: 'EntryStruck',
        data: { paragraphId, entryId: 'd1', reason: 'Fel beslut registrerat' },
      }),
    );
    expect(view.status).toBe('open');
    expect(view.decisions[0]!.struck).toBe(true);
  });

  it('strikes every round of a votering with its voteId', () => {
    const view = paragraphView(
      paragraphEvents(
        motion('m1', 'klas'),
        {
          type: 'ChairAskedQuestion',
          data: { paragraphId, questionId: 'q1', puts: [proposal, motionRef('m1')], finding: proposal },
        },
        {
          type: 'VoteRequested',
          data: { paragraphId, voteId: 'v1', requestedBy: ref('klas'), questionId: 'q1' },
        },
        {
          type: 'VotePropositionApproved',
          data: { paragraphId, voteId: 'v1', kind: 'huvudvotering', ja: proposal, nej: motionRef('m1') },
        },
        { type: 'EntryStruck', data: { paragraphId, entryId: 'v1', reason: 'Votering begärd av misstag' } },
      ),
    );
    expect(view.proceedings.map((p) => [p.kind, p.struck])).toEqual([
      ['question', false],
      ['voteRequested', true],
      ['voteProposition', true],
    ]);
  });

  it('marks withdrawn motions, collects supporters, and lets a later distribution replace the list', () => {
    const view = paragraphView(
      paragraphEvents(
        motion('m1', 'klas'),
        { type: 'MotionSupported', data: { paragraphId, motionId: 'm1', member: ref('anna') } },
        { type: 'MotionSupported', data: { paragraphId, motionId: 'm1', member: ref('eva') } },
        { type: 'MotionWithdrawn', data: { paragraphId, motionId: 'm1' } },
        { type: 'DistributionSet', data: { paragraphId, recipients: ['A'] } },
        { type: 'DistributionSet', data: { paragraphId, recipients: ['B', 'C'] } },
      ),
    );
    expect(view.motions[0]).toMatchObject({ withdrawn: true, supporters: [ref('anna'), ref('eva')] });
    expect(view.motions[0]!.refersTo).toEqual(proposal);
    expect(view.recipients).toEqual(['B', 'C']);
  });

  it('applies a rättelse to the field, and keeps it listed; an unknown field changes nothing', () => {
    const correction = (correctionId: string, field: string, from: string, to: string) =>
      ({
        type: 'CorrectionRecorded',
        data: {
          paragraphId,
          correctionId,
          field,
          from,
          to,
          why: 'skrivfel',
          by: { name: 'Sven Sekreterare' },
        },
      }) as const;
    const view = paragraphView(
      paragraphEvents(
        question('q1'),
        decision('d1'),
        justified,
        correction('c1', 'caseNumber', '2024-301', '2024-310'),
        correction('c2', 'decision', 'Anta taxan.', 'Anta taxan från 1 januari 2025.'),
        correction('c3', 'colour', 'blå', 'grön'),
        correction('c4', 'title', 'finns inte', 'x'),
      ),
    );
    expect(view.caseNumber).toBe('MN 2024-310');
    expect(view.decisions[0]!.content?.proposesTo?.items).toEqual(['Anta taxan från 1 januari 2025.']);
    expect(view.title).toBe('Taxa för tillsyn enligt miljöbalken');
    expect(view.corrections.map((c) => [c.correctionId, c.applied])).toEqual([
      ['c1', true],
      ['c2', true],
      ['c3', false],
      ['c4', false],
    ]);
  });

  it('records each vote round with its roll call, tally and casting vote', () => {
    const view = paragraphView(
      paragraphEvents({
        type: 'VoteHeld',
        data: {
          paragraphId,
          voteId: 'v1',
          kind: 'huvudvotering',
          votes: [
            { member: ref('anna'), vote: 'ja' },
            { member: ref('klas'), vote: 'nej' },
          ],
          tally: { ja: 1, nej: 1, avstar: 0 },
          castingVote: 'ja',
          outcome: 'ja',
        },
      }),
    );
    expect(view.proceedings[0]).toMatchObject({
      kind: 'vote',
      round: 'huvudvotering',
      castingVote: 'ja',
      outcome: 'ja',
      tally: { ja: 1, nej: 1, avstar: 0 },
    });
  });

  it('ignores events before ParagraphOpened and meeting events', () => {
    expect(evolveParagraphView(null, question('q1'))).toBeNull();
    const view = paragraphView(paragraphEvents());
    expect(evolveParagraphView(view, meetingEvents[0]!)).toBe(view);
    expect(() => paragraphView([question('q1')])).toThrow(/ParagraphOpened/);
  });
});
