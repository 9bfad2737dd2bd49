import { describe, expect, it } from '@jest/globals';
import { fold } from './decider.js';
import type { ParagraphEvent } from './events.js';
import { meetingDecider } from './meeting.js';
import { paragraphDecider, questionResult } from './paragraph.js';
import { given, run } from './testing.js';
import {
  adjusters,
  allServing,
  attendance,
  ersattareStepsIn,
  cmd,
  inSession,
  open,
  openParagraph,
  P,
  paragraphEvents,
  ref,
  schedule,
} from '../test/fixtures.js';

const meeting = inSession();
const of = <T extends ParagraphEvent['type']>(events: ParagraphEvent[], type: T) =>
  events.filter((e): e is Extract<ParagraphEvent, { type: T }> => e.type === type);

describe('paragraphDecider — votering', () => {
  const history = [
    openParagraph,
    cmd.propose('m1', 'l3', 'andring', { text: 'Ändra punkt 2.' }),
    cmd.propose('m2', 'l4', 'avslag'),
    cmd.ask('q1', ['proposal', 'm1', 'm2'], 'proposal'),
    cmd.requestVote('v1', 'l3', 'q1'),
    cmd.proposition('v1', 'kontraproposition', 'm1', 'm2'),
  ];

  it('counts the roll call itself and records the round', () => {
    given(paragraphDecider, paragraphEvents(meeting, history), { meeting })
      .when(cmd.hold('v1', { l3: 'ja', l4: 'nej', e1: 'ja', beronius: 'avstar', chair: 'nej' }, 'nej'))
      .then([
        {
          type: 'VoteHeld',
          data: {
            paragraphId: P,
            voteId: 'v1',
            kind: 'kontraproposition',
            votes: [
              { member: ref('l3'), vote: 'ja' },
              { member: ref('l4'), vote: 'nej' },
              { member: ref('e1'), vote: 'ja' },
              { member: ref('beronius'), vote: 'avstar' },
              { member: ref('chair'), vote: 'nej' },
            ],
            tally: { ja: 2, nej: 2, avstar: 1 },
            castingVote: 'nej',
            outcome: 'nej',
          },
        },
      ]);
  });

  it('takes the kontraproposition winner into the huvudvotering, and the decision follows the outcome', () => {
    const events = paragraphEvents(meeting, [
      ...history,
      cmd.hold('v1', { chair: 'nej', beronius: 'ja', l3: 'ja', l4: 'nej', e1: 'ja' }), // m1 wins over m2
      cmd.proposition('v1', 'huvudvotering', 'proposal', 'm1'),
      cmd.hold('v1', { chair: 'ja', beronius: 'nej', l3: 'nej', l4: 'nej', e1: 'ja' }), // m1 wins 3–2
      cmd.decide('d1', 'sakbeslut', { content: { ownDecisions: ['att ändra punkt 2'] } }),
      cmd.reserve('r1', 'chair', 'd1', 'till förmån för förslaget'),
    ]);
    const [kontra, huvud] = of(events, 'VoteHeld');
    expect(kontra!.data).toMatchObject({
      kind: 'kontraproposition',
      tally: { ja: 3, nej: 2, avstar: 0 },
      outcome: 'ja',
    });
    expect(huvud!.data).toMatchObject({
      kind: 'huvudvotering',
      tally: { ja: 2, nej: 3, avstar: 0 },
      outcome: 'nej',
    });
    const state = fold(paragraphDecider, events);
    expect(questionResult(state, state.questions[0]!.question)).toEqual({ kind: 'motion', motionId: 'm1' });
    expect(of(events, 'DecisionAdopted')[0]!.data.basedOn).toEqual({ questionIds: ['q1'], voteId: 'v1' });
    expect(of(events, 'ReservationEntered')[0]!.data.member).toEqual(ref('chair'));
  });
});

describe('paragraphDecider — who takes part', () => {
  it('records per decision who took part: an ersättare stepping in mid-meeting, a jävig member left out', () => {
    const later = fold(
      meetingDecider,
      run(meetingDecider, [schedule, attendance, adjusters, open, ersattareStepsIn]),
    );
    const events = paragraphEvents(later, [
      openParagraph,
      cmd.recuse('beronius'),
      cmd.ask('q1', ['proposal'], 'proposal'),
      cmd.decide(),
    ]);
    expect(of(events, 'RecusalDeclared')[0]!.data.member).toEqual(ref('beronius'));
    expect(of(events, 'DecisionAdopted')[0]!.data.participants).toEqual(['chair', 'l3', 'e1', 'e2'].map(ref));
    const before = paragraphEvents(meeting, [
      openParagraph,
      cmd.ask('q1', ['proposal'], 'proposal'),
      cmd.decide(),
    ]);
    expect(of(before, 'DecisionAdopted')[0]!.data.participants).toEqual(allServing.map(ref));
  });
});

