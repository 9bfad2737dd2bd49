/**
 * Bodies in the web page (issue 15, docs/adr/0036): an administrator creates a body and keeps its
 * roster on **Organ**; **Nytt sammanträde** then fills the members in from the roster on the date,
 * so the clerk types no member at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, WebTestServer } from './support/server.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describeInBrowser('bodies and rosters in the web page', () => {
  let server: WebTestServer;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    ensureWebBuilt();
    server = new WebTestServer(await freePort());
    await server.start();
    session = await openBrowser();
    page = session.page;
    await page.goto(`${server.url}/`);
    await page.fill('#token', server.tokens.admin);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { name: 'Sammanträden', exact: true }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  });

  async function addMember(name: string, party: string, office: string) {
    await page.fill('#nm-name', name);
    await page.fill('#nm-party', party);
    await page.selectOption('#nm-office', office);
    await page.fill('#nm-from', '2023-01-01');
    await page.fill('#nm-until', '2026-12-31');
    const accepted = page.waitForResponse((r) => r.url().endsWith('/bodies/bmn/memberships'));
    await page.getByRole('button', { name: 'Lägg till uppdraget' }).click();
    expect((await accepted).status()).toBe(201);
    await page.getByTestId('roster').getByRole('cell', { name, exact: true }).waitFor();
  }

  it('an admin creates a body and its roster; a new meeting takes the members with no typing', async () => {
    await page.getByRole('link', { name: 'Organ' }).click();
    await page.getByRole('heading', { name: 'Organ', exact: true }).waitFor();
    await page.fill('#nb-id', 'bmn');
    await page.fill('#nb-name', 'Bygg- och miljönämnden');
    await page.fill('#nb-short', 'BMN');
    await page.getByRole('button', { name: 'Lägg till organet' }).click();
    await page.getByTestId('bodies').getByRole('cell', { name: 'Bygg- och miljönämnden' }).waitFor();
    await page.getByRole('heading', { name: /Ledamöter och ersättare – Bygg- och miljönämnden/ }).waitFor();

    await addMember('Anna Ek', 'S', 'ordforande');
    await addMember('Per Holm', 'M', '');
    await addMember('Lisa Sten', 'C', 'vice_ordforande');

    await page.getByRole('link', { name: 'Sammanträden' }).click();
    await page.fill('#body-id', 'bmn');
    await page.fill('#date', '2024-05-27');
    await page.getByTestId('roster-prefilled').waitFor();
    await expect(page.locator('#body-name').inputValue()).resolves.toBe('Bygg- och miljönämnden');
    const names = await page
      .locator('input[name=member-name]')
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
    expect(names).toEqual(['Anna Ek', 'Lisa Sten', 'Per Holm']);
    await page.fill('#place', 'Kommunhuset');
    await page.fill('#secretary', 'Karin Sjödin');
    const scheduled = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/meetings',
    );
    await page.getByRole('button', { name: 'Planera sammanträdet' }).click();
    expect((await scheduled).status()).toBe(201);
    const events = await server.events();
    const meeting = events.find((e) => e.type === 'MeetingScheduled')!.data as {
      chair: string;
      members: { memberId: string; name: string }[];
    };
    expect(meeting.members.map((m) => m.name)).toEqual(['Anna Ek', 'Lisa Sten', 'Per Holm']);
    expect(meeting.chair).toBe('bmn-anna-ek');
  });

  it('the Organ page has no accessibility violations (axe-core, every impact level)', async () => {
    await page.goto(`${server.url}/#/bodies`);
    await page.getByTestId('roster').waitFor();
    // Evaluated, not added as a <script>: the page's CSP refuses inline scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const { passes, violations } = (await page.evaluate(
      `axe.run(document).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })) }))`,
    )) as { passes: number; violations: { id: string; impact: string; nodes: number; help: string }[] };
    expect(passes).toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });
});
