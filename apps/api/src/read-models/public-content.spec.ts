import { describe, expect, it } from '@jest/globals';
import { newConfidentiality, publicData, trackConfidentiality } from './public-content.js';

const P = 'p-1';
const opened = {
  type: 'ParagraphOpened',
  data: {
    paragraphId: P,
    meetingId: 'm-1',
    body: { id: 'sn', name: 'Socialnämnden' },
    year: 2024,
    number: 12,
    caseNumber: 'SN 2024-7',
    title: 'Ansökan om bistånd',
    summary: ['Den enskildes ekonomiska situation.'],
    proposal: { proposer: 'förvaltningen', decision: { ownDecisions: ['Bevilja biståndet.'] } },
  },
};
const motion = { type: 'MotionProposed', data: { paragraphId: P, motionId: 'y1', text: 'Avslå.' } };
const decided = {
  type: 'DecisionAdopted',
  data: { paragraphId: P, decisionId: 'd1', kind: 'sakbeslut', participants: [{ name: 'A' }], basedOn: {} },
};
const marked = {
  type: 'ParagraphMarkedConfidential',
  data: { paragraphId: P, provision: '26 kap. 1 §', reason: 'hälsa', by: { name: 'K' }, at: 't' },
};
const lifted = {
  type: 'ParagraphConfidentialityLifted',
  data: { paragraphId: P, reason: 'löpt ut', by: { name: 'K' }, at: 't2' },
};

describe('public content of a paragraph with sekretess', () => {
  it('an unmarked paragraph goes out as stored', () => {
    const c = newConfidentiality();
    for (const e of [opened, motion, decided]) trackConfidentiality(c, e);
    expect([opened, motion, decided].map((e) => publicData(c, e))).toEqual([null, null, null]);
  });

  it('marked: heading and beslut only (the förslag filled in), no yrkande, no reason', () => {
    const c = newConfidentiality();
    for (const e of [opened, motion, decided, marked]) trackConfidentiality(c, e);
    const head = publicData(c, opened)!;
    expect(head).toMatchObject({ number: 12, title: 'Ansökan om bistånd', caseNumber: 'SN 2024-7' });
    expect(JSON.stringify(head)).not.toContain('ekonomiska');
    expect(JSON.stringify(head)).not.toContain('Bevilja'); // the förslag is content
    expect(publicData(c, motion)).toBeUndefined();
    expect(publicData(c, decided)).toEqual({
      paragraphId: P,
      decisionId: 'd1',
      kind: 'sakbeslut',
      content: { ownDecisions: ['Bevilja biståndet.'] },
    });
    expect(publicData(c, marked)).toEqual({ paragraphId: P, provision: '26 kap. 1 §', at: 't' });
  });

  it('lifted: as stored again; the lift goes out without its reason', () => {
    const c = newConfidentiality();
    for (const e of [opened, motion, marked, lifted]) trackConfidentiality(c, e);
    expect(publicData(c, motion)).toBeNull();
    expect(publicData(c, lifted)).toEqual({ paragraphId: P, at: 't2' });
  });
});
