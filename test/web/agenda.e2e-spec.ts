/**
 * The föredragningslista in a new order (issue 16, docs/adr/0055): on the preparation page the
 * clerk moves an item with the arrow buttons (keyboard, touch) and by dragging it; the § numbers
 * follow the new order, and the focus stays with the moved item.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { s65Body, s65Members } from '../scenarios/s65.js';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, signInAs, WebTestServer } from './support/server.js';

const TITLES = ['Anmälningar', 'Delårsrapport', 'Val av justerare'];

describeInBrowser('the agenda in a new order', () => {
  let server: WebTestServer;
  let session: BrowserSession;
  let page: Page;
  let meetingId: string;

  /** The agenda as the page shows it, item by item: "§1 Anmälningar". */
  const shown = () =>
    page
      .locator('ol.agenda > li > a')
      .allTextContents()
      .then((texts) => texts.map((t) => t.trim()));
  const until = (expected: string[]) =>
    page.waitForFunction(
      (want) =>
        JSON.stringify(
          [...document.querySelectorAll('ol.agenda > li > a')].map((a) => a.textContent?.trim()),
        ) === JSON.stringify(want),
      expected,
    );
  /** The § numbers the API has for each title. */
  const recorded = async () => {
    const { paragraphs } = await server.api(`/meetings/${meetingId}`);
    return (paragraphs as { number: number; title: string }[]).map((p) => `§${p.number} ${p.title}`);
  };

  beforeAll(async () => {
    ensureWebBuilt();
    server = new WebTestServer(await freePort());
    await server.start();
    session = await openBrowser();
    page = session.page;
    ({ meetingId } = await server.api('/meetings', {
      body: {
        body: s65Body,
        date: '2024-06-19',
        startTime: '13:00',
        place: 'Stadshuset',
        chair: 'ksau-ordf',
        secretary: { name: 'Karin Sjödin' },
        members: s65Members,
      },
    }));
    for (const title of TITLES) {
      await server.api(`/meetings/${meetingId}/paragraphs`, {
        body: {
          title,
          summary: [],
          basisDocuments: [],
          proposal: { proposer: 'ordföranden', decision: { ownDecisions: [`att behandla ${title}.`] } },
        },
      });
    }
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  }, 180_000);

  it('moves an item by keyboard: the numbers follow, and the focus stays on the moved item', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await signInAs(page, server.url, 'clerk');
    await page.goto(`${server.url}/#/prepare/${meetingId}`);
    await until(['§1 Anmälningar', '§2 Delårsrapport', '§3 Val av justerare']);

    const down = page.getByRole('button', { name: 'Flytta ned §1 Anmälningar' });
    const box = await down.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    await down.focus();
    await page.keyboard.press('Enter');
    await until(['§1 Delårsrapport', '§2 Anmälningar', '§3 Val av justerare']);
    // The focus follows the item to its new place, on the button that moves it on.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Flytta ned §2 Anmälningar',
    );
    await page.keyboard.press('Enter');
    await until(['§1 Delårsrapport', '§2 Val av justerare', '§3 Anmälningar']);
    expect(await recorded()).toEqual(['§1 Delårsrapport', '§2 Val av justerare', '§3 Anmälningar']);
    // At the last place "down" is gone, and the focus is on "up".
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Flytta upp §3 Anmälningar',
    );
    expect(await page.getByRole('button', { name: 'Flytta ned §3 Anmälningar' }).isDisabled()).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(768);
  });

  it('moves an item by dragging it onto another place', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const items = page.locator('ol.agenda > li');
    await items.nth(2).dragTo(items.nth(0));
    await until(['§1 Anmälningar', '§2 Delårsrapport', '§3 Val av justerare']);
    expect(await recorded()).toEqual(['§1 Anmälningar', '§2 Delårsrapport', '§3 Val av justerare']);
    expect(await shown()).toEqual(await recorded());
  });

  it('the live screen leads to the same list ("Ändra ordningen")', async () => {
    await page.goto(`${server.url}/#/live/${meetingId}`);
    await page.getByRole('link', { name: 'Ändra ordningen' }).click();
    await page.getByRole('button', { name: 'Flytta ned §1 Anmälningar' }).waitFor();
    expect(page.url()).toContain(`#/prepare/${meetingId}`);
  });
});
