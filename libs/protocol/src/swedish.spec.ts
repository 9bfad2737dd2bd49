import { describe, expect, it } from '@jest/globals';
import {
  countNoun,
  dateOf,
  genitive,
  joinList,
  midSentence,
  personGenitive,
  personWithParty,
  sentence,
  sentenceStart,
  timeOf,
} from './swedish.js';

describe('midSentence', () => {
  it('lower-cases only the first letter of a body name', () => {
    expect(midSentence('Kommunstyrelsens arbetsutskott')).toBe('kommunstyrelsens arbetsutskott');
    expect(midSentence('Miljönämnden i Lidingö stad')).toBe('miljönämnden i Lidingö stad');
    expect(midSentence('Ärendeberedningen')).toBe('ärendeberedningen');
    expect(midSentence('')).toBe('');
  });

  it('sentenceStart is its counterpart', () => {
    expect(sentenceStart('slå samman skolorna')).toBe('Slå samman skolorna');
    expect(sentenceStart('återremiss')).toBe('Återremiss');
  });
});

describe('genitive', () => {
  it('adds -s to most words', () => {
    expect(genitive('kommunstyrelsekontoret')).toBe('kommunstyrelsekontorets');
    expect(genitive('tjänsteutlåtande')).toBe('tjänsteutlåtandes');
    expect(genitive('Anna Andersson')).toBe('Anna Anderssons');
  });

  it('adds nothing after s, x or z, in either case', () => {
    expect(genitive('Robert Beronius')).toBe('Robert Beronius');
    expect(genitive('Max')).toBe('Max');
    expect(genitive('Fritz')).toBe('Fritz');
    expect(genitive('KLAS')).toBe('KLAS');
  });

  it('puts the -s on the name and keeps the party after it', () => {
    expect(personGenitive('Robert Beronius', 'L')).toBe('Robert Beronius (L)');
    expect(personGenitive('Anders Nilsson', 'S')).toBe('Anders Nilssons (S)');
    expect(personWithParty('Leila Haddad', 'V')).toBe('Leila Haddad (V)');
    expect(personWithParty('Karin Sjödin', '')).toBe('Karin Sjödin');
  });
});

describe('joinList', () => {
  it('joins with commas and a final "och", no comma before it', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['A'])).toBe('A');
    expect(joinList(['A', 'B'])).toBe('A och B');
    expect(joinList(['A', 'B', 'C'])).toBe('A, B och C');
    expect(joinList(['A', 'B'], 'eller')).toBe('A eller B');
  });
});

describe('small helpers', () => {
  it('counts with singular and plural', () => {
    expect(countNoun(1, 'ja-röst', 'ja-röster')).toBe('1 ja-röst');
    expect(countNoun(11, 'ja-röst', 'ja-röster')).toBe('11 ja-röster');
    expect(countNoun(0, 'ja-röst', 'ja-röster')).toBe('0 ja-röster');
  });

  it('reads the local date and time of an instant as recorded', () => {
    expect(dateOf('2024-05-29T10:00:00+02:00')).toBe('2024-05-29');
    expect(dateOf('2024-05-29')).toBe('2024-05-29');
    expect(timeOf('2024-05-29T10:05:00+02:00')).toBe('10:05');
    expect(timeOf('13:00')).toBe('13:00');
  });

  it('ends a sentence with a full stop only when it has none', () => {
    expect(sentence('Beslutet gäller')).toBe('Beslutet gäller.');
    expect(sentence('Beslutet gäller.')).toBe('Beslutet gäller.');
    expect(sentence('Gäller beslutet? ')).toBe('Gäller beslutet?');
  });
});

describe('times are shown in Europe/Stockholm', () => {
  it('moves a UTC instant late in the evening to the next day in Sweden', () => {
    expect(dateOf('2024-05-28T22:30:00Z')).toBe('2024-05-29');
    expect(timeOf('2024-05-28T22:30:00Z')).toBe('00:30');
  });
  it('follows winter time and keeps instants recorded with a Swedish offset', () => {
    expect(timeOf('2024-01-15T08:00:00.000Z')).toBe('09:00');
    expect(timeOf('2024-05-27T13:00:00+02:00')).toBe('13:00');
    expect(dateOf('2024-05-27')).toBe('2024-05-27');
    expect(timeOf('09:15')).toBe('09:15');
  });
});
