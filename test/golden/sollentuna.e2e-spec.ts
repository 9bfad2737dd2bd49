/**
 * Golden test: Sollentuna kommunstyrelse § 52/2019, recorded as commands
 * (test/scenarios/sollentuna.ts), renders with the `sollentuna-ks` house style to the public
 * extract (test/fixtures/sollentuna-ks-2019-s52.txt) under DESIGN.md's normalisation.
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
import { sollentunaCommands, sollentunaIds } from '../scenarios/sollentuna.js';
import { markdownToPlain, normalise, wordDiff } from './normalise.js';
import { recordScenario } from './record.js';

const fixture = readFileSync(new URL('../fixtures/sollentuna-ks-2019-s52.txt', import.meta.url), 'utf8');
const style = shippedHouseStyle('sollentuna-ks');

function views() {
  const recorded = recordScenario(sollentunaCommands);
  return {
    meeting: meetingView(recorded.meetingEvents(sollentunaIds.meetingId)),
    paragraph: paragraphView(recorded.paragraphEvents(sollentunaIds.paragraphId)),
  };
}

describe('Sollentuna KS § 52/2019 golden extract', () => {
  it('renders the recorded flow with the Sollentuna style as the public extract, word for word', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text', style });
    expect(wordDiff(text, fixture)).toBeNull();
    expect(normalise(text).length).toBeGreaterThan(150);
  });

  it('keeps the sections in the Sollentuna order, the decision last', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text', style });
    const order = [
      'Sammanfattning',
      'Arbetsutskottets förslag',
      'Överläggning i kommunstyrelsen',
      'Proposition',
      'Kommunstyrelsens förslag',
      'Beslutsexpediering:',
    ].map((heading) => text.indexOf(`\n${heading}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toMatch(/\n{3,}/);
  });

  it('renders the same words as Markdown, with the section headings as headings', () => {
    const { meeting, paragraph } = views();
    const markdown = renderExtract(paragraph, meeting, { format: 'markdown', style });
    expect(markdown).toContain('\n## Överläggning i kommunstyrelsen\n');
    expect(markdown).toContain('\n## Kommunstyrelsens förslag\n');
    expect(wordDiff(markdownToPlain(markdown), fixture)).toBeNull();
  });

  it('is not the default style: the §65 wording gives other words', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text' });
    expect(wordDiff(text, fixture)).not.toBeNull();
  });
  it('words the whole protocol and its HTML with the same style', () => {
    const { meeting, paragraph } = views();
    const protocol = renderProtocol(meeting, [paragraph], { format: 'text', style });
    expect(protocol).toContain(paragraph.title);
    expect(protocol).toContain('Ordförande Henrik Thunes (M) ställer förslagen mot varandra');
    expect(protocol).toContain(style.name);
    const html = writeDocument(protocolDocument(meeting, [paragraph], { style }), 'html');
    expect(html).toContain('Ordförande Henrik Thunes (M) ställer förslagen mot varandra');
  });
});
