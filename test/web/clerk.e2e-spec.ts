/**
 * The clerk's web page in a real browser (Debian's chromium via playwright-core) against the
 * real API on a SQLite file: §65 recorded through the page gives the golden extract; a
 * votering through the roll-call grid; a lost connection loses and doubles nothing.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { normalise, splitSealLine, wordDiff } from '../golden/normalise.js';
import { s65Body, s65Commands, s65Members, s65OwnDecision } from '../scenarios/s65.js';
import { extractShows, openStep, record, submitStep } from './support/live.js';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, WebTestServer } from './support/server.js';

// The README's picture is refreshed only on request (UPDATE_SCREENSHOTS=1), so test runs leave
// the work tree clean; otherwise the screenshot goes to a temp folder and is still taken.
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AVSLAG = '0193a0b1-0000-7000-8000-00000000a51a';
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? 'docs/screenshots/live.png'
  : join(tmpdir(), `paragraf-live-${process.pid}.png`);
const golden = readFileSync(new URL('../fixtures/ks-au-2024-s65-delarsrapport.txt', import.meta.url), 'utf8');
const s65Paragraph = s65Commands.find((c) => c.type === 'OpenParagraph')!.data as unknown as {
  caseNumber: string;
  title: string;
  summary: string[];
  basisDocuments: string[];
  proposal: { decision: { proposesTo: { body: string; items: string[] } } };
};

/** A meeting of ks-au with attendance, a justerare, opened, and one paragraph: set up over HTTP. */
async function meetingViaApi(
  server: WebTestServer,
  date: string,
): Promise<{ meetingId: string; paragraphId: string }> {
  const { meetingId } = await server.api('/meetings', {
    body: {
      body: s65Body,
      date,
      startTime: '13:00',
      place: 'Stadshuset',
      chair: 'ksau-ordf',
      secretary: { name: 'Karin Sjödin' },
      members: s65Members,
    },
  });
  await server.api(`/meetings/${meetingId}/attendance`, {
    body: {
      present: ['ksau-ordf', 'ksau-beronius', 'ksau-lindberg', 'ksau-akesson', 'ksau-ers-nord'],
      absent: ['ksau-farah', 'ksau-ers-berg'],
      servingSubstitutes: [{ substituteId: 'ksau-ers-nord', forMemberId: 'ksau-farah' }],
    },
  });
  await server.api(`/meetings/${meetingId}/adjusters`, {
    body: { adjusters: ['ksau-akesson'], justeringAt: `${date}T16:00:00+02:00`, justeringPlace: 'KSK' },
  });
  await server.api(`/meetings/${meetingId}/open`, { body: {} });
  const { paragraphId } = await server.api(`/meetings/${meetingId}/paragraphs`, {
    body: {
      caseNumber: 'KS 2024-99',
      title: 'Ny cykelväg',
      summary: ['Förslag om en ny cykelväg.'],
      basisDocuments: ['Tjänsteutlåtande'],
      proposal: {
        proposer: 'kommunstyrelsekontoret',
        document: 'tjänsteutlåtande',
        decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Bygga cykelvägen.'] } },
      },
    },
  });
  return { meetingId, paragraphId };
}

