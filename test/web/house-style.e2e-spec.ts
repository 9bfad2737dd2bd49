/**
 * The house-style page in a real browser against the real API: an administrator edits a body's
 * style, sees the sample paragraph change beside the editor, sees a Swedish error next to the
 * template that names an unknown variable, fixes it and adopts the style as version 1.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, WebTestServer, type WebTestUser } from './support/server.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const WAIT = { timeout: 30_000 };
// Refreshed only on request (UPDATE_SCREENSHOTS=1), like the live screen's picture.
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? 'docs/screenshots/house-style.png'
  : join(tmpdir(), `paragraf-house-style-${process.pid}.png`);

/** The preview (a sandboxed iframe) shows `text`. */
const previewShows = (page: Page, text: string) =>
  page.frameLocator('[data-testid=style-preview]').locator('body', { hasText: text }).waitFor(WAIT);
const problemsOf = (page: Page, field: string) => page.locator(`[data-testid="problems-${field}"]`);

async function signIn(page: Page, url: string, user: WebTestUser): Promise<void> {
  // One person per browser at a time: forget the previous session (cookie) first.
  await page.context().clearCookies();
  await page.goto(`${url}/`);
  await page.evaluate('sessionStorage.clear()');
  await page.goto(`${url}/#/`);
  await page.reload();
  await page.getByRole('button', { name: `Logga in som ${user}`, exact: true }).click();
  await page.getByRole('heading', { name: 'Sammanträden', exact: true }).waitFor(WAIT);
}

describeInBrowser('the house-style page', () => {
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

  it('an administrator edits, previews, is told of an unknown variable beside its template, fixes it and adopts version 1', async () => {
    await signIn(page, server.url, 'admin');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Husstil' }).click();
    await page.getByRole('heading', { name: 'Husstil', level: 1 }).waitFor(WAIT);

    // Choose the body; it has no style of its own yet, so the shipped default (version 0) loads.
    await page.fill('#style-body', 'mbn');
    await page.getByRole('button', { name: 'Hämta organets husstil' }).click();
    await page.getByTestId('style-source').filter({ hasText: 'organets mbn' }).waitFor(WAIT);
    await previewShows(page, '§23');

    // The paragraph number: the preview beside the editor follows.
    await page.getByLabel('Paragrafnummer', { exact: true }).fill('§ {{ number }}/{{ year }}');
    await previewShows(page, '§ 23/2025');

    // An unknown variable: the Swedish error appears next to that template, and adoption waits.
    await page.getByLabel('Diarienummer', { exact: true }).fill('Diarienummer: {{ diarienr }}');
    const caseNumberField = page.locator('[data-testid="field-templates.caseNumber"]');
    await caseNumberField
      .locator('[data-testid="problems-templates.caseNumber"]', { hasText: 'Okänd variabel ”diarienr”' })
      .waitFor(WAIT);
    expect(await problemsOf(page, 'templates.caseNumber').textContent()).toContain('Mallen kan använda: dnr');
    expect(await problemsOf(page, 'templates.paragraphNumber').count()).toBe(0);
    expect(await page.getByLabel('Diarienummer', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Anta husstilen' }).isDisabled()).toBe(true);
    await page.getByTestId('style-status').filter({ hasText: 'Utkastet har 1 fel' }).waitFor(WAIT);
    await caseNumberField.scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });

    // Fixed: the error goes, the preview shows both changes.
    await page.getByLabel('Diarienummer', { exact: true }).fill('Diarienummer: {{ dnr }}');
    await previewShows(page, 'Diarienummer: MBN 2025/41');
    await problemsOf(page, 'templates.caseNumber').waitFor({ state: 'detached', ...WAIT });
    await previewShows(page, '§ 23/2025');

    // A setting with a few possible values is chosen in words; the preview follows.
    await page.getByLabel('Beslutspunkterna skrivs som').selectOption({ label: 'Punktlista' });
    await page
      .frameLocator('[data-testid=style-preview]')
      .locator('ul li', { hasText: 'Anta taxan.' })
      .waitFor(WAIT);

    // Adopt: version 1, listed among the body's versions.
    const adopted = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/bodies/mbn/house-style',
      WAIT,
    );
    await page.getByRole('button', { name: 'Anta husstilen' }).click();
    expect((await adopted).status()).toBe(201);
    await page.getByTestId('style-adopted').filter({ hasText: 'Antagen som version 1.' }).waitFor(WAIT);
    await page.getByTestId('style-versions').filter({ hasText: 'Version 1' }).waitFor(WAIT);
    await page.getByTestId('style-status').filter({ hasText: 'som version 1' }).waitFor(WAIT);

    const current = await server.api('/bodies/mbn/house-style');
    expect(current.version).toBe(1);
    expect(current.style.templates.paragraphNumber).toBe('§ {{ number }}/{{ year }}');
    expect(current.style.templates.caseNumber).toBe('Diarienummer: {{ dnr }}');
    expect(current.style.settings.decisionList).toBe('bullets');

    // Loading the body again starts from version 1.
    await page.getByRole('button', { name: 'Hämta organets husstil' }).click();
    await page.getByTestId('style-source').filter({ hasText: 'version 1' }).waitFor(WAIT);
    expect(await page.getByLabel('Paragrafnummer', { exact: true }).inputValue()).toBe(
      '§ {{ number }}/{{ year }}',
    );
  }, 120_000);

  it('a clerk may preview but not adopt; a chair is not offered the page', async () => {
    await signIn(page, server.url, 'clerk');
    await page.getByRole('link', { name: 'Husstil' }).click();
    await page.getByRole('heading', { name: 'Husstil', level: 1 }).waitFor(WAIT);
    await previewShows(page, '§');
    await page.getByText('Bara en administratör kan anta en husstil.').first().waitFor(WAIT);
    expect(await page.getByRole('button', { name: 'Anta husstilen' }).count()).toBe(0);

    await signIn(page, server.url, 'chair');
    await page.getByRole('link', { name: 'Sammanträden' }).waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'Husstil' }).count()).toBe(0);
  }, 120_000);

  it('has no accessibility violations (axe-core, every impact level)', async () => {
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/#/styles`);
    await previewShows(page, '§');
    // With a problem shown beside a template, too.
    await page.getByLabel('Diarienummer', { exact: true }).fill('{{ diarienr }}');
    await problemsOf(page, 'templates.caseNumber').waitFor(WAIT);
    // Evaluated, not added as a <script>: the page's CSP refuses inline scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const { passes, violations } = (await page.evaluate(
      `axe.run(document).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })) }))`,
    )) as { passes: number; violations: unknown[] };
    expect(passes).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  }, 120_000);
});
