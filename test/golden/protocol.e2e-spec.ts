/**
 * The whole protocol of the second scenario's meeting, in plain text and Markdown: header,
 * paragraphs in § order, signature block and bevis om anslag.
 */
import { describe, expect, it } from '@jest/globals';
import { meetingView, paragraphView, renderProtocol } from '@app/protocol';
import { secondCommands, secondIds } from '../scenarios/second.js';
import { recordScenario } from './record.js';

const recorded = recordScenario(secondCommands);
const meeting = meetingView(recorded.meetingEvents(secondIds.meetingId));
const p41 = paragraphView(recorded.paragraphEvents(secondIds.p41));
const p42 = paragraphView(recorded.paragraphEvents(secondIds.p42));

/** Position of each needle in the text, failing clearly when one is missing. */
function positions(text: string, needles: string[]): number[] {
  return needles.map((needle) => {
    const at = text.indexOf(needle);
    if (at < 0) throw new Error(`Missing from the protocol: ${JSON.stringify(needle)}`);
    return at;
  });
}
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);

describe('renderProtocol (plain text)', () => {
  // Given out of order on purpose: the protocol sorts by §.
  const text = renderProtocol(meeting, [p42, p41], { format: 'text' });

  it('opens with the header: body, date and time, place, beslutande, others, secretary, justerare', () => {
    const header = text.slice(0, text.indexOf('§41'));
    expect(header).toContain('Protokoll\n\nUtbildningsnämnden\n\n');
    expect(header).toContain('Datum och tid\n\n2024-06-11 kl. 18:00–20:15\n\n');
    expect(header).toContain('Plats\n\nStadshuset, sammanträdesrum Ekbacken\n\n');
    const deciding = header.slice(header.indexOf('Beslutande\n'), header.indexOf('Övriga närvarande'));
    expect(deciding.split('\n').filter((l) => l.trim())).toEqual([
      'Beslutande',
      'Maria Lindgren (M), ordförande',
      'Johan Berg (M)',
      'Sara Holmberg (M)',
      'Erik Wallin (M)',
      'Sofia Nyström (KD)',
      'Per Ahlberg (L)',
      'Hanna Ek (L)',
      'Tomas Wiklund (C)',
      'Karin Dahl (C)',
      'Mats Olsson (SD)',
      'Linnea Falk (SD)',
      'Anders Nilsson (S)',
      'Eva Lund (S)',
      'Leila Haddad (V)',
      'Lars Holm (MP)',
      'Cecilia Ström (M), tjänstgörande ersättare för Fredrik Sand (M)',
    ]);
    expect(header).toContain(
      'Övriga närvarande\n\nNils Berglund (KD), ersättare\nMikael Strand, förvaltningschef\nElin Åberg, controller\n\n',
    );
    expect(header).toContain('Frånvarande\n\nFredrik Sand (M)\nBjörn Sjögren (S)\nAli Demir (S)\n\n');
    expect(header).toContain('Sekreterare\n\nJohanna Björk\n\n');
    expect(header).toContain('Justerare\n\nKarin Dahl (C)\n\n');
    expect(header).toContain(
      'Justeringens tid och plats\n\n2024-06-13 kl. 09:00, Utbildningsförvaltningen\n\n',
    );
    expect(header).toContain('Paragrafer\n\n§§ 41–42\n\n');
  });

  it('has every paragraph in § order, each with its Dnr and decision, then the signatures', () => {
    const order = positions(text, [
      '§41 Sammanslagning av Ekbacka skola och Tallåsens skola',
      'Dnr UN 2024-88',
      'Omröstningsresultat: Med 11 ja-röster',
      '§42 Reviderade riktlinjer för skolskjuts',
      'Dnr UN 2024-102',
      'Utbildningsnämnden beslutar att återremittera ärendet',
      'Underskrifter',
    ]);
    expect(ascending(order)).toBe(true);
    // Justerat with the whole protocol: each paragraph says so.
    expect(text.match(/^Paragrafen är justerad$/gm)).toHaveLength(2);
    // Page footers belong to extracts, not to the protocol.
    expect(text).not.toContain('Justerandes sign');
  });

  it('ends with the signature block and the bevis om anslag with the appeal period', () => {
    const tail = text.slice(text.indexOf('Underskrifter'));
    const signatures = positions(tail, [
      'Sekreterare',
      'Johanna Björk',
      'Ordförande',
      'Maria Lindgren (M)',
      'Justerare',
      'Karin Dahl (C)',
    ]);
    expect(ascending(signatures)).toBe(true);
    expect(tail.match(/^\.{10,}$/gm)).toHaveLength(3);
    expect(tail).toContain('Protokollet justerades 2024-06-13 av Maria Lindgren (M) och Karin Dahl (C).');
    expect(tail).toContain('Bevis om anslag');
    expect(tail).toContain('Datum då anslaget sätts upp: 2024-06-14');
    // Computed by the domain: the same weekday three weeks later.
    expect(tail).toContain('Sista dag för överklagande: 2024-07-05');
    expect(tail).toContain('Förvaringsplats för protokollet: Utbildningsförvaltningen, Stadshuset');
  });

  it('leaves out paragraphs of other meetings', () => {
    const other = { ...p42, meetingId: 'another-meeting', number: 99 };
    expect(renderProtocol(meeting, [p41, other], { format: 'text' })).not.toContain('§99');
  });
});

describe('renderProtocol and renderExtract (Markdown)', () => {
  const markdown = renderProtocol(meeting, [p41, p42], { format: 'markdown' });

  it('uses headings for the protocol, its sections and each paragraph', () => {
    expect(markdown.startsWith('# Protokoll\n\n**Utbildningsnämnden**\n\n## Datum och tid\n\n')).toBe(true);
    const order = positions(markdown, [
      '\n## Beslutande\n',
      '\n## §41 Sammanslagning av Ekbacka skola och Tallåsens skola\n',
      '\n### Beslut\n',
      '\n#### Yrkanden\n',
      '\n##### Omröstning\n',
      '\n## §42 Reviderade riktlinjer för skolskjuts\n',
      '\n## Underskrifter\n',
    ]);
    expect(ascending(order)).toBe(true);
  });

  it('writes lists and the roll-call table as Markdown', () => {
    expect(markdown).toContain('Maria Lindgren (M), ordförande  \nJohan Berg (M)  \n');
    expect(markdown).toContain('- Bilaga 2. Barnkonsekvensanalys');
    expect(markdown).toContain('1. Slå samman Ekbacka skola och Tallåsens skola');
    expect(markdown).toContain(
      '| Ledamot | Parti | Ja | Nej | Avstår |\n| --- | --- | --- | --- | --- |\n| Johan Berg | M | X |  |  |',
    );
    expect(markdown).toContain('| **Summa** |  | **11** | **2** | **2** |');
    expect(markdown).not.toMatch(/\n{3,}/);
  });
});
