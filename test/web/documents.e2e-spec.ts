/**
 * The documents in the browser: the second scenario's §41 (a roll-call votering of 17 seats)
 * recorded over HTTP, then shown in the clerk's live page and in the public view. The roll call
 * must be a table whose columns line up (each mark under its heading), and printing must show
 * the document only.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { secondCommands, secondIds } from '../scenarios/second.js';
import { toHttp } from '../api/support/driver.js';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, WebTestServer } from './support/server.js';

/**
 * The roll-call table inside `scope`: every row has the same number of cells, and each column's
 * cells share their left edge with its header cell (to the pixel), so "X" sits under "Ja".
 */
async function expectAlignedRollCall(scope: Locator): Promise<void> {
  const table = scope.locator('table').filter({ has: scope.page().locator('th', { hasText: 'Avstår' }) });
  await table.first().waitFor();
  // The test's tsconfig has no DOM types: the little of a table this reads, typed here.
  type Cell = { getBoundingClientRect(): { left: number; width: number }; textContent: string | null };
  type Table = { rows: ArrayLike<{ cells: ArrayLike<Cell> }> };
  const geometry = await table.first().evaluate((t) =>
    Array.from((t as unknown as Table).rows).map((row) =>
      Array.from(row.cells).map((cell) => {
        const box = cell.getBoundingClientRect();
        return { left: Math.round(box.left), width: Math.round(box.width), text: cell.textContent ?? '' };
      }),
    ),
  );
  const [header, ...rows] = geometry;
  expect(header!.map((c) => c.text)).toEqual(['Ledamot', 'Parti', 'Ja', 'Nej', 'Avstår']);
  expect(rows.length).toBe(16); // 15 taking part and the totals row
  for (const row of rows) {
    expect(row).toHaveLength(header!.length);
    row.forEach((cell, c) => {
      expect(cell.left).toBe(header![c]!.left);
      expect(cell.width).toBe(header![c]!.width);
    });
  }
  const nilsson = rows.find((r) => r[0]!.text === 'Anders Nilsson')!;
  expect(nilsson.map((c) => c.text)).toEqual(['Anders Nilsson', 'S', '', 'X', '']);
  expect(rows.at(-1)!.map((c) => c.text)).toEqual(['Summa', '', '11', '2', '2']);
}

describeInBrowser('documents in the web page', () => {
  let server: WebTestServer;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    server = new WebTestServer(await freePort());
    await server.start();
    for (const command of secondCommands) {
      const step = toHttp(command);
      if (step)
        await server.api(step.path, { body: step.body, user: step.user === 'chair' ? 'chair' : 'clerk' });
    }
    session = await openBrowser();
    page = session.page;
    await page.goto(`${server.url}/`);
    // No identity provider configured: the page offers the development users.
    await page.getByRole('button', { name: 'Logga in som clerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Sammanträden', exact: true }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  });

  it("shows the roll call as a table with aligned columns in the clerk's live page", async () => {
    await page.goto(`${server.url}/#/live/${secondIds.meetingId}/${secondIds.p41}`);
    const extract = page.getByTestId('extract');
    await extract.locator('article.paragraf-document').waitFor();
    await expectAlignedRollCall(extract);
    await expect(page.getByRole('button', { name: 'Ladda ner PDF' }).isVisible()).resolves.toBe(true);
  }, 180_000);

  it('downloads the extract as PDF under the name a clerk would use', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ner PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Protokollsutdrag UN 2024-06-11 §41.pdf');
  }, 180_000);

  it('prints the document only (Ctrl+P): the panes around it are left out', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const extract = page.getByTestId('extract');
      await expect(extract.isVisible()).resolves.toBe(true);
      await expect(page.locator('.agenda-pane').isVisible()).resolves.toBe(false);
      await expect(page.locator('.record-pane').isVisible()).resolves.toBe(false);
      await expect(page.locator('#extract-h').isVisible()).resolves.toBe(false);
      await expectAlignedRollCall(extract);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  }, 180_000);

  it('shows the roll call as a table with aligned columns in the public view', async () => {
    const publicPage = await session.context.newPage();
    try {
      // Not signed in: the public view and its documents need no token.
      await publicPage.goto(`${server.url}/#/public/${secondIds.meetingId}`);
      const extract = publicPage.getByTestId('public-extract-41');
      // The read models follow the events in their own thread: generous wait.
      await extract.locator('table').first().waitFor({ timeout: 60_000 });
      await expectAlignedRollCall(extract);
    } finally {
      await publicPage.close();
    }
  }, 180_000);
});
