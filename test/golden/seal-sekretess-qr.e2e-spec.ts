/**
 * The renderer's part of issue 13's last items: the "Kontrollsumma" line of a justified
 * document (docs/adr/0031), what the public sees of a paragraph with sekretess (docs/adr/0030),
 * and the QR code drawn on a certified extract's PDF (the matrix drawn is qrcode's).
 */
import { describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';
import {
  drawQr,
  extractDocument,
  meetingView,
  paragraphView,
  protocolDocument,
  qrMatrix,
  writeDocument,
  type ParagraphView,
  type SealNote,
} from '@app/protocol';
import { readFileSync } from 'node:fs';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { wordDiff } from './normalise.js';
import { recordScenario } from './record.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

const s65 = recordScenario(s65Commands);
const meeting = meetingView(s65.meetingEvents(s65Ids.meetingId));
const paragraph = paragraphView(s65.paragraphEvents(s65Ids.paragraphId));
const seal: SealNote = {
  root: 'ab'.repeat(32),
  upTo: '4711',
  sealedAt: '2024-05-29T08:00:01.000Z',
};
const SEAL_LINE =
  'Kontrollsumma (försegling 2024-05-29, till och med position 4711): ' +
  Array.from({ length: 8 }, () => 'abababab').join(' ');

const confidential: ParagraphView = {
  ...paragraph,
  confidential: {
    provision: '26 kap. 1 §',
    reason: 'uppgifter om enskilds hälsa',
    by: { name: 'Karin Sjödin' },
    at: '2024-05-30T09:00:00+02:00',
  },
};

describe('Kontrollsumma: the seal covering the justering', () => {
  it('a justified extract prints the seal line, in every text format; the rest is the golden text', () => {
    const doc = extractDocument(paragraph, meeting, { seal });
    const text = writeDocument(doc, 'text');
    expect(text.split('\n')).toContain(SEAL_LINE);
    expect(writeDocument(doc, 'markdown')).toContain('Kontrollsumma (försegling 2024-05-29');
    expect(writeDocument(doc, 'html')).toContain(`<p>${SEAL_LINE}</p>`);
    expect(wordDiff(text.replace(SEAL_LINE, ''), fixture('ks-au-2024-s65-delarsrapport.txt'))).toBeNull();
  });

  it('without a seal, or before justering, nothing changes', () => {
    expect(writeDocument(extractDocument(paragraph, meeting), 'text')).not.toContain('Kontrollsumma');
    const open: ParagraphView = { ...paragraph, justering: null };
    expect(writeDocument(extractDocument(open, meeting, { seal }), 'text')).not.toContain('Kontrollsumma');
    // The protocol prints it under "Protokollet justerades …", only once the protocol is justified.
    expect(writeDocument(protocolDocument(meeting, [paragraph], { seal }), 'text')).not.toContain(
      'Kontrollsumma',
    );
    const justified = {
      ...meeting,
      justified: { by: [meeting.chair!], at: '2024-05-29T10:00:00+02:00' },
    };
    const lines = writeDocument(protocolDocument(justified, [paragraph], { seal }), 'text').split('\n');
    const at = lines.indexOf(SEAL_LINE);
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(0, at).findLast((l) => l.length > 0)).toMatch(/^Protokollet justerades 2024-05-29 av/);
  });
});

describe('sekretess: the public sees the heading and the beslut', () => {
  it('the public extract and protocol keep §, rubrik and beslut, drop everything else, cite the provision', () => {
    const full = writeDocument(extractDocument(confidential, meeting), 'text');
    const pub = writeDocument(extractDocument(confidential, meeting, { audience: 'public' }), 'text');
    // What the full extract has and the public must not: the yrkande, the motivering, the summary.
    const motion = confidential.motions[0]!;
    expect(full).toContain('Yrkanden');
    expect(full).toContain(motion.proposer.name);
    expect(pub).not.toContain('Yrkanden');
    expect(pub).not.toContain('Beslutande sammanträde');
    expect(pub).not.toContain(motion.proposer.name);
    for (const line of confidential.summary) expect(pub).not.toContain(line.slice(0, 40));
    expect(pub).toContain(confidential.title);
    expect(pub).toContain('§65');
    const decided = confidential.decisions.at(-1)!;
    const decidedText = JSON.stringify(decided.content ?? confidential.proposal.decision);
    const firstItem = /"(Godkänna[^"]{0,30})/.exec(decidedText)?.[1] ?? null;
    if (firstItem) expect(pub).toContain(firstItem);
    expect(pub).toContain(
      'Paragrafens övriga innehåll omfattas av sekretess enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400) och visas inte här.',
    );
    expect(pub).not.toContain('uppgifter om enskilds hälsa');
    expect(pub.length).toBeLessThan(full.length / 2);

    const protocol = writeDocument(protocolDocument(meeting, [confidential], { audience: 'public' }), 'text');
    expect(protocol).toContain(`${confidential.title}`);
    expect(protocol).not.toContain('Yrkanden');
    // The § itself (the header names the members anyway): no yrkande, no proposer.
    const section = protocol.slice(protocol.indexOf('§65 '), protocol.indexOf('Underskrifter'));
    expect(section).not.toContain(motion.proposer.name);
    expect(protocol).toContain('omfattas av sekretess enligt 26 kap. 1 §');
  });

  it('clerks and auditors (audience full, the default) see everything; an unmarked paragraph is the same for all', () => {
    const full = writeDocument(extractDocument(confidential, meeting), 'text');
    expect(full).toEqual(writeDocument(extractDocument(paragraph, meeting), 'text'));
    expect(writeDocument(extractDocument(paragraph, meeting, { audience: 'public' }), 'text')).toEqual(
      writeDocument(extractDocument(paragraph, meeting), 'text'),
    );
  });
});

describe('the QR code on a certified extract', () => {
  const url = 'https://paragraf.example.se/verify?code=7K3M-Q9TX-2BHD';

  it("draws exactly qrcode's module matrix for the URL, as rectangles", () => {
    const expected = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    const rects: [number, number, number, number][] = [];
    let fills = 0;
    drawQr({ rect: (x, y, w, h) => rects.push([x, y, w, h]), fill: () => fills++ }, qrMatrix(url), 10, 20, 2);
    expect(fills).toBe(1);
    // Paint the rectangles back onto a grid and compare module by module.
    const grid = Array.from({ length: expected.size }, () => new Array<boolean>(expected.size).fill(false));
    for (const [x, y, w, h] of rects) {
      expect(h).toBe(2);
      const row = (y - 20) / 2;
      for (let c = (x - 10) / 2; c < (x - 10 + w) / 2; c++) {
        expect(grid[row]![c]).toBe(false); // no module painted twice
        grid[row]![c] = true;
      }
    }
    for (let r = 0; r < expected.size; r++) {
      for (let c = 0; c < expected.size; c++)
        expect([r, c, grid[r]![c]]).toEqual([r, c, expected.get(r, c) === 1]);
    }
    // Another URL gives another picture: the test can tell them apart.
    expect(qrMatrix(`${url}X`)).not.toEqual(qrMatrix(url));
  });
});
