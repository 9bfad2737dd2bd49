/**
 * Golden test: the second scenario (competing yrkanden, votering with roll call, reservation,
 * protokollsanteckning, jäv; återremiss on another paragraph) renders to the extracts written
 * by hand in test/fixtures/second-scenario.txt, under the same normalisation as §65.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { meetingView, paragraphView, renderExtract } from '@app/protocol';
import { secondCommands, secondIds } from '../scenarios/second.js';
import { wordDiff } from './normalise.js';
import { recordScenario } from './record.js';

const expected = readFileSync(new URL('../fixtures/second-scenario.txt', import.meta.url), 'utf8');

function views() {
  const recorded = recordScenario(secondCommands);
  return {
    meeting: meetingView(recorded.meetingEvents(secondIds.meetingId)),
    p41: paragraphView(recorded.paragraphEvents(secondIds.p41)),
    p42: paragraphView(recorded.paragraphEvents(secondIds.p42)),
  };
}

describe('second scenario golden extracts', () => {
  it('renders §41 and §42 as the hand-written extracts, word for word', () => {
    const { meeting, p41, p42 } = views();
    const rendered = [p41, p42].map((p) => renderExtract(p, meeting, { format: 'text' })).join('\n\n');
    expect(wordDiff(rendered, expected)).toBeNull();
  });

  it('counts the votering as recorded: 11 ja, 2 nej, 2 avstår among 15 taking part', () => {
    const { p41 } = views();
    const vote = p41.proceedings.find((x) => x.kind === 'vote');
    expect(vote).toMatchObject({ tally: { ja: 11, nej: 2, avstar: 2 }, outcome: 'ja' });
    expect(p41.decisions[0]!.participants).toHaveLength(15);
    expect(p41.decisions[0]!.participants.map((m) => m.memberId)).not.toContain('un-wiklund');
  });

  it('lays the roll call out as an aligned table in plain text', () => {
    const { meeting, p41 } = views();
    const text = renderExtract(p41, meeting, { format: 'text' });
    expect(text).toContain(
      'Ledamot         Parti  Ja  Nej  Avstår\n--------------  -----  --  ---  ------\n',
    );
    expect(text).toContain('\nAnders Nilsson  S          X\n');
    expect(text).toContain('\nLeila Haddad    V               X\n');
    expect(text).toContain('\nSumma                  11  2    2\n');
  });
});
