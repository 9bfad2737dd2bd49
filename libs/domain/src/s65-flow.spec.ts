import { describe, expect, it } from '@jest/globals';
import { cmd, inSession, openParagraph, paragraphEvents, ref } from '../test/fixtures.js';

describe('the §65 flow (proposal, then a free yrkande, one combined decision)', () => {
  it('is accepted and records who took part', () => {
    const meeting = inSession();
    const events = paragraphEvents(meeting, [
      openParagraph,
      cmd.propose('beronius-1', 'beronius', 'fritt', {
        text: 'Kommunstyrelsens arbetsutskott beslutar för egen del att arbeta in nämndinitiativet …',
      }),
      cmd.ask('q1', ['proposal'], 'proposal'),
      cmd.ask('q2', ['beronius-1'], 'beronius-1'),
      cmd.decide('d1', 'sakbeslut', {
        content: {
          proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna förseningar …', 'I övrigt godkänna …'] },
          ownDecisions: ['att arbeta in nämndinitiativet …'],
        },
      }),
      cmd.distribute('Kommunstyrelsekontoret', 'Samhällsbyggnadskontoret'),
      cmd.justify(true),
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'ParagraphOpened',
      'MotionProposed',
      'ChairAskedQuestion',
      'ChairAskedQuestion',
      'DecisionAdopted',
      'DistributionSet',
      'ParagraphJustified',
    ]);
    const decision = events.find((e) => e.type === 'DecisionAdopted')!;
    expect(decision.data).toMatchObject({
      basedOn: { questionIds: ['q1', 'q2'] },
      participants: ['chair', 'beronius', 'l3', 'l4', 'e1'].map(ref),
    });
    expect(events[0]!.data).toMatchObject({ year: 2024, number: 65, body: { id: 'ks-au' } });
  });
});
