import { describe, expect, it } from '@jest/globals';
import { attendanceIdsOf, whoServes } from './serving.js';

const seat = (memberId: string, role: 'ledamot' | 'ersattare') => ({ memberId, role });
const members = [
  seat('l1', 'ledamot'),
  seat('l2', 'ledamot'),
  seat('l3', 'ledamot'),
  seat('e1', 'ersattare'),
];
const roleOf = (id: string) => members.find((m) => m.memberId === id)?.role;

describe('who serves (tjänstgör)', () => {
  it('present ledamöter, less those whose seat a serving ersättare takes, and that ersättare', () => {
    const attendance = {
      present: ['l1', 'l3', 'e1'],
      servingSubstitutes: [{ substituteId: 'e1', forMemberId: 'l2' }],
    };
    expect(whoServes(members, attendance, roleOf).map((m) => m.memberId)).toEqual(['l1', 'l3', 'e1']);
  });

  it('an ersättare present but not serving does not serve; an absent ledamot does not', () => {
    const attendance = { present: ['l1', 'e1'], servingSubstitutes: [] };
    expect(whoServes(members, attendance, roleOf).map((m) => m.memberId)).toEqual(['l1']);
  });

  it('keeps the order of the candidates, and reads attendance by references as by ids', () => {
    const ref = (memberId: string) => ({ memberId, name: memberId, party: 'S' });
    const byRefs = {
      present: [ref('e1'), ref('l3'), ref('l1')],
      servingSubstitutes: [{ substitute: ref('e1'), forMember: ref('l2') }],
    };
    expect(whoServes(byRefs.present, attendanceIdsOf(byRefs), roleOf).map((m) => m.memberId)).toEqual([
      'e1',
      'l3',
      'l1',
    ]);
  });
});
