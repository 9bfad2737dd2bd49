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
import { ensureWebBuilt, freePort, signInAs, WebTestServer } from './support/server.js';

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
    await signInAs(page, server.url, 'admin');
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
    await page
      .getByTestId('bodies')
      .getByRole('cell', { name: 'Bygg- och miljönämnden', exact: true })
      .waitFor();
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

  it('Efter mötet sends a förslag on; the receiving body takes it up on Organ, with its lineage', async () => {
    const seat = (memberId: string, name: string, office?: string) => ({
      memberId,
      name,
      party: 'S',
      role: 'ledamot',
      ...(office ? { office } : {}),
      mandatePeriod: '2023-2026',
      from: '2023-01-01',
    });
    const admin = { user: 'admin' as const };
    await server.api('/bodies', {
      ...admin,
      body: { bodyId: 'ks', name: 'Kommunstyrelsen', shortName: 'KS', kind: 'styrelse' },
    });
    await server.api('/bodies', {
      ...admin,
      body: {
        bodyId: 'ks-au',
        name: 'Kommunstyrelsens arbetsutskott',
        shortName: 'KSAU',
        kind: 'utskott',
        preparesFor: 'ks',
      },
    });
    for (const [body, prefix] of [
      ['ks-au', 'au'],
      ['ks', 'ks'],
    ]) {
      for (const [i, name] of ['Helena Strand', 'Robert Beronius', 'Marie Åkesson'].entries()) {
        await server.api(`/bodies/${body}/memberships`, {
          ...admin,
          body: seat(`${prefix}-${i}`, name, i === 0 ? 'ordforande' : undefined),
        });
      }
    }
    const meetingOf = async (bodyId: string, date: string, prefix: string) => {
      const { meetingId } = await server.api('/meetings', {
        body: { bodyId, date, startTime: '13:00', place: 'Stadshuset', secretary: { name: 'Karin Sjödin' } },
      });
      await server.api(`/meetings/${meetingId}/attendance`, {
        body: { present: [0, 1, 2].map((i) => `${prefix}-${i}`), absent: [], servingSubstitutes: [] },
      });
      await server.api(`/meetings/${meetingId}/adjusters`, {
        body: { adjusters: [`${prefix}-1`], justeringAt: `${date}T16:00:00+02:00`, justeringPlace: 'KSK' },
      });
      await server.api(`/meetings/${meetingId}/open`, { body: {} });
      return meetingId as string;
    };
    const au = await meetingOf('ks-au', '2024-05-27', 'au');
    const { paragraphId } = await server.api(`/meetings/${au}/paragraphs`, {
      body: {
        caseNumber: 'KS 2024-99',
        title: 'Ny cykelväg',
        summary: ['Förslag om en ny cykelväg.'],
        basisDocuments: ['Tjänsteutlåtande'],
        proposal: {
          proposer: 'kommunstyrelsekontoret',
          decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Bygga cykelvägen.'] } },
        },
      },
    });
    await server.api(`/paragraphs/${paragraphId}/questions`, {
      body: { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
    });
    await server.api(`/paragraphs/${paragraphId}/decision`, {
      body: {
        kind: 'sakbeslut',
        content: { proposesTo: { body: 'Kommunstyrelsen', items: ['Bygga cykelvägen.'] } },
      },
    });
    const ks = await meetingOf('ks', '2024-06-10', 'ks');

    await page.goto(`${server.url}/#/after/${au}`);
    const sent = page.waitForResponse((r) => r.url().endsWith(`/paragraphs/${paragraphId}/forward`));
    await page.getByRole('button', { name: 'Skicka förslaget vidare till Kommunstyrelsen' }).click();
    expect((await sent).status()).toBe(201);

    await page.goto(`${server.url}/#/bodies`);
    await page
      .getByTestId('bodies')
      .getByRole('row', { name: /^ks Kommunstyrelsen/ })
      .getByRole('button', { name: 'Visa ledamöter' })
      .click();
    const incoming = page.getByTestId('incoming');
    await incoming.getByText('Ny cykelväg').waitFor();
    await incoming
      .getByText(/Kommunstyrelsens arbetsutskott 2024-05-27 § 1: förslag till Kommunstyrelsen/)
      .waitFor();
    await page.getByLabel('Sammanträdets id').fill(ks);
    const opened = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/paragraph'),
    );
    await page.getByRole('button', { name: 'Ta upp i sammanträdet' }).click();
    expect((await opened).status()).toBe(201);
    await page.waitForURL((url) => url.hash === `#/prepare/${ks}`);
    const protocol = (await server.api(`/meetings/${ks}/protocol?format=text`, {
      accept: 'text/plain',
    })) as string;
    expect(protocol.replace(/\s+/g, ' ')).toContain(
      'Kommunstyrelsens arbetsutskott föreslog 2024-05-27, § 1, att kommunstyrelsen beslutar: Bygga cykelvägen.',
    );
  });

  it("an admin sets a body's omedelbar-justering default on Organ (docs/adr/0053)", async () => {
    await page.getByRole('link', { name: 'Organ' }).click();
    const box = page
      .getByTestId('bodies')
      .getByRole('checkbox', { name: 'förvald för Bygg- och miljönämnden' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/bodies/bmn'),
    );
    await box.click(); // the box shows the register: it turns ticked once the change is stored
    expect((await saved).status()).toBe(200);
    await page
      .getByTestId('bodies')
      .getByRole('checkbox', { name: 'förvald för Bygg- och miljönämnden', checked: true })
      .waitFor();
    const { bodies } = await server.api('/bodies');
    expect(bodies.find((b: { bodyId: string }) => b.bodyId === 'bmn')).toMatchObject({
      immediateJusteringByDefault: true,
    });
    await page
      .getByTestId('announce-polite')
      .getByText('Bygg- och miljönämnden: omedelbar justering förvald.')
      .waitFor();
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