describe('paragraphDecider — återremiss and the returning matter', () => {
  it('keeps the protocol’s own words of an återremiss when the clerk records them verbatim', () => {
    const flow = (content: object) =>
      paragraphEvents(meeting, [
        openParagraph,
        cmd.propose('ar', 'l4', 'aterremiss', { motivation: 'Konsekvenserna behöver utredas.' }),
        cmd.ask('q1', ['ar', 'proposal'], 'ar'),
        cmd.decide('d1', 'aterremiss', { content }),
      ]);
    const words = {
      verbatim: true,
      text: ['Enligt återremissyrkande från S och V:', 'Ärendet återremitteras'],
    };
    expect(of(flow(words), 'DecisionAdopted')[0]!.data.content).toEqual(words);
    // Not verbatim: the style words an återremiss from its motivation; nothing else is kept.
    expect(of(flow({ ownDecisions: ['att återremittera'] }), 'DecisionAdopted')[0]!.data).not.toHaveProperty(
      'content',
    );
  });

  it('decides återremiss with the motion’s motivation, and the later paragraph links to it', () => {
    const first = paragraphEvents(meeting, [
      openParagraph,
      cmd.propose('ar', 'l4', 'aterremiss', { motivation: 'Konsekvenserna för skolan behöver utredas.' }),
      cmd.support('ar', 'l3'),
      cmd.ask('q1', ['ar', 'proposal'], 'ar'),
      cmd.decide('d1', 'aterremiss'),
    ]);
    expect(of(first, 'DecisionAdopted')[0]!.data).toEqual({
      paragraphId: P,
      decisionId: 'd1',
      kind: 'aterremiss',
      motivation: 'Konsekvenserna för skolan behöver utredas.',
      basedOn: { questionIds: ['q1'] },
      participants: allServing.map(ref),
    });
    const previous = fold(paragraphDecider, first);
    const [reopened] = given(paragraphDecider, [], { meeting, previous, previousMeeting: meeting })
      .when({
        ...openParagraph,
        data: { ...openParagraph.data, paragraphId: 'p-80', number: 80, previousParagraphId: P },
      })
      .thenAccepted();
    expect(reopened!.data).toMatchObject({
      number: 80,
      previous: {
        paragraphId: P,
        number: 65,
        year: 2024,
        outcome: 'aterremiss',
        date: meeting.schedule!.date,
      },
    });
  });
});

describe('paragraphDecider — striking', () => {
  it('lets a struck decision be adopted again, and hides struck entries from the decision basis', () => {
    const events = paragraphEvents(meeting, [
      openParagraph,
      cmd.ask('q1', ['proposal'], 'rejected'),
      cmd.decide('d1'),
      {
        type: 'StrikeEntry',
        data: { paragraphId: P, entryId: 'd1', reason: 'Fel proposition registrerad.' },
      },
      {
        type: 'StrikeEntry',
        data: { paragraphId: P, entryId: 'q1', reason: 'Fel proposition registrerad.' },
      },
      cmd.ask('q2', ['proposal'], 'proposal'),
      cmd.decide('d2'),
    ]);
    expect(of(events, 'DecisionAdopted')[1]!.data.basedOn).toEqual({ questionIds: ['q2'] });
  });
});

describe('given/when/then helper', () => {
  it('fails loudly when events differ or the refusal code is another', () => {
    const scenario = given(paragraphDecider, [], { meeting }).when(openParagraph);
    expect(() => scenario.then([])).toThrow(/Expected events/);
    expect(() => scenario.thenRefused('PARAGRAPH_NOT_OPENED')).toThrow(/accepted/);
    expect(() =>
      given(paragraphDecider, [], { meeting }).when(cmd.recuse('l3')).thenRefused('MEMBER_RECUSED'),
    ).toThrow(/PARAGRAPH_NOT_OPENED/);
  });
});

describe('paragraphDecider — a new § number from the agenda (docs/adr/0055)', () => {
  const renumber = (number: number, reassigned?: boolean) => ({
    type: 'RenumberParagraph' as const,
    data: { paragraphId: P, number, ...(reassigned ? { reassigned } : {}) },
  });
  const handled = [openParagraph, cmd.propose('m1', 'l3', 'andring', { text: 'Ändra punkt 2.' })];

  it('records the move, and nothing when the number is the same', () => {
    given(paragraphDecider, paragraphEvents(meeting, [openParagraph]), { meeting })
      .when(renumber(66))
      .then([{ type: 'ParagraphRenumbered', data: { paragraphId: P, meetingId: 'm-1', from: 65, to: 66 } }]);
    given(paragraphDecider, paragraphEvents(meeting, [openParagraph]), { meeting })
      .when(renumber(65))
      .then([]);
  });

  it('a handled paragraph keeps its number, unless the numbering stream has already moved it', () => {
    given(paragraphDecider, paragraphEvents(meeting, handled), { meeting })
      .when(renumber(66))
      .thenRefused('PARAGRAPH_ALREADY_HANDLED');
    // Recorded in it between the check and the write: the paragraph follows the body's record.
    const [moved] = given(paragraphDecider, paragraphEvents(meeting, handled), { meeting })
      .when(renumber(66, true))
      .thenAccepted();
    expect(moved).toMatchObject({ type: 'ParagraphRenumbered', data: { from: 65, to: 66 } });
  });
});