describeInBrowser('the clerk’s web page', () => {
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
    // No identity provider configured: the page offers the development users.
    await page.getByRole('button', { name: 'Logga in som clerk', exact: true }).click();
    await page.getByRole('heading', { name: 'Sammanträden', exact: true }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  });

  it('records §65 through the page and the extract equals the golden text', async () => {
    // Schedule the meeting with its members.
    await page.fill('#date', '2024-05-27');
    await page.fill('#start', '13:00');
    await page.fill('#place', 'Stadshuset, sammanträdesrum Ljuset');
    await page.fill('#secretary', 'Karin Sjödin');
    for (let i = 1; i < s65Members.length; i++)
      await page.getByRole('button', { name: 'Lägg till ledamot' }).click();
    for (const [i, m] of s65Members.entries()) {
      await page.locator('input[name=member-name]').nth(i).fill(m.name);
      await page.locator('input[name=member-party]').nth(i).fill(m.party);
      await page.locator('select[name=member-role]').nth(i).selectOption(m.role);
    }
    await record(
      page,
      () => page.getByRole('button', { name: 'Planera sammanträdet' }).click(),
      /^\/meetings$/,
    );
    await page.getByRole('heading', { name: /Kommunstyrelsens arbetsutskott 2024-05-27/ }).waitFor();
    const meetingId = new URL(page.url()).hash.split('/')[2];

    // Attendance: Amina Farah is away, Lina Nord serves for her.
    await page.getByLabel('Amina Farah närvarande').uncheck();
    await page.getByLabel('Lina Nord närvarande').check();
    await page.getByLabel('Lina Nord tjänstgör för').selectOption({ label: 'Amina Farah (S)' });
    await page.fill('#att-others', 'Per Ekholm, ekonomichef');
    await record(
      page,
      () => page.getByRole('button', { name: 'Registrera närvaro' }).click(),
      /\/attendance$/,
    );

    await page.getByRole('group', { name: 'Välj justerare' }).getByLabel('Marie Åkesson (S)').check();
    await page.fill('#adj-at', '2024-05-29T10:00');
    await page.fill('#adj-place', 'Kommunstyrelsekontoret');
    await record(page, () => page.getByRole('button', { name: 'Utse justerare' }).click(), /\/adjusters$/);
    await record(page, () => page.getByRole('button', { name: 'Öppna sammanträdet' }).click(), /\/open$/);

    // Prepare §65.
    await page.fill('#p-number', '65');
    await page.fill('#p-dnr', s65Paragraph.caseNumber);
    await page.fill('#p-title', s65Paragraph.title);
    await page.fill('#p-summary', s65Paragraph.summary.join('\n\n'));
    await page.fill('#p-basis', s65Paragraph.basisDocuments.join('\n'));
    await page.fill('#p-tobody', 'Kommunstyrelsen');
    await page.fill('#p-items', s65Paragraph.proposal.decision.proposesTo.items.join('\n'));
    await record(
      page,
      () => page.getByRole('button', { name: 'Lägg till ärendet' }).click(),
      /\/paragraphs$/,
    );

    // The meeting, live.
    await page.getByRole('link', { name: 'Till sammanträdet' }).click();
    await page.getByRole('heading', { name: `§65 ${s65Paragraph.title}` }).waitFor();
    await openStep(page, 'step-motion');
    await page.locator('#y-member').selectOption({ label: 'Robert Beronius (L)' });
    await page.fill('#y-text', `Kommunstyrelsens arbetsutskott beslutar för egen del ${s65OwnDecision}`);
    await record(page, submitStep(page, 'step-motion'), /\/motions$/);

    await openStep(page, 'step-question');
    await record(page, submitStep(page, 'step-question'), /\/questions$/);
    const question = page.getByTestId('step-question');
    await question.getByRole('checkbox', { name: 'kommunstyrelsekontorets förslag' }).uncheck();
    await question.getByRole('checkbox', { name: 'Robert Beronius (L) yrkande' }).check();
    await page.locator('#q-finding').selectOption({ label: 'Robert Beronius (L) yrkande' });
    await record(page, submitStep(page, 'step-question'), /\/questions$/);

    await openStep(page, 'step-decision');
    await page.fill('#d-own', s65OwnDecision);
    await record(page, submitStep(page, 'step-decision'), /\/decision$/);
    await openStep(page, 'step-recipients');
    await page.fill('#s-recipients', 'Kommunstyrelsekontoret\nSamhällsbyggnadskontoret');
    await record(page, submitStep(page, 'step-recipients'), /\/recipients$/);
    // Ending the meeting asks first.
    await page.getByRole('button', { name: 'Avsluta sammanträdet …' }).click();
    await record(
      page,
      () => page.getByRole('button', { name: 'Ja, avsluta sammanträdet' }).click(),
      /\/close$/,
    );

    // Justering with the chair's token, on the clerk's screen (not omedelbar in §65).
    await openStep(page, 'step-justify');
    await page.getByLabel('Omedelbar justering (vid sammanträdet)').uncheck();
    await page.fill('#just-token', server.tokens.chair);
    await record(page, submitStep(page, 'step-justify'), /\/justify$/);

    // The extract beside the form follows the record.
    const extract = page.getByTestId('extract');
    await extractShows(page, 'Paragrafen är justerad');
    expect(await extract.count()).toBe(1); // one extract beside the form, the one just read
    const shown = (await extract.textContent()) ?? '';
    // The justified extract prints its Kontrollsumma (docs/adr/0031); the printed golden has none.
    expect(wordDiff(splitSealLine(shown).text, golden)).toBeNull();
    expect(normalise(shown).length).toBeGreaterThan(300);

    // The same through the API: the page recorded the history, not just the text.
    const { paragraphs } = await server.api(`/meetings/${meetingId}`, { user: 'auditor' });
    const text = await server.api(`/paragraphs/${paragraphs[0].paragraphId}/extract`, {
      user: 'auditor',
      accept: 'text/plain',
    });
    expect(splitSealLine(text).sealed).toBe(true);
    expect(wordDiff(splitSealLine(text).text, golden)).toBeNull();
  });

  it('records a votering through the roll-call grid, with the utslagsröst on a tie', async () => {
    const { meetingId, paragraphId } = await meetingViaApi(server, '2024-06-10');
    await page.goto(`${server.url}/#/live/${meetingId}/${paragraphId}`);
    await page.locator('#current-h', { hasText: 'Ny cykelväg' }).waitFor(); // not the extract's own h1

    await openStep(page, 'step-motion');
    await page.locator('#y-member').selectOption({ label: 'Jonas Lindberg (C)' });
    await page.locator('#y-kind').selectOption('avslag');
    await record(page, submitStep(page, 'step-motion'), /\/motions$/);
    await openStep(page, 'step-question');
    const question = page.getByTestId('step-question');
    await question.getByRole('checkbox', { name: 'Jonas Lindberg (C) yrkande' }).check();
    await record(page, submitStep(page, 'step-question'), /\/questions$/);

    await openStep(page, 'step-vote');
    await page.locator('#v-requested').selectOption({ label: 'Jonas Lindberg (C)' });
    await page.locator('#v-ja').selectOption({ label: 'kommunstyrelsekontorets förslag' });
    await page.locator('#v-nej').selectOption({ label: 'Jonas Lindberg (C) yrkande' });
    // The grid lists who serves: the five present, Lina Nord for Amina Farah; the chair last.
    const grid = page.getByTestId('vote-grid');
    const rows = await grid.locator('tbody th').allTextContents();
    expect(rows).toEqual([
      'Robert Beronius (L)',
      'Jonas Lindberg (C)',
      'Marie Åkesson (S)',
      'Lina Nord (S)',
      'Helena Strand (M) – ordförande',
    ]);
    const votes: [string, string][] = [
      ['Robert Beronius', 'ja'],
      ['Jonas Lindberg', 'nej'],
      ['Marie Åkesson', 'nej'],
      ['Lina Nord', 'avstår'],
      ['Helena Strand', 'ja'],
    ];
    for (const [name, vote] of votes)
      await grid.getByRole('button', { name: `${name} ${vote}`, exact: true }).click();
    await expect(page.getByTestId('tally').textContent()).resolves.toContain(
      'Ja 2 · Nej 2 · Avstår 1 · Ej röstat 0',
    );

    // A tie: the utslagsröst must be the chair's own vote; the API's refusal shows beside the step.
    await page.locator('#v-casting').selectOption('nej');
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    // The live screen from the top, tall enough to show the grid beside the growing extract.
    await page.setViewportSize({ width: 1500, height: 1300 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: SCREENSHOT });
    await page.setViewportSize({ width: 1500, height: 1000 });
    await submitStep(page, 'step-vote')();
    await expect(page.getByTestId('step-vote').getByTestId('refusal').textContent()).resolves.toContain(
      'Ordförandens utslagsröst ska vara den röst ordföranden avgav.',
    );

    // Corrected, the votering is sent again: the refused one wrote nothing (one write, ADR 0054).
    await page.locator('#v-casting').selectOption('ja');
    await record(page, submitStep(page, 'step-vote'), /\/votings$/);
    await extractShows(page, 'votering');

    const { paragraph } = await server.api(`/paragraphs/${paragraphId}`, { user: 'auditor' });
    const held = paragraph.proceedings.filter((p: { kind: string }) => p.kind === 'vote');
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ tally: { ja: 2, nej: 2, avstar: 1 }, castingVote: 'ja', outcome: 'ja' });
    const stream = (await server.events()).filter((e) => e.streamId === `paragraph-${paragraphId}`);
    expect(stream.filter((e) => e.type === 'VoteRequested')).toHaveLength(1);
  });

  it('keeps entries made while the server is away and sends each once when it is back', async () => {
    const { meetingId, paragraphId } = await meetingViaApi(server, '2024-06-11');
    await page.goto(`${server.url}/#/live/${meetingId}/${paragraphId}`);
    await page.locator('#current-h', { hasText: 'Ny cykelväg' }).waitFor(); // not the extract's own h1
    await openStep(page, 'step-motion');
    await page.locator('#y-member').selectOption({ label: 'Robert Beronius (L)' });
    await page.fill('#y-text', 'Bifall med tillägget att cykelvägen belyses.');
    await page.locator('#y-kind').selectOption('tillagg');
    await record(page, submitStep(page, 'step-motion'), /\/motions$/);
    const before = (await server.events()).length;

    // The connection goes: the server stops (same file and port come back later).
    await server.stop();
    await page.locator('#y-member').selectOption({ label: 'Marie Åkesson (S)' });
    await page.locator('#y-kind').selectOption('avslag');
    await page.fill('#y-text', '');
    await submitStep(page, 'step-motion')();
    await page.getByTestId('connection').filter({ hasText: 'Ingen anslutning' }).waitFor();
    // Instämmer in the yrkande that is still in the queue: its id is already ours.
    await openStep(page, 'step-support');
    await page.locator('#support-member').selectOption({ label: 'Lina Nord (S)' });
    await submitStep(page, 'step-support')();
    await openStep(page, 'step-note');
    await page.locator('#n-member').selectOption({ label: 'Jonas Lindberg (C)' });
    await page.fill('#n-text', 'Centerpartiet vill se en trafiksäkerhetsanalys.');
    await submitStep(page, 'step-note')();
    await page.getByTestId('queue-count').filter({ hasText: '3 poster i kö' }).waitFor();
    const queued = JSON.parse(await page.evaluate("localStorage.getItem('paragraf.outbox') ?? '[]'"));
    expect(queued.map((e: { label: string }) => e.label)).toEqual([
      'Yrkande',
      'Instämmande',
      'Protokollsanteckning',
    ]);
    expect(new Set(queued.map((e: { key: string }) => e.key)).size).toBe(3);

    await server.start();
    await page.getByTestId('connection').filter({ hasText: 'Ansluten' }).waitFor();
    // A function, not a string: the page's CSP forbids eval, which a string predicate needs.
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
        ).localStorage.getItem('paragraf.outbox') === '[]',
    );
    await extractShows(page, 'trafiksäkerhetsanalys');

    const after = await server.events();
    expect(after.length).toBe(before + 3);
    const added = after.slice(before).map((e) => e.type);
    expect(added).toEqual(['MotionProposed', 'MotionSupported', 'ProtocolNoteEntered']);

    // The mistaken note is struck, not deleted: a new event, and the history keeps both.
    const entries = page.getByTestId('entries');
    await entries.getByRole('button', { name: 'Stryk protokollsanteckning' }).click();
    await page.getByLabel('Varför struket').fill('Registrerad på fel ärende');
    await record(
      page,
      () => entries.getByRole('button', { name: 'Stryk', exact: true }).click(),
      /\/strike$/,
    );
    await entries.locator('del', { hasText: 'trafiksäkerhetsanalys' }).waitFor();
    const final = await server.events();
    expect(final.length).toBe(before + 4);
    expect(final.at(-1)!.type).toBe('EntryStruck');
    expect(final.some((e) => e.type === 'ProtocolNoteEntered')).toBe(true);

    // The public view: the same protocol, read-only, this paragraph marked as not justified.
    await page.goto(`${server.url}/#/public/${meetingId}`);
    await page
      .getByRole('heading', { name: /Ny cykelväg/ })
      .getByTestId('unjustified')
      .waitFor();
    // The extract is the HTML document; wait for it, so the check is not made on an empty pane.
    const publicExtract = page.locator('.public-paragraph article.paragraf-document');
    await publicExtract.filter({ hasText: 'Ny cykelväg' }).waitFor();
    expect(await publicExtract.textContent()).not.toContain('trafiksäkerhetsanalys');
  }, 180_000);

  it('after the meeting: written reservation reasons, then justering, rättelse and utdragsbestyrkande', async () => {
    const { meetingId, paragraphId } = await meetingViaApi(server, '2024-09-10');
    const p = `/paragraphs/${paragraphId}`;
    await server.api(`${p}/motions`, {
      body: { motionId: AVSLAG, proposerId: 'ksau-lindberg', kind: 'avslag' },
    });
    await server.api(`${p}/questions`, {
      body: {
        puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: AVSLAG }],
        finding: { kind: 'proposal' },
      },
    });
    const { decisionId } = await server.api(`${p}/decision`, {
      body: {
        kind: 'sakbeslut',
        content: { proposesTo: { body: 'Kommunstyrelsen', items: ['Bygga cykelvägen.'] } },
      },
    });
    const { reservationId } = await server.api(`${p}/reservations`, {
      body: { memberId: 'ksau-lindberg', decisionId },
    });
    await server.api(`/meetings/${meetingId}/close`, { body: {} });

    // Before justering: the written reasons, through the page.
    await page.goto(`${server.url}/#/after/${meetingId}`);
    const section = page.locator('.paragraph-after').first();
    await section.getByLabel(/Skriftlig motivering/).fill('Cykelvägen borde byggas på andra sidan ån.');
    await record(
      page,
      () => section.getByRole('button', { name: 'Lämna motiveringen' }).click(),
      /\/reasons$/,
    );

    // The whole protocol justerat (chair and justerare), then rättelse and certification.
    await server.api(`/meetings/${meetingId}/justify`, {
      user: 'chair',
      body: { byMemberIds: ['ksau-ordf', 'ksau-akesson'] },
    });
    await page.reload();
    const after = page.locator('.paragraph-after').first();
    await after.getByRole('button', { name: 'Bestyrk utdraget' }).waitFor();
    await after.getByLabel('Rätta').selectOption('title');
    await after.getByLabel('Från (felaktig text)').fill('cykelväg');
    await after.getByLabel('Till', { exact: true }).fill('gång- och cykelväg');
    await after.getByLabel('Skäl (uppenbart fel)').fill('Skrivfel i rubriken');
    await record(
      page,
      () => after.getByRole('button', { name: 'Registrera rättelse' }).click(),
      /\/corrections$/,
    );
    await record(page, () => after.getByRole('button', { name: 'Bestyrk utdraget' }).click(), /\/certify$/);

    const mine = (await server.events()).filter((e) => e.streamId === `paragraph-${paragraphId}`);
    expect(mine.map((e) => e.type).slice(-3)).toEqual([
      'ReservationReasonsSubmitted',
      'CorrectionRecorded',
      'ExtractCertified',
    ]);
    expect(mine.find((e) => e.type === 'ReservationReasonsSubmitted')!.data).toMatchObject({
      reservationId,
      reasons: 'Cykelvägen borde byggas på andra sidan ån.',
    });
    expect(mine.find((e) => e.type === 'CorrectionRecorded')!.data).toMatchObject({
      field: 'title',
      from: 'cykelväg',
      to: 'gång- och cykelväg',
      by: { name: 'Karin Sjödin' },
    });
    const extract = await server.api(`${p}/extract`, { accept: 'text/plain' });
    expect(String(extract)).toContain('Ny gång- och cykelväg');
  });

  it('has no accessibility violations (axe-core, every impact level) on its main screens', async () => {
    const { meetingId, paragraphId } = await meetingViaApi(server, '2024-10-01');
    const screens = [
      '/#/',
      `/#/prepare/${meetingId}`,
      `/#/live/${meetingId}/${paragraphId}`,
      `/#/after/${meetingId}`,
      `/#/public/${meetingId}`,
    ];
    const found: string[] = [];
    for (const screen of screens) {
      await page.goto(`${server.url}${screen}`);
      await page.locator('h1').first().waitFor();
      // Evaluated, not added as a <script>: the page's CSP (rightly) refuses inline scripts.
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const { passes, violations } = (await page.evaluate(
        `axe.run(document).then((r) => ({ passes: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })) }))`,
      )) as { passes: number; violations: { id: string; impact: string; nodes: number; help: string }[] };
      expect(passes).toBeGreaterThan(10); // axe really checked the page
      for (const v of violations) {
        found.push(`${screen}: ${v.id} (${v.impact}, ${v.nodes} nodes) ${v.help}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('serves the app at / and index.html to browsers, without shadowing the API', async () => {
    const get = async (path: string, accept: string) => {
      const r = await fetch(`${server.url}${path}`, { headers: { accept } });
      return { status: r.status, type: r.headers.get('content-type') ?? '', body: await r.text() };
    };
    expect(await get('/', 'text/html')).toMatchObject({
      status: 200,
      body: expect.stringContaining('<div id="root">'),
    });
    expect((await get('/health', 'application/json')).type).toMatch(/json/);
    expect((await get('/docs/json', 'application/json')).body).toContain('openapi');
    // An API client asking for a path that does not exist still gets a JSON 404, not the page.
    const missing = await get('/no-such-endpoint', 'application/json');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/json/);
    expect(await get('/some/deep/link', 'text/html')).toMatchObject({
      status: 200,
      body: expect.stringContaining('<div id="root">'),
    });
  });
});
