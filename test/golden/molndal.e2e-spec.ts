/**
 * Golden test: Mölndals stad kommunfullmäktige § 75 (2024-04-17), recorded as commands
 * (test/scenarios/molndal.ts), renders with the `molndal-kf` house style to the published
 * paragraph (test/fixtures/molndal-kf-2024-s75.txt) under DESIGN.md's normalisation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  meetingView,
  paragraphView,
  renderExtract,
  renderVotingAppendix,
  shippedHouseStyle,
  protocolDocument,
  renderProtocol,
  writeDocument,
} from '@app/protocol';
import { molndalCommands, molndalIds } from '../scenarios/molndal.js';
import { markdownToPlain, normalise, wordDiff } from './normalise.js';
import { recordScenario } from './record.js';

const fixture = readFileSync(new URL('../fixtures/molndal-kf-2024-s75.txt', import.meta.url), 'utf8');
const style = shippedHouseStyle('molndal-kf');

function views() {
  const recorded = recordScenario(molndalCommands);
  return {
    meeting: meetingView(recorded.meetingEvents(molndalIds.meetingId)),
    paragraph: paragraphView(recorded.paragraphEvents(molndalIds.paragraphId)),
  };
}

describe('Mölndal KF § 75 golden paragraph', () => {
  it('renders the recorded flow with the Mölndal style as the published paragraph, word for word', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text', style });
    expect(wordDiff(text, fixture)).toBeNull();
    expect(normalise(text).length).toBeGreaterThan(350);
  });

  it('puts the beslut and the reservation first and leaves the 60 names to the appendix', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text', style });
    const order = [
      'Beslut',
      'Reservationer',
      'Ärendet',
      'Ärendets behandling',
      'Förslag till beslut',
      'Kommunstyrelsens förslag till kommunfullmäktige',
      'Ledamöternas förslag till beslut',
      'Beslutsgång',
      'Omröstning begärs',
      'Omröstningsresultat',
      'Expedieras till',
    ].map((heading) => text.indexOf(`\n${heading}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Ledamot 5');
    expect(text).not.toMatch(/\n{3,}/);
    const vote = paragraph.proceedings.find((x) => x.kind === 'vote');
    expect(vote).toMatchObject({ tally: { ja: 50, nej: 7, avstar: 3 }, namesInAppendix: true });
  });

  it('records the Sverigedemokraterna group reservation through its seven members', () => {
    const { paragraph } = views();
    const reservation = paragraph.reservations[0]!;
    expect(reservation.group).toEqual({ party: 'SD', name: 'Sverigedemokraterna' });
    expect(reservation.members).toHaveLength(7);
    expect(reservation.members.every((m) => m.party === 'SD')).toBe(true);
  });

  it('prints the 60 names in the omröstningsbilaga, with the counts', () => {
    const { meeting, paragraph } = views();
    const appendix = renderVotingAppendix(meeting, [paragraph], { format: 'text', style });
    expect(appendix).toContain('Omröstningslista nr. 1 § 75. Avtal om produktionsmiljö dans i Forsåker');
    expect(appendix).toMatch(/\nMartin Linder-Lood +SD +X\n/);
    expect(appendix).toMatch(/\nSumma +50 +7 +3\n/);
    expect(appendix.match(/^Ledamot \d+ /gm)).toHaveLength(56);
  });

  it('renders the same words as Markdown, the sub-headings one level down', () => {
    const { meeting, paragraph } = views();
    const markdown = renderExtract(paragraph, meeting, { format: 'markdown', style });
    expect(markdown).toContain('\n## Förslag till beslut\n');
    expect(markdown).toContain('\n### Kommunstyrelsens förslag till kommunfullmäktige\n');
    expect(wordDiff(markdownToPlain(markdown), fixture)).toBeNull();
  });

  it('is not another style: the Göteborg wording gives other words', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, {
      format: 'text',
      style: shippedHouseStyle('goteborg-ks'),
    });
    expect(wordDiff(text, fixture)).not.toBeNull();
  });
  it('words the whole protocol and its HTML with the same style', () => {
    const { meeting, paragraph } = views();
    const protocol = renderProtocol(meeting, [paragraph], { format: 'text', style });
    expect(protocol).toContain(paragraph.title);
    expect(protocol).toContain('Samtliga ledamöter från Sverigedemokraterna reserverar sig');
    expect(protocol).toContain(style.name);
    const html = writeDocument(protocolDocument(meeting, [paragraph], { style }), 'html');
    expect(html).toContain('Samtliga ledamöter från Sverigedemokraterna reserverar sig');
  });
});
