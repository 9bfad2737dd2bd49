/**
 * Golden test: Göteborgs Stad kommunstyrelsen § 857 (2024-10-23), recorded as commands
 * (test/scenarios/goteborg.ts), renders with the `goteborg-ks` house style to the published
 * paragraph (test/fixtures/goteborg-ks-2024-s857.txt) under DESIGN.md's normalisation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  meetingView,
  paragraphView,
  renderExtract,
  shippedHouseStyle,
  protocolDocument,
  renderProtocol,
  writeDocument,
} from '@app/protocol';
import { goteborgCommands, goteborgIds } from '../scenarios/goteborg.js';
import { markdownToPlain, normalise, wordDiff } from './normalise.js';
import { recordScenario } from './record.js';

const fixture = readFileSync(new URL('../fixtures/goteborg-ks-2024-s857.txt', import.meta.url), 'utf8');
const style = shippedHouseStyle('goteborg-ks');

function views() {
  const recorded = recordScenario(goteborgCommands);
  return {
    meeting: meetingView(recorded.meetingEvents(goteborgIds.meetingId)),
    paragraph: paragraphView(recorded.paragraphEvents(goteborgIds.paragraphId)),
  };
}

describe('Göteborg KS § 857 golden paragraph', () => {
  it('renders the recorded flow with the Göteborg style as the published paragraph, word for word', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text', style });
    expect(wordDiff(text, fixture)).toBeNull();
    expect(normalise(text).length).toBeGreaterThan(450);
  });

  it('puts the beslut first and the roll call as two name sentences under Omröstning', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text', style });
    const order = [
      'Beslut',
      'Tidigare behandling',
      'Handlingar',
      'Yrkanden',
      'Propositionsordning',
      'Omröstning',
      'Reservation',
      'Protokollsutdrag skickas till',
    ].map((heading) => text.indexOf(`\n${heading}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('ordföranden Jonas Attenius (S) röstar Ja (7).');
    expect(text).toContain('Elisabet Lann (KD) röstar Nej (6).');
    expect(text).not.toContain('Ledamot  '); // no roll-call table
    expect(text).not.toMatch(/\n{3,}/);
  });

  it('records the votering without a requester and the joint reservation of five', () => {
    const { paragraph } = views();
    expect(paragraph.voteRequests).toEqual([
      expect.objectContaining({ voteId: goteborgIds.vote, requestedBy: null }),
    ]);
    expect(paragraph.reservations[0]!.members.map((m) => m.name)).toEqual([
      'Axel Josefson',
      'Hampus Magnusson',
      'Martin Wannholt',
      'Axel Darvik',
      'Elisabet Lann',
    ]);
  });

  it('renders the same words as Markdown', () => {
    const { meeting, paragraph } = views();
    const markdown = renderExtract(paragraph, meeting, { format: 'markdown', style });
    expect(markdown).toContain('\n## Propositionsordning\n');
    expect(wordDiff(markdownToPlain(markdown), fixture)).toBeNull();
  });

  it('is not another style: the Sollentuna wording gives other words', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, {
      format: 'text',
      style: shippedHouseStyle('sollentuna-ks'),
    });
    expect(wordDiff(text, fixture)).not.toBeNull();
  });
  it('words the whole protocol and its HTML with the same style', () => {
    const { meeting, paragraph } = views();
    const protocol = renderProtocol(meeting, [paragraph], { format: 'text', style });
    expect(protocol).toContain(paragraph.title);
    expect(protocol).toContain('röstar Nej (6).');
    expect(protocol).toContain(style.name);
    const html = writeDocument(protocolDocument(meeting, [paragraph], { style }), 'html');
    expect(html).toContain('röstar Nej (6).');
  });
});
