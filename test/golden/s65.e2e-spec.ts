/**
 * Golden test: the §65 decision flow, recorded as commands, renders to the public extract
 * (test/fixtures/ks-au-2024-s65-delarsrapport.txt) under DESIGN.md's normalisation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { meetingView, paragraphView, renderExtract } from '@app/protocol';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { markdownToPlain, normalise, wordDiff } from './normalise.js';
import { recordScenario } from './record.js';

const seed = readFileSync(new URL('../fixtures/ks-au-2024-s65-delarsrapport.txt', import.meta.url), 'utf8');

function views() {
  const recorded = recordScenario(s65Commands);
  return {
    meeting: meetingView(recorded.meetingEvents(s65Ids.meetingId)),
    paragraph: paragraphView(recorded.paragraphEvents(s65Ids.paragraphId)),
  };
}

describe('§65 golden extract', () => {
  it('renders the recorded flow as the public extract, word for word', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text' });
    expect(wordDiff(text, seed)).toBeNull();
    expect(normalise(text).length).toBeGreaterThan(300);
  });

  it('reads well as plain text: one blank line between sections, lists kept together', () => {
    const { meeting, paragraph } = views();
    const text = renderExtract(paragraph, meeting, { format: 'text' });
    expect(text).toContain(
      '\n\nBeslut\n\nKommunstyrelsens arbetsutskott föreslår:\n\nKommunstyrelsen beslutar:\n\n1. ',
    );
    expect(text).toContain('tabell A nedan\n2. I övrigt');
    expect(text).toContain(
      '\n\nBeslutsunderlag\n\n- Tjänsteutlåtande - Delårsrapport per april kommunstyrelsen\n- Bilaga 1.',
    );
    expect(text).toContain(
      '\n\nBeslutet ska skickas till\n\nKommunstyrelsekontoret\n\nSamhällsbyggnadskontoret\n\n',
    );
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).not.toContain('**');
  });

  it('renders the same words as Markdown, with headings and a bold title', () => {
    const { meeting, paragraph } = views();
    const markdown = renderExtract(paragraph, meeting, { format: 'markdown' });
    expect(markdown).toContain('**Delårsrapport 1 per april 2024 för kommunstyrelsen**');
    expect(markdown).toContain('\n## Beslut\n');
    expect(markdown).toContain('\n### Yrkanden\n');
    expect(markdown).toContain('\n- Bilaga 4. Investeringsbilaga');
    expect(wordDiff(markdownToPlain(markdown), seed)).toBeNull();
  });
});

describe('recording the §65 scenario', () => {
  it('runs through the domain deciders, which refuse what breaks a rule', () => {
    const afterJustering = {
      type: 'ProposeMotion',
      data: {
        paragraphId: s65Ids.paragraphId,
        motionId: 'late-motion',
        proposerId: 'ksau-beronius',
        kind: 'fritt',
        text: 'För sent.',
      },
    } as const;
    expect(() => recordScenario([...s65Commands, afterJustering])).toThrow(/PARAGRAPH_JUSTIFIED/);
  });

  it('records who took part in the decision from the attendance', () => {
    const recorded = recordScenario(s65Commands);
    const decision = recorded.paragraphEvents(s65Ids.paragraphId).find((e) => e.type === 'DecisionAdopted');
    expect(decision?.data).toMatchObject({
      basedOn: { questionIds: [s65Ids.questionProposal, s65Ids.questionBeronius] },
    });
    expect(decision?.type === 'DecisionAdopted' && decision.data.participants.map((p) => p.name)).toEqual([
      'Helena Strand',
      'Robert Beronius',
      'Jonas Lindberg',
      'Marie Åkesson',
      'Lina Nord',
    ]);
  });
});
