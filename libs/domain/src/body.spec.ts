import { describe, expect, it } from '@jest/globals';
import { fold } from './decider.js';
import { incomingDecider, pendingMatters } from './forwarding.js';
import { meetingMembersOn, rosterDecider, rosterOn } from './body.js';
import { run } from './testing.js';
import { end, forwardingBodies, start } from '../test/body-cases.js';

const registered = { bodyRegistered: true };

describe('the roster on a date', () => {
  const events = run(
    rosterDecider,
    [
      start('a', 'anna', { office: 'ordforande' }),
      start('b', 'bo'),
      start('e2', 'eva', { role: 'ersattare', substituteOrder: 2 }),
      start('e1', 'erik', { role: 'ersattare', substituteOrder: 1 }),
      end('b', '2024-05-31', 'entledigad på egen begäran'),
      start('c', 'cecilia', { from: '2024-06-01', reason: 'fyllnadsval' }),
    ],
    registered,
  );
  const state = fold(rosterDecider, events);

  it('orders ordförande, ledamöter, then ersättare in their order', () => {
    expect(rosterOn(state, '2024-05-31').map((m) => m.memberId)).toEqual(['anna', 'bo', 'erik', 'eva']);
  });

  it('a fyllnadsval takes effect from its date; the day before is unchanged', () => {
    expect(rosterOn(state, '2024-06-01').map((m) => m.memberId)).toEqual(['anna', 'cecilia', 'erik', 'eva']);
    expect(meetingMembersOn(state, '2024-06-01')).toEqual({
      chair: 'anna',
      members: [
        { memberId: 'anna', name: 'Person anna', party: 'S', role: 'ledamot' },
        { memberId: 'cecilia', name: 'Person cecilia', party: 'S', role: 'ledamot' },
        { memberId: 'erik', name: 'Person erik', party: 'S', role: 'ersattare' },
        { memberId: 'eva', name: 'Person eva', party: 'S', role: 'ersattare' },
      ],
    });
  });

  it('is empty outside the mandatperiod', () => {
    expect(rosterOn(state, '2027-01-01')).toEqual([]);
  });
});

describe('forwarding', () => {
  it('records the sending paragraph as the last lineage step, and the matter waits until taken up', () => {
    const { ks, decidedProposal } = forwardingBodies;
    const forwarded = incomingDecider.decide(
      { type: 'ForwardMatter', data: { forwardId: 'f1', toBodyId: 'ks', at: '2024-05-20T10:00:00+02:00' } },
      incomingDecider.initialState,
      { toBody: ks, from: decidedProposal },
    );
    expect(forwarded[0]).toMatchObject({
      type: 'MatterForwarded',
      data: {
        toBody: { id: 'ks', name: 'Kommunstyrelsen', shortName: 'KS' },
        lineage: [
          {
            bodyId: 'ks-au',
            number: 65,
            label: '§ 65',
            proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna rapporten.'] },
          },
        ],
      },
    });
    const state = fold(incomingDecider, forwarded);
    expect(pendingMatters(state).map((m) => m.forwardId)).toEqual(['f1']);
    const taken = incomingDecider.decide(
      {
        type: 'TakeUpMatter',
        data: { forwardId: 'f1', paragraphId: 'p2', meetingId: 'm2', year: 2024, number: 3, at: 'x' },
      },
      state,
      { meetingBodyId: 'ks' },
    );
    expect(pendingMatters(fold(incomingDecider, [...forwarded, ...taken]))).toEqual([]);
  });
});
