/**
 * The clerk marks a paragraph as containing sekretess on the preparation page (docs/adr/0030):
 * the provision is recorded, the public protocol then shows heading, beslut and the provision
 * only; the clerk lifts the marking again from the same place.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { s65Body, s65Members } from '../scenarios/s65.js';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, signInAs, WebTestServer } from './support/server.js';

const WAIT = { timeout: 30_000 };
const SUMMARY = 'Den enskildes ekonomiska förhållanden har utretts.';

/** The public protocol as text, once it satisfies `ok` (the read model follows the store). */
async function publicProtocol(url: string, meetingId: string, ok: (text: string) => boolean) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = await (await fetch(`${url}/protocols/${meetingId}?format=text`)).text();
    if (ok(text) || Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeInBrowser('sekretess on the preparation page', () => {
  let server: WebTestServer;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    server = new WebTestServer(await freePort());
    await server.start();
    session = await openBrowser();
    page = session.page;
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  }, 180_000);

  it('the clerk marks a paragraph with the provision and lifts it again', async () => {
    const { meetingId } = await server.api('/meetings', {
      body: {
        body: s65Body,
        date: '2024-06-12',
        startTime: '13:00',
        place: 'Stadshuset',
        chair: 'ksau-ordf',
        secretary: { name: 'Karin Sjödin' },
        members: s65Members,
      },
    });
    const { paragraphId } = await server.api(`/meetings/${meetingId}/paragraphs`, {
      body: {
        caseNumber: 'KS 2024-101',
        title: 'Ansökan om bistånd',
        summary: [SUMMARY],
        basisDocuments: ['Tjänsteutlåtande'],
        proposal: {
          proposer: 'kommunstyrelsekontoret',
          decision: { ownDecisions: ['Bevilja ansökan.'] },
        },
      },
    });
    await signInAs(page, server.url, 'clerk');
    await page.goto(`${server.url}/#/prepare/${meetingId}`);
    await page.getByRole('heading', { name: 'Föredragningslista' }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Markera sekretess' }).click();
    await page.getByLabel('Bestämmelse i offentlighets- och sekretesslagen (kap. och §)').fill('26 kap. 1 §');
    await page.getByLabel('Skäl (visas inte för allmänheten)').fill('socialtjänst');
    await page.getByRole('button', { name: 'Markera', exact: true }).click();
    await page.getByText('enligt 26 kap. 1 § OSL').waitFor(WAIT);

    const { paragraph } = await server.api(`/paragraphs/${paragraphId}`);
    expect(paragraph.confidential).toMatchObject({ provision: '26 kap. 1 §', reason: 'socialtjänst' });
    const hidden = await publicProtocol(server.url, meetingId, (t) => t.includes('omfattas av sekretess'));
    expect(hidden).toContain('Ansökan om bistånd');
    expect(hidden).toContain('enligt 26 kap. 1 § offentlighets- och sekretesslagen (2009:400)');
    expect(hidden).not.toContain(SUMMARY);

    page.once('dialog', (dialog) => void dialog.accept('felbedömning'));
    await page.getByRole('button', { name: 'Häv sekretess' }).click();
    await page.getByRole('button', { name: 'Markera sekretess' }).waitFor(WAIT);
    const shown = await publicProtocol(server.url, meetingId, (t) => t.includes(SUMMARY));
    expect(shown).toContain(SUMMARY);
    expect(shown).not.toContain('omfattas av sekretess');
  });
});
