import { describe, expect, it } from '@jest/globals';
import type { LineageStep, ParagraphEvent } from '@app/domain';
import { renderExtract, renderProtocol } from './render.js';
import { compileHouseStyle } from './style/compile.js';
import { shippedStyle } from './style/shipped.js';
import { meetingEvents, paragraphEvents } from './testing/fixtures.js';
import { meetingView, paragraphView } from './views.js';

const meeting = meetingView(meetingEvents);
const style = (id: string) => compileHouseStyle(shippedStyle(id)!);

const step = (bodyName: string, date: string, number: number, to: string, items: string[]): LineageStep => ({
  bodyId: bodyName.toLowerCase().replace(/\W+/g, '-'),
  bodyName,
  bodyShortName: bodyName.slice(0, 3).toUpperCase(),
  meetingId: `m-${number}`,
  paragraphId: `p-${number}`,
  date,
  year: 2024,
  number,
  label: `§ ${number}`,
  caseNumber: 'KS 2024-15',
  proposesTo: { body: to, items },
});

/** §12 opened from a matter that AU proposed to KS and KS then proposed to KF. */
function forwarded(): ParagraphEvent[] {
  const [opened, ...rest] = paragraphEvents();
  const lineage = [
    step('Kommunstyrelsens arbetsutskott', '2024-05-27', 4, 'Kommunstyrelsen', ['Godkänna taxan.']),
    step('Kommunstyrelsen', '2024-06-10', 9, 'Kommunfullmäktige', [
      'Anta taxan.',
      'Taxan gäller från 1 juli.',
    ]),
  ];
  const data = (opened as Extract<ParagraphEvent, { type: 'ParagraphOpened' }>).data;
  return [{ type: 'ParagraphOpened', data: { ...data, origin: { forwardId: 'f-1', lineage } } }, ...rest];
}

describe('the lineage of a forwarded matter', () => {
  it('prints each step, oldest first, in the extract', () => {
    const text = renderExtract(paragraphView(forwarded()), meeting, { format: 'text' }).replace(/\s+/g, ' ');
    const au = text.indexOf(
      'Kommunstyrelsens arbetsutskott föreslog 2024-05-27, § 4, att kommunstyrelsen beslutar: Godkänna taxan.',
    );
    const ks = text.indexOf(
      'Kommunstyrelsen föreslog 2024-06-10, § 9, att kommunfullmäktige beslutar: 1. Anta taxan. 2. Taxan gäller från 1 juli.',
    );
    expect(au).toBeGreaterThan(-1);
    expect(ks).toBeGreaterThan(au);
  });

  it('a paragraph not forwarded has no lineage line', () => {
    const text = renderExtract(paragraphView(paragraphEvents()), meeting, { format: 'text' });
    expect(text).not.toContain('föreslog');
  });

  it('is printed by every shipped style', () => {
    for (const id of ['default-sv', 'sollentuna-ks', 'goteborg-ks', 'molndal-kf']) {
      const text = renderExtract(paragraphView(forwarded()), meeting, { format: 'text', style: style(id) });
      expect(text.replace(/\s+/g, ' ')).toContain('Kommunstyrelsen föreslog 2024-06-10, § 9,');
    }
  });
});

describe("the municipality's name in the protocol head", () => {
  it('heads the protocol when the style names the municipality', () => {
    const text = renderProtocol(meeting, [paragraphView(paragraphEvents())], {
      format: 'text',
      style: style('sollentuna-ks'),
    });
    expect(text.trimStart().startsWith('Sollentuna kommun')).toBe(true);
  });

  it('is left out when the style has none (default-sv)', () => {
    const text = renderProtocol(meeting, [paragraphView(paragraphEvents())], { format: 'text' });
    expect(text.trimStart().startsWith('Protokoll')).toBe(true);
  });
});
