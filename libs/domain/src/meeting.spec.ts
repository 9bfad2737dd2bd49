import { describe, expect, it } from '@jest/globals';
import { fold } from './decider.js';
import { hasQuorum, meetingDecider, servingMemberIds } from './meeting.js';
import { given, run } from './testing.js';
import {
  adjusters,
  attendance,
  ersattareStepsIn,
  close,
  justifyProtocol,
  MEETING,
  open,
  ref,
  schedule,
} from '../test/fixtures.js';

describe('meetingDecider', () => {
  const done = run(meetingDecider, [schedule, attendance, adjusters, open, close]);

  it('resolves who justerar into names and parties', () => {
    given(meetingDecider, done)
      .when(justifyProtocol)
      .then([
        {
          type: 'ProtocolJustified',
          data: { meetingId: MEETING, by: [ref('chair'), ref('beronius')], at: '2024-05-21T15:00:00+02:00' },
        },
      ]);
  });

  it('computes the end of the appeal period on anslag (not taken from the command)', () => {
    given(meetingDecider, [...done, ...run(meetingDecider, [justifyProtocol], undefined, done)])
      .when({
        type: 'AnnounceProtocol',
        data: { meetingId: MEETING, announcedOn: '2024-12-03', protocolKeptAt: 'Kommunledningskontoret' },
      })
      .then([
        {
          type: 'ProtocolAnnounced',
          data: {
            meetingId: MEETING,
            announcedOn: '2024-12-03',
            appealEndsOn: '2024-12-27',
            protocolKeptAt: 'Kommunledningskontoret',
          },
        },
      ]);
  });

  it('knows who serves: present ledamöter not replaced, and serving ersättare', () => {
    const state = fold(meetingDecider, run(meetingDecider, [schedule, attendance]));
    expect(servingMemberIds(state)).toEqual(['chair', 'beronius', 'l3', 'l4', 'e1']);
    expect(hasQuorum(state)).toBe(true);
  });

  it('lets a later attendance record replace the earlier one (an ersättare steps in mid-meeting)', () => {
    const state = fold(
      meetingDecider,
      run(meetingDecider, [schedule, attendance, adjusters, open, ersattareStepsIn]),
    );
    expect(servingMemberIds(state)).toEqual(['chair', 'beronius', 'l3', 'e1', 'e2']);
    expect(state.attendanceHistory).toHaveLength(2);
  });
});
