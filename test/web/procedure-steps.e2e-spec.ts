/**
 * The recording page's steps of issue 11 in a real browser against the real API: talarlista,
 * a joint yrkande, a protokollsanteckning by a party group, a member not taking part and a
 * bilaga uploaded from the page — each recorded through its form and seen in the extract.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { s65Body, s65Members } from '../scenarios/s65.js';
import { openStep, record, submitStep } from './support/live.js';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, WebTestServer } from './support/server.js';

const WAIT = { timeout: 30_000 };
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The extract beside the form, its words on one line (the text writer may wrap). */
async function extractText(page: Page, waitFor: string): Promise<string> {
  await page.getByTestId('extract').filter({ hasText: waitFor }).waitFor(WAIT);
  return ((await page.getByTestId('extract').textContent()) ?? '').replace(/\s+/g, ' ');
}

describeInBrowser('the recording page’s steps of issue 11', () => {
  let server: WebTestServer;
  let session: BrowserSession;
  let page: Page;
  let meetingId: string;
  let paragraphId: string;

  beforeAll(async () => {
    ensureWebBuilt();
    server = new WebTestServer(await freePort());
    await server.start();
    ({ meetingId } = await server.api('/meetings', {
      body: {
        body: s65Body,
        date: '2024-09-16',
        startTime: '13:00',
        place: 'Stadshuset',
        chair: 'ksau-ordf',
        secretary: { name: 'Karin Sjödin' },
        members: s65Members,
      },
    }));
    await server.api(`/meetings/${meetingId}/attendance`, {
      body: {
        present: ['ksau-ordf', 'ksau-beronius', 'ksau-lindberg', 'ksau-akesson', 'ksau-ers-nord'],
        absent: ['ksau-farah', 'ksau-ers-berg'],
        servingSubstitutes: [{ substituteId: 'ksau-ers-nord', forMemberId: 'ksau-farah' }],
      },
    });
    await server.api(`/meetings/${meetingId}/open`, { body: {} });
    ({ paragraphId } = await server.api(`/meetings/${meetingId}/paragraphs`, {
      body: {
        caseNumber: 'KS 2024-120',
        title: 'Cykelplan',
        summary: ['Förslag till cykelplan.'],
        basisDocuments: ['Tjänsteutlåtande'],
        proposal: {
          proposer: 'kommunstyrelsekontoret',
          document: 'tjänsteutlåtande',
          decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Anta cykelplanen.'] } },
        },
      },
    }));
    session = await openBrowser();
    page = session.page;
    page.setDefaultTimeout(30_000);
    await page.goto(`${server.url}/`);
    // No identity provider configured: the page offers the development users.
    await page.getByRole('button', { name: 'Logga in som clerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Sammanträden', exact: true }).waitFor(WAIT);
    await page.goto(`${server.url}/#/live/${meetingId}/${paragraphId}`);
    await page.locator('#current-h', { hasText: 'Cykelplan' }).waitFor(WAIT);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  }, 180_000);

  it('keeps the talarlista in order, members and an official', async () => {
    await openStep(page, 'step-speakers');
    const step = page.getByTestId('step-speakers');
    for (const name of ['Robert Beronius (L)', 'Jonas Lindberg (C)']) {
      await page.locator('#t-member').selectOption({ label: name });
      await record(page, submitStep(page, 'step-speakers'), /\/speakers$/);
    }
    await step.getByLabel('Annan person (t.ex. tjänsteperson)').check();
    await page.fill('#t-person-name', 'Per Ekholm');
    await page.fill('#t-person-title', 'ekonomichef');
    await record(page, submitStep(page, 'step-speakers'), /\/speakers$/);

    const list = page.getByTestId('speakers');
    await list.getByText('Per Ekholm, ekonomichef').waitFor(WAIT);
    expect(await list.locator('li').allTextContents()).toEqual([
      expect.stringContaining('Robert Beronius (L)'),
      expect.stringContaining('Jonas Lindberg (C)'),
      expect.stringContaining('Per Ekholm, ekonomichef'),
    ]);
    const text = await extractText(page, 'Per Ekholm');
    expect(text).toContain(
      'Under överläggningen yttrar sig Robert Beronius (L), Jonas Lindberg (C) och Per Ekholm',
    );
  }, 120_000);

  it('records a joint yrkande of two movers, the text as given', async () => {
    await openStep(page, 'step-motion');
    await page.locator('#y-member').selectOption({ label: 'Robert Beronius (L)' });
    await page.locator('#y-kind').selectOption('fritt');
    await page.fill('#y-text', 'cykelplanen kompletteras med en karta över skolvägar');
    await page
      .getByTestId('step-motion')
      .getByRole('group', { name: 'Yrkar tillsammans med (gemensamt yrkande)' })
      .getByLabel('Jonas Lindberg (C)')
      .check();
    await record(page, submitStep(page, 'step-motion'), /\/motions$/);
    const text = await extractText(page, 'skolvägar');
    expect(text).toContain(
      'Robert Beronius (L) och Jonas Lindberg (C) yrkar på följande: cykelplanen kompletteras med en karta över skolvägar',
    );
    await page
      .getByTestId('entries')
      .getByText('Yrkande: Robert Beronius (L), Jonas Lindberg (C)')
      .waitFor(WAIT);
  }, 120_000);

  it('records a protokollsanteckning by a party group', async () => {
    await openStep(page, 'step-note');
    const step = page.getByTestId('step-note');
    await step.getByLabel('En partigrupp').check();
    await page.locator('#n-party').selectOption('S');
    await page.fill('#n-group-name', 'Socialdemokraterna');
    await page.fill('#n-text', 'Vi vill se en uppföljning av cykelplanen.');
    await record(page, submitStep(page, 'step-note'), /\/notes$/);
    const text = await extractText(page, 'uppföljning av cykelplanen');
    expect(text).toMatch(
      /Ledamöterna för Socialdemokraterna lämnar följande protokollsanteckning: Vi vill se en uppföljning av cykelplanen\./,
    );
  }, 120_000);

  it('records a member who does not take part (never as jäv), and leaves her out of the roll call', async () => {
    await openStep(page, 'step-non-participation');
    await page.locator('#np-member').selectOption({ label: 'Marie Åkesson (S)' });
    await page.fill('#np-reason', 'hon har inte kunnat sätta sig in i ärendet');
    await record(page, submitStep(page, 'step-non-participation'), /\/non-participation$/);
    await page.getByTestId('non-participations').getByText('Marie Åkesson (S)').waitFor(WAIT);
    const text = await extractText(page, 'deltar inte i beslutet');
    expect(text).toContain('Marie Åkesson (S) deltar inte i beslutet');
    expect(text).not.toContain('jäv');
    const voters = await page.getByTestId('vote-grid').locator('tbody th').allTextContents();
    expect(voters.some((v) => v.includes('Marie Åkesson'))).toBe(false);
  }, 120_000);

  it('uploads a bilaga from the page, stored by its SHA-256 and listed in the extract', async () => {
    await openStep(page, 'step-attachments');
    const bytes = Buffer.from('%PDF-1.4\n% Skrivelse från Socialdemokraterna om cykelplanen\n%%EOF\n');
    await page.setInputFiles('#g-file', {
      name: 'skrivelse-S.pdf',
      mimeType: 'application/pdf',
      buffer: bytes,
    });
    await page.fill('#g-title', 'Skrivelse från Socialdemokraterna');
    const uploaded = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/attachments',
      WAIT,
    );
    await record(page, submitStep(page, 'step-attachments'), /^\/paragraphs\/[^/]+\/attachments$/);
    const { sha256 } = (await (await uploaded).json()) as { sha256: string };
    const { createHash } = await import('node:crypto');
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    await page
      .getByTestId('step-attachments-list')
      .getByText('Bilaga 1: Skrivelse från Socialdemokraterna')
      .waitFor(WAIT);
    const text = await extractText(page, 'Skrivelse från Socialdemokraterna');
    expect(text).toContain('Bilaga 1. Skrivelse från Socialdemokraterna');
  }, 120_000);

  it('records support of the förslag, a votering without a named requester, a verbatim beslut and a party group’s reservation', async () => {
    const { paragraphId: second } = await server.api(`/meetings/${meetingId}/paragraphs`, {
      body: {
        caseNumber: 'KS 2024-121',
        title: 'Gångfartsområde',
        summary: ['Förslag om gångfartsområde i centrum.'],
        basisDocuments: ['Tjänsteutlåtande'],
        proposal: {
          proposer: 'kommunstyrelsekontoret',
          document: 'tjänsteutlåtande',
          decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Inrätta gångfartsområdet.'] } },
        },
      },
    });
    await page.goto(`${server.url}/#/live/${meetingId}/${second}`);
    await page.locator('#current-h', { hasText: 'Gångfartsområde' }).waitFor(WAIT);

    await openStep(page, 'step-motion');
    await page.locator('#y-member').selectOption({ label: 'Jonas Lindberg (C)' });
    await page.locator('#y-kind').selectOption('avslag');
    await record(page, submitStep(page, 'step-motion'), /\/motions$/);

    // Support of the förslag itself, not of a yrkande.
    await openStep(page, 'step-support');
    await page.locator('#support-member').selectOption({ label: 'Robert Beronius (L)' });
    await page.locator('#support-motion').selectOption({ label: 'kommunstyrelsekontorets förslag' });
    await record(page, submitStep(page, 'step-support'), /\/proposal\/support$/);

    await openStep(page, 'step-question');
    const question = page.getByTestId('step-question');
    await question.getByRole('checkbox', { name: 'Jonas Lindberg (C) yrkande' }).check();
    await record(page, submitStep(page, 'step-question'), /\/questions$/);

    await openStep(page, 'step-vote');
    // "Votering begärs": nobody named.
    expect(await page.locator('#v-requested').inputValue()).toBe('');
    await page.locator('#v-ja').selectOption({ label: 'kommunstyrelsekontorets förslag' });
    await page.locator('#v-nej').selectOption({ label: 'Jonas Lindberg (C) yrkande' });
    const grid = page.getByTestId('vote-grid');
    for (const [name, vote] of [
      ['Robert Beronius', 'ja'],
      ['Jonas Lindberg', 'nej'],
      ['Marie Åkesson', 'ja'],
      ['Lina Nord', 'ja'],
      ['Helena Strand', 'ja'],
    ])
      await grid.getByRole('button', { name: `${name} ${vote}`, exact: true }).click();
    await record(page, submitStep(page, 'step-vote'), /\/votings$/);

    await openStep(page, 'step-decision');
    // The beslut in the clerk's own words, without the generated frame.
    await page
      .getByTestId('step-decision')
      .getByLabel(/Skriv beslutet ordagrant/)
      .check();
    await page.fill('#d-text', 'Gångfartsområdet inrättas från den 1 mars 2025.');
    await record(page, submitStep(page, 'step-decision'), /\/decision$/);

    // The Centre Party's group reserves.
    await openStep(page, 'step-reservation');
    const reservation = page.getByTestId('step-reservation');
    await reservation.getByLabel('En partigrupp').check();
    await page.locator('#r-party').selectOption('C');
    await page.fill('#r-group-name', 'Centerpartiet');
    await page.fill('#r-reasons', 'till förmån för eget yrkande');
    await record(page, submitStep(page, 'step-reservation'), /\/reservations$/);

    const text = await extractText(page, 'Centerpartiet');
    expect(text).toContain('Robert Beronius (L) yrkar bifall till');
    expect(text).toContain('Votering begärs.');
    // Under its heading, with no "… beslutar" before it.
    expect(text).toContain('Beslut Gångfartsområdet inrättas från den 1 mars 2025.');
    expect(text).toContain(
      'Ledamöterna för Centerpartiet reserverar sig mot beslutet till förmån för eget yrkande',
    );
  }, 120_000);

  it('shows the API’s warning beside the step when procedure looks unusual, and records the entry', async () => {
    const { paragraphId: third } = await server.api(`/meetings/${meetingId}/paragraphs`, {
      body: {
        caseNumber: 'KS 2024-122',
        title: 'Parkeringsnorm',
        summary: ['Förslag till parkeringsnorm.'],
        basisDocuments: ['Tjänsteutlåtande'],
        proposal: {
          proposer: 'kommunstyrelsekontoret',
          document: 'tjänsteutlåtande',
          decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Anta parkeringsnormen.'] } },
        },
      },
    });
    // Robert Beronius moves bifall, and the förslag wins by acklamation.
    await server.api(`/paragraphs/${third}/motions`, {
      body: { proposerId: 'ksau-beronius', kind: 'bifall' },
    });
    await server.api(`/paragraphs/${third}/questions`, {
      body: { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
    });
    await server.api(`/paragraphs/${third}/decision`, {
      body: {
        kind: 'sakbeslut',
        content: { proposesTo: { body: 'Kommunstyrelsen', items: ['Anta parkeringsnormen.'] } },
      },
    });
    await page.goto(`${server.url}/#/live/${meetingId}/${third}`);
    await page.locator('#current-h', { hasText: 'Parkeringsnorm' }).waitFor(WAIT);

    // He reserves anyway: recorded, with the warning in Swedish beside the step.
    await openStep(page, 'step-reservation');
    await page.locator('#r-member').selectOption({ label: 'Robert Beronius (L)' });
    await record(page, submitStep(page, 'step-reservation'), /\/reservations$/);
    await page
      .getByTestId('step-reservation')
      .locator('.notice', { hasText: 'Observera: Ledamoten yrkade på eller instämde i det som vann.' })
      .waitFor(WAIT);
    await page.getByTestId('entries').getByText('Reservation: Robert Beronius (L)').waitFor(WAIT);
  }, 120_000);

  it('prepares a paragraph on a motion with an earlier treatment outside Paragraf, and records a yrkande on the motion itself', async () => {
    await page.goto(`${server.url}/#/prepare/${meetingId}`);
    await page.getByRole('heading', { name: 'Förbered ärende' }).waitFor(WAIT);
    await page.fill('#p-dnr', 'KS 2024-130');
    await page.fill('#p-title', 'Motion om cykelparkering');
    await page.fill('#p-summary', 'En motion om fler cykelparkeringar vid stationen.');
    await page.fill('#p-tobody', 'Kommunfullmäktige');
    await page.fill('#p-items', 'Motionen anses besvarad.');
    await page.getByText('Motion, medborgarförslag eller tidigare behandling').click();
    await page.fill('#p-matter-kind', 'motion');
    await page.fill('#p-matter-title', 'Motion om cykelparkering vid stationen');
    await page.fill('#p-ref-body', 'Kommunstyrelsen');
    await page.fill('#p-ref-date', '2024-06-10');
    await page.fill('#p-ref-paragraph', '§ 88');
    await page.locator('#p-ref-outcome').selectOption('aterremiss');
    await record(
      page,
      () => page.getByRole('button', { name: 'Lägg till ärendet' }).click(),
      /\/paragraphs$/,
    );

    const { paragraphs } = await server.api(`/meetings/${meetingId}`);
    const latest = paragraphs.find((x: { title: string }) => x.title === 'Motion om cykelparkering');
    const { paragraph } = await server.api(`/paragraphs/${latest.paragraphId}`);
    expect(paragraph.matter).toEqual({ kind: 'motion', title: 'Motion om cykelparkering vid stationen' });
    expect(paragraph.earlierReference).toMatchObject({
      body: 'Kommunstyrelsen',
      date: '2024-06-10',
      paragraph: '§ 88',
      outcome: 'aterremiss',
    });

    await page.goto(`${server.url}/#/live/${meetingId}/${latest.paragraphId}`);
    await page.locator('#current-h', { hasText: 'Motion om cykelparkering' }).waitFor(WAIT);
    await openStep(page, 'step-motion');
    await page.locator('#y-member').selectOption({ label: 'Jonas Lindberg (C)' });
    await page.locator('#y-kind').selectOption('bifall');
    await page
      .locator('#y-target')
      .selectOption({ label: 'motion (Motion om cykelparkering vid stationen) självt' });
    await record(page, submitStep(page, 'step-motion'), /\/motions$/);
    const text = await extractText(page, 'yrkar bifall');
    expect(text).toContain('Jonas Lindberg (C) yrkar bifall till motionen.');
  }, 120_000);

  it('attaches a bilaga to the protocol as a whole from the prepare page', async () => {
    await page.goto(`${server.url}/#/prepare/${meetingId}`);
    await page.getByRole('heading', { name: 'Bilagor till protokollet' }).waitFor(WAIT);
    await page.setInputFiles('#pa-file', {
      name: 'narvarolista.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% Närvaro- och omröstningslista\n%%EOF\n'),
    });
    await page.fill('#pa-title', 'Närvaro- och omröstningslista');
    await record(page, submitStep(page, 'protocol-attachments'), /^\/meetings\/[^/]+\/attachments$/);
    await page
      .getByTestId('protocol-attachments-list')
      .getByText('Närvaro- och omröstningslista')
      .waitFor(WAIT);
    const { meeting } = await server.api(`/meetings/${meetingId}`);
    expect(meeting.attachments).toEqual([
      expect.objectContaining({ title: 'Närvaro- och omröstningslista', filename: 'narvarolista.pdf' }),
    ]);
  }, 120_000);

  it('has no accessibility violations with the new steps’ choices open (axe-core, every impact level)', async () => {
    await page.goto(`${server.url}/#/live/${meetingId}/${paragraphId}`);
    await page.locator('#current-h', { hasText: 'Cykelplan' }).waitFor(WAIT);
    // One step at a time on the screen: each with its choice open, checked as shown.
    const choices: [string, string][] = [
      ['step-speakers', 'Annan person (t.ex. tjänsteperson)'],
      ['step-reservation', 'Flera ledamöter gemensamt'],
      ['step-note', 'En partigrupp'],
      ['step-non-participation', 'En partigrupp'],
    ];
    // Evaluated, not added as a <script>: the page's CSP refuses inline scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    for (const [step, choice] of choices) {
      await openStep(page, step);
      await page.getByTestId(step).getByLabel(choice).check();
      const { passes, violations } = (await page.evaluate(
        `axe.run(document).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })) }))`,
      )) as { passes: number; violations: unknown[] };
      expect(passes).toBeGreaterThan(10);
      expect(violations).toEqual([]);
    }
  }, 120_000);
});
