/// <reference lib="dom" />
/**
 * The live recording screen as a clerk works in it for a long meeting (issue 16), in Debian's
 * chromium against the real API: a whole paragraph by keyboard only and by touch, at the two
 * sizes a clerk uses (a laptop, 1366×768, and a tablet upright, 768×1024); a roll call of eleven
 * in five taps; refusals in the clerk's words beside their fields; a state that never
 * contradicts itself; the connection lost and back; one polite and one assertive live region.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Page, Request } from 'playwright-core';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { ensureWebBuilt, freePort, signInAs, WebTestServer } from './support/server.js';
import { extractShows, record } from './support/live.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const KS = { id: 'ks', name: 'Kommunstyrelsen', shortName: 'KS' };
// Eleven ledamöter of four parties; the chair is ks-01.
const MEMBERS = [
  ['ks-01', 'Helena Strand', 'M'],
  ['ks-02', 'Anna Ek', 'S'],
  ['ks-03', 'Björn Falk', 'S'],
  ['ks-04', 'Cecilia Grå', 'S'],
  ['ks-05', 'David Holm', 'S'],
  ['ks-06', 'Eva Ivarsson', 'M'],
  ['ks-07', 'Fredrik Jonsson', 'M'],
  ['ks-08', 'Gun Karlsson', 'M'],
  ['ks-09', 'Hans Lind', 'C'],
  ['ks-10', 'Ida Moberg', 'C'],
  ['ks-11', 'Johan Nyberg', 'L'],
].map(([memberId, name, party]) => ({ memberId: memberId!, name: name!, party: party!, role: 'ledamot' }));

const LAPTOP = { width: 1366, height: 768 };
const TABLET = { width: 768, height: 1024 };

async function meeting(server: WebTestServer, date: string, title = 'Cykelplan för centrum', body = KS) {
  const { meetingId } = await server.api('/meetings', {
    body: {
      body,
      date,
      startTime: '09:00',
      place: 'Stadshuset',
      chair: 'ks-01',
      secretary: { name: 'Karin Sjödin' },
      members: MEMBERS,
    },
  });
  await server.api(`/meetings/${meetingId}/attendance`, {
    body: { present: MEMBERS.map((m) => m.memberId), absent: [], servingSubstitutes: [] },
  });
  await server.api(`/meetings/${meetingId}/adjusters`, {
    body: { adjusters: ['ks-02'], justeringAt: `${date}T16:00:00+02:00`, justeringPlace: 'KSK' },
  });
  await server.api(`/meetings/${meetingId}/open`, { body: {} });
  const { paragraphId } = await server.api(`/meetings/${meetingId}/paragraphs`, {
    body: {
      caseNumber: 'KS 2026-12',
      title,
      summary: ['Förslag till cykelplan.'],
      basisDocuments: ['Tjänsteutlåtande'],
      proposal: {
        proposer: 'kommunstyrelsekontoret',
        document: 'tjänsteutlåtande',
        decision: { ownDecisions: ['att anta cykelplanen.'] },
      },
    },
  });
  return { meetingId, paragraphId };
}

/** Keyboard only: Tab until the focused element is the one `matches` describes. */
async function tabTo(page: Page, matches: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const label = (el as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '';
      return el
        ? `${el.id}|${el.getAttribute('aria-label') ?? ''}|${el.textContent?.trim() ?? ''}|${label}`
        : '';
    });
    if (here.split('|').includes(matches)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${matches}`);
}

/**
 * Press an Alt shortcut once `step` is offered, and wait until the cursor is in the step's first field (`focused`): the
 * composer moves the focus after React renders, which on a busy machine is not at once.
 */
async function shortcut(page: Page, keys: string, step: string, focused: string): Promise<void> {
  // The step is offered only once the entry before it is on screen (the POST answers first).
  await page.getByTestId('step-chooser').getByRole('button', { name: step, exact: true }).waitFor();
  await page.keyboard.press(keys);
  const there = () =>
    page.waitForFunction((id) => document.activeElement?.id === id, focused, { timeout: 20_000 });
  // In CI (two test workers beside two CPU-bound processes) the cursor twice did not arrive, in
  // runs where it always does on this machine otherwise; what is lost was not found. A clerk
  // whose key seems lost presses it again: so does this test, once, and it says so.
  if (
    !(await there().then(
      () => true,
      () => false,
    ))
  ) {
    process.stderr.write(
      `live-screen: ${keys} did not put the cursor in #${focused} within 20 s; pressed again\n`,
    );
    await page.keyboard.press(keys);
    await there();
  }
}

/** No horizontal scrolling: the page is no wider than the window. */
const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Every visible control of the record pane is at least 44 px high (a touch target). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const pane = document.querySelector('.record-pane')!;
    for (const el of pane.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, a')) {
      const target = el.matches('input[type=checkbox], input[type=radio]') ? (el.closest('label') ?? el) : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden
      if (r.height < 44)
        small.push(`${el.tagName} ${el.id || el.textContent?.trim()} ${Math.round(r.height)}px`);
    }
    return small;
  });
}

describeInBrowser('the live recording screen', () => {
  let server: WebTestServer;
  let session: BrowserSession;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    server = new WebTestServer(await freePort());
    await server.start();
    session = await openBrowser();
    page = session.page;
    page.on('request', (r: Request) => requests.push(new URL(r.url()).pathname));
    await signInAs(page, server.url, 'clerk');
    await page.getByRole('heading', { name: 'Sammanträden', exact: true }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
    await server?.dispose();
  });

  async function openLive(meetingId: string, paragraphId: string, viewport = LAPTOP) {
    await page.setViewportSize(viewport);
    await page.goto(`${server.url}/#/live/${meetingId}/${paragraphId}`);
    await page.locator('#current-h', { hasText: 'Cykelplan' }).waitFor();
  }

  it('asks for nothing that does not exist on sign-in and load', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-02');
    await openLive(meetingId, paragraphId);
    expect(requests.filter((r) => r.includes('00000000-0000'))).toEqual([]);
  });

  it('records a whole paragraph by keyboard only at 1366×768', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-03');
    await openLive(meetingId, paragraphId, LAPTOP);
    const kb = page.keyboard;

    // Two yrkanden: Alt+Y puts the cursor in the member field; typing picks the member.
    await shortcut(page, 'Alt+y', 'Yrkande', 'y-member');
    await kb.type('Anna');
    await tabTo(page, 'y-text');
    await kb.type('att cykelplanen kompletteras med en karta.');
    await record(page, () => kb.press('Control+Enter'), /\/motions$/);
    await extractShows(page, 'cykelplanen kompletteras med en karta');
    await shortcut(page, 'Alt+y', 'Yrkande', 'y-member');
    await kb.type('Hans');
    await tabTo(page, 'y-kind');
    await kb.type('avslag');
    await record(page, () => kb.press('Control+Enter'), /\/motions$/);
    // Instämmanden: in Anna Ek's yrkande, and in the proposal.
    await shortcut(page, 'Alt+i', 'Instämmer', 'support-member');
    await kb.type('Björn');
    await tabTo(page, 'support-motion');
    await kb.type('Anna');
    await record(page, () => kb.press('Control+Enter'), /\/support$/);
    await shortcut(page, 'Alt+i', 'Instämmer', 'support-member');
    await kb.type('Eva');
    await tabTo(page, 'support-motion');
    await kb.type('kommun');
    await record(page, () => kb.press('Control+Enter'), /\/proposal\/support$/);
    // The proposition: the proposal against Anna Ek's yrkande, the chair finds for the proposal.
    await shortcut(page, 'Alt+p', 'Proposition', 'q-finding');
    await tabTo(page, 'Anna Ek (S) yrkande');
    await kb.press('Space');
    await tabTo(page, 'q-finding');
    await record(page, () => kb.press('Control+Enter'), /\/questions$/);
    // The votering, requested by Anna Ek: ja the proposal, nej her yrkande.
    await shortcut(page, 'Alt+v', 'Votering', 'v-requested');
    await kb.type('Anna');
    await tabTo(page, 'v-nej');
    await kb.type('Anna');
    await tabTo(page, 'Alla ja');
    await kb.press('Enter');
    for (const name of ['Anna Ek nej', 'Björn Falk nej', 'Hans Lind avstår']) {
      await tabTo(page, name);
      await kb.press('Enter');
    }
    await expect(page.getByTestId('tally').textContent()).resolves.toContain('Ja 8 · Nej 2 · Avstår 1');
    await record(page, () => kb.press('Control+Enter'), /\/votings$/);
    await extractShows(page, 'Omröstningsresultat');
    // The beslut, from the proposal.
    await shortcut(page, 'Alt+b', 'Beslut', 'd-kind');
    await record(page, () => kb.press('Control+Enter'), /\/decision$/);
    await extractShows(page, 'Kommunstyrelsen beslutar');

    const { paragraph } = await server.api(`/paragraphs/${paragraphId}`);
    expect(paragraph.motions).toHaveLength(2);
    expect(paragraph.motions[0].supporters.map((s: { name: string }) => s.name)).toEqual(['Björn Falk']);
    expect(paragraph.proceedings.find((x: { kind: string }) => x.kind === 'vote')).toMatchObject({
      tally: { ja: 8, nej: 2, avstar: 1 },
    });
    expect(paragraph.decisions).toHaveLength(1);
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  it("keeps the step the clerk chose when another's entry moves the procedure on", async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-11');
    await openLive(meetingId, paragraphId);
    await shortcut(page, 'Alt+y', 'Yrkande', 'y-member');
    // The chair's proposition, recorded elsewhere: the next legal steps are now votering and beslut.
    await server.api(`/paragraphs/${paragraphId}/questions`, {
      body: { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
    });
    await page
      .getByTestId('step-chooser')
      .locator('.suggested-steps button')
      .first()
      .filter({ hasText: 'Votering' })
      .waitFor();
    expect(await page.getByTestId('step-motion').isVisible()).toBe(true);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('y-member');
  });

  it('records a whole paragraph by touch at 768×1024, the roll call of eleven in five taps', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-04');
    await openLive(meetingId, paragraphId, TABLET);
    const chooser = page.getByTestId('step-chooser');
    const tap = (name: string) => chooser.getByRole('button', { name, exact: true }).click();
    const submit = (step: string) => page.locator(`[data-testid=${step}] button[type=submit]`).click();

    await tap('Yrkande');
    await page.locator('#y-member').selectOption({ label: 'Anna Ek (S)' });
    await page.fill('#y-text', 'att cykelplanen kompletteras med en karta.');
    await record(page, () => submit('step-motion'), /\/motions$/);
    await page.locator('#y-member').selectOption({ label: 'Johan Nyberg (L)' });
    await page.locator('#y-kind').selectOption('tillagg');
    await page.fill('#y-text', 'att planen följs upp årligen.');
    await record(page, () => submit('step-motion'), /\/motions$/);
    await tap('Instämmer');
    await page.locator('#support-member').selectOption({ label: 'Björn Falk (S)' });
    await page.locator('#support-motion').selectOption({ label: 'Anna Ek (S) yrkande' });
    await record(page, () => submit('step-support'), /\/support$/);
    await page.locator('#support-member').selectOption({ label: 'Hans Lind (C)' });
    await page.locator('#support-motion').selectOption({ label: 'Johan Nyberg (L) yrkande' });
    await record(page, () => submit('step-support'), /\/support$/);
    await tap('Proposition');
    await page.getByTestId('step-question').getByRole('checkbox', { name: 'Anna Ek (S) yrkande' }).check();
    await record(page, () => submit('step-question'), /\/questions$/);

    // The next legal step is offered first.
    await chooser.locator('.suggested-steps button').first().filter({ hasText: 'Votering' }).waitFor();
    await tap('Votering');
    await page.locator('#v-requested').selectOption({ label: 'Anna Ek (S)' });
    await page.locator('#v-nej').selectOption({ label: 'Anna Ek (S) yrkande' });
    await page.screenshot({ path: '/tmp/i16-tablet.png', fullPage: true });
    expect(await smallTargets(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    // The roll call: "alla ja", three exceptions, register: five actions.
    const grid = page.locator('.roll-call');
    let actions = 0;
    const act = async (fn: () => Promise<void>) => {
      actions++;
      await fn();
    };
    await act(() => grid.getByRole('button', { name: 'Alla ja' }).click());
    await act(() => grid.getByRole('button', { name: 'Anna Ek nej' }).click());
    await act(() => grid.getByRole('button', { name: 'Björn Falk nej' }).click());
    await act(() => grid.getByRole('button', { name: 'Cecilia Grå avstår' }).click());
    // The whole votering's sentences are previewed before it is registered (ADR 0054) …
    const result = page
      .getByTestId('step-vote')
      .getByTestId('preview')
      .locator('.preview-sentence', { hasText: 'Omröstningsresultat' });
    await result.waitFor();
    const previewed = (await result.textContent())!.trim();
    expect(previewed).toMatch(/^Omröstningsresultat: Med 8 ja-röster mot 2 nej-röster/);
    await act(() => record(page, () => submit('step-vote'), /\/votings$/));
    expect(actions).toBeLessThanOrEqual(6);
    // … and the extract then has that very sentence.
    await extractShows(page, previewed);

    await chooser.locator('.suggested-steps button').first().filter({ hasText: 'Beslut' }).waitFor();
    await tap('Beslut');
    await record(page, () => submit('step-decision'), /\/decision$/);
    await extractShows(page, 'Kommunstyrelsen beslutar');
    expect(await smallTargets(page)).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);

    const { paragraph } = await server.api(`/paragraphs/${paragraphId}`);
    expect(paragraph.proceedings.find((x: { kind: string }) => x.kind === 'vote')).toMatchObject({
      tally: { ja: 8, nej: 2, avstar: 1 },
    });
  });

  it('names a missing field by its label, beside the field, with no identifier anywhere', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-05');
    await openLive(meetingId, paragraphId);
    await page.getByTestId('step-chooser').getByRole('button', { name: 'Yrkande', exact: true }).click();
    await page.fill('#y-text', 'något');
    await page.locator('[data-testid=step-motion] button[type=submit]').click();
    const error = page.locator('#y-member-error');
    await expect(error.textContent()).resolves.toBe('Välj ledamot som yrkar.');
    await expect(page.locator('#y-member').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByTestId('announce-error').filter({ hasText: 'Välj ledamot som yrkar.' }).waitFor();
    // The API's own refusal (a roll call without a question) in Swedish, without its code.
    await page.getByTestId('step-chooser').getByRole('button', { name: 'Votering', exact: true }).click();
    await page.locator('[data-testid=step-vote] button[type=submit]').click();
    await expect(page.locator('#v-question-error').textContent()).resolves.toMatch(
      /^Registrera propositionen/,
    );
    const text = await page.locator('.record-pane').innerText();
    expect(text).not.toMatch(/\b[a-z]+[A-Z][A-Za-z]*\b|\b[A-Z]+_[A-Z_]+\b|must be|should not/);
  });

  it('previews the exact sentence each entry puts in the protocol, and the extract then has it', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-16');
    await openLive(meetingId, paragraphId);
    const chooser = page.getByTestId('step-chooser');
    const extractLines = async () =>
      new Set((await page.getByTestId('extract').innerText()).split('\n').map((l) => l.trim()));
    const previewed = async (step: string) => {
      const preview = page.getByTestId(step).getByTestId('preview');
      await preview.locator('.preview-sentence').first().waitFor();
      return preview.locator('.preview-sentence').allInnerTexts();
    };

    await chooser.getByRole('button', { name: 'Yrkande', exact: true }).click();
    await page.locator('#y-member').selectOption({ label: 'Johan Nyberg (L)' });
    await page.locator('#y-kind').selectOption('avslag');
    await page.fill('#y-text', 'planen saknar finansiering.');
    await page
      .getByTestId('step-motion')
      .locator('.preview-sentence', { hasText: 'planen saknar finansiering' })
      .waitFor();
    const motion = await previewed('step-motion');
    expect(motion.join(' ')).toContain('Johan Nyberg (L) yrkar avslag');
    await record(
      page,
      () => page.locator('[data-testid=step-motion] button[type=submit]').click(),
      /\/motions$/,
    );
    await extractShows(page, 'planen saknar finansiering');
    for (const line of motion) expect([line, (await extractLines()).has(line.trim())]).toEqual([line, true]);

    await chooser.getByRole('button', { name: 'Proposition', exact: true }).click();
    const question = await previewed('step-question');
    await record(
      page,
      () => page.locator('[data-testid=step-question] button[type=submit]').click(),
      /\/questions$/,
    );
    await extractShows(page, question[0]!);
    await chooser.getByRole('button', { name: 'Beslut', exact: true }).click();
    const decision = await previewed('step-decision');
    await record(
      page,
      () => page.locator('[data-testid=step-decision] button[type=submit]').click(),
      /\/decision$/,
    );
    // "Beslut" is also part of "Beslutsgång": wait for it as a line of its own, not as text.
    const until = Date.now() + 60_000;
    while (!(await extractLines()).has(decision.at(-1)!.trim()) && Date.now() < until)
      await page.waitForTimeout(250);
    const lines = await extractLines();
    for (const line of [...question, ...decision])
      expect([line, lines.has(line.trim())]).toEqual([line, true]);
  });

  it('puts a yrkande right before the beslut and strikes it after, both in the audit trail', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-17');
    await openLive(meetingId, paragraphId);
    const chooser = page.getByTestId('step-chooser');
    await chooser.getByRole('button', { name: 'Yrkande', exact: true }).click();
    await page.locator('#y-member').selectOption({ label: 'Ida Moberg (C)' });
    await page.fill('#y-text', 'att planen kompleteras med parkering.');
    await record(
      page,
      () => page.locator('[data-testid=step-motion] button[type=submit]').click(),
      /\/motions$/,
    );
    const entries = page.getByTestId('entries');
    await entries.getByRole('button', { name: 'Ändra yrkande' }).click();
    await entries.getByLabel('Yrkandets text').fill('att planen kompletteras med parkering.');
    await entries.getByLabel('Varför ändras det').fill('Skrivfel');
    await record(page, () => entries.getByRole('button', { name: 'Spara ändringen' }).click(), /\/amend$/);
    await extractShows(page, 'planen kompletteras med parkering');
    await entries.locator('.badge', { hasText: 'ändrad' }).waitFor();

    // The beslut: from now on the yrkande can only be struck.
    await server.api(`/paragraphs/${paragraphId}/questions`, {
      body: { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
    });
    await server.api(`/paragraphs/${paragraphId}/decision`, {
      body: { kind: 'sakbeslut', content: { ownDecisions: ['att anta cykelplanen.'] } },
    });
    await page.getByTestId('paragraph-status').filter({ hasText: 'beslutad' }).waitFor();
    expect(await entries.getByRole('button', { name: 'Ändra yrkande' }).count()).toBe(0);
    await entries.getByRole('button', { name: 'Stryk yrkande' }).click();
    await page.getByLabel('Varför struket').fill('Registrerat på fel ärende');
    await record(
      page,
      () => entries.getByRole('button', { name: 'Stryk', exact: true }).click(),
      /\/strike$/,
    );
    await entries.locator('del', { hasText: 'kompletteras med parkering' }).waitFor();

    const audit = await server.api(`/audit/streams/paragraph-${paragraphId}/events`, { user: 'auditor' });
    const types = JSON.stringify(audit);
    expect(types.indexOf('"MotionAmended"')).toBeGreaterThan(types.indexOf('"MotionProposed"'));
    expect(types.indexOf('"EntryStruck"')).toBeGreaterThan(types.indexOf('"DecisionAdopted"'));
    expect(types).toContain('kompleteras'); // the words as first given stay in the history
  });

  it('a justerad paragraph is read-only and says so, as the extract does', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-06');
    await server.api(`/paragraphs/${paragraphId}/questions`, {
      body: { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
    });
    await server.api(`/paragraphs/${paragraphId}/decision`, {
      body: { kind: 'sakbeslut', content: { ownDecisions: ['att anta cykelplanen.'] } },
    });
    await server.api(`/meetings/${meetingId}/close`, { body: {} });
    await server.api(`/meetings/${meetingId}/justify`, {
      user: 'chair',
      body: { byMemberIds: ['ks-01', 'ks-02'] },
    });
    await openLive(meetingId, paragraphId);
    await extractShows(page, 'justera');
    await expect(page.getByTestId('paragraph-status').textContent()).resolves.toContain('justerad');
    await expect(page.getByTestId('paragraph-status').textContent()).resolves.not.toContain('ej justerad');
    await page.getByTestId('read-only').waitFor();
    expect(await page.locator('.record-pane form.step').count()).toBe(0);
    expect(await page.getByTestId('entries').getByRole('button', { name: /Stryk/ }).count()).toBe(0);
  });

  it('confirms ending the meeting and starts with omedelbar justering off', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-09');
    await openLive(meetingId, paragraphId);
    await page.getByTestId('step-chooser').getByRole('button', { name: 'Justering', exact: true }).click();
    await expect(page.getByLabel('Omedelbar justering (vid sammanträdet)').isChecked()).resolves.toBe(false);
    const closes = () => requests.filter((r) => r.endsWith('/close')).length;
    const before = closes();
    await page.getByRole('button', { name: 'Avsluta sammanträdet …' }).click();
    expect(closes()).toBe(before);
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('button', { name: 'Avsluta sammanträdet …' }).click();
    await record(
      page,
      () => page.getByRole('button', { name: 'Ja, avsluta sammanträdet' }).click(),
      /\/close$/,
    );
    await page.getByText('Sammanträdet är avslutat.').waitFor();
  });

  it("starts with omedelbar justering ticked where the body's setting says so", async () => {
    const au = { id: 'ks-au', name: 'Kommunstyrelsens arbetsutskott', shortName: 'KSAU' };
    await server.api('/bodies', {
      user: 'admin',
      body: {
        bodyId: au.id,
        name: au.name,
        shortName: au.shortName,
        kind: 'utskott',
        immediateJusteringByDefault: true,
      },
    });
    const { meetingId, paragraphId } = await meeting(server, '2026-03-10', undefined, au);
    await openLive(meetingId, paragraphId);
    await page.getByTestId('step-chooser').getByRole('button', { name: 'Justering', exact: true }).click();
    const immediate = page.getByLabel('Omedelbar justering (vid sammanträdet)');
    await page.waitForFunction(
      () => (document.getElementById('just-immediate') as HTMLInputElement | null)?.checked === true,
    );
    await expect(immediate.isChecked()).resolves.toBe(true);
  });

  it('shows attendance as unsaved until it is confirmed', async () => {
    const { meetingId } = await server.api('/meetings', {
      body: {
        body: KS,
        date: '2026-03-10',
        startTime: '09:00',
        place: 'Stadshuset',
        chair: 'ks-01',
        secretary: { name: 'Karin Sjödin' },
        members: MEMBERS,
      },
    });
    await page.goto(`${server.url}/#/live/${meetingId}`);
    await page.getByText('Närvaro och ersättare (ej registrerad)').click();
    const state = page.getByTestId('attendance-state');
    await expect(state.textContent()).resolves.toMatch(/^Ej registrerad/);
    await record(
      page,
      () => page.getByRole('button', { name: 'Registrera närvaro' }).click(),
      /\/attendance$/,
    );
    await state.filter({ hasText: /^Registrerad/ }).waitFor();
    await page.getByLabel('Hans Lind närvarande').uncheck();
    await expect(state.textContent()).resolves.toMatch(/^Ändrad men inte sparad/);
  });

  it('takes the clerk’s own frame of a beslut as given and never drops a bifall’s text silently', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-11');
    await server.api(`/paragraphs/${paragraphId}/questions`, {
      body: { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
    });
    await openLive(meetingId, paragraphId);
    const chooser = page.getByTestId('step-chooser');
    await chooser.getByRole('button', { name: 'Yrkande', exact: true }).click();
    await page.locator('#y-kind').selectOption('bifall');
    expect(await page.locator('#y-text').count()).toBe(0);
    await page.getByTestId('bifall-hint').waitFor();
    await chooser.getByRole('button', { name: 'Beslut', exact: true }).click();
    await page.fill('#d-own', 'Kommunstyrelsen beslutar att anta cykelplanen.');
    await page.locator('#d-own-hint', { hasText: 'tas bort' }).waitFor();
    await record(
      page,
      () => page.locator('[data-testid=step-decision] button[type=submit]').click(),
      /\/decision$/,
    );
    await extractShows(page, 'Kommunstyrelsen beslutar att anta cykelplanen.');
    const extract = await page.getByTestId('extract').innerText();
    expect(extract).not.toContain('beslutar Kommunstyrelsen beslutar');
  });

  it('has one polite and one assertive live region, plain headings, no axe violations, and prints the document only', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-12');
    for (const viewport of [LAPTOP, TABLET]) {
      await openLive(meetingId, paragraphId, viewport);
      const regions = await page.evaluate(() =>
        [...document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')].map(
          (e) => e.getAttribute('aria-live') ?? e.getAttribute('role'),
        ),
      );
      expect(regions.sort()).toEqual(['assertive', 'polite']);
      const headings = await page.locator('h1, h2, h3').allInnerTexts();
      expect(headings.filter((h) => /Alt\+/.test(h))).toEqual([]);
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const violations = (await page.evaluate(
        `axe.run(document).then((r) => r.violations.map((v) => v.id + ': ' + v.help + ' ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`,
      )) as string[];
      expect(violations).toEqual([]);
    }
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.getByTestId('extract').isVisible()).resolves.toBe(true);
      for (const hidden of ['.top', '.agenda-pane', '.record-pane', '#extract-h'])
        await expect(page.locator(hidden).first().isVisible()).resolves.toBe(false);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('after an outage: backs off, cleans up the queue notices and the document pane goes live again', async () => {
    const { meetingId, paragraphId } = await meeting(server, '2026-03-13');
    await openLive(meetingId, paragraphId);
    await page.getByTestId('extract-mode').filter({ hasText: 'live' }).waitFor();
    await page.getByTestId('step-chooser').getByRole('button', { name: 'Yrkande', exact: true }).click();

    await server.stop();
    const healthAt: number[] = [];
    const onHealth = (r: Request) => {
      if (new URL(r.url()).pathname === '/health') healthAt.push(Date.now());
    };
    page.on('request', onHealth);
    await page.locator('#y-member').selectOption({ label: 'Anna Ek (S)' });
    await page.fill('#y-text', 'att planen skickas på remiss.');
    await page.locator('[data-testid=step-motion] button[type=submit]').click();
    const notice = page.locator('[data-testid=step-motion] .notice');
    await notice.filter({ hasText: 'i kö' }).waitFor();
    // Four knocks on /health while down: the old page made them a second apart; now each
    // waits twice as long as the one before (1, 2, 4, 8 s, with jitter).
    for (let i = 0; i < 60 && healthAt.length < 4; i++)
      await page.waitForRequest(/\/health$/, { timeout: 30_000 });
    page.off('request', onHealth);
    expect(healthAt[3]! - healthAt[0]!).toBeGreaterThan(8_000);

    await server.start();
    await page.getByTestId('connection').filter({ hasText: 'Ansluten' }).waitFor({ timeout: 40_000 });
    await notice.filter({ hasText: 'Yrkande: skickat.' }).waitFor({ timeout: 40_000 });
    await extractShows(page, 'planen skickas på remiss');
    await page.getByTestId('extract-mode').filter({ hasText: 'live' }).waitFor({ timeout: 40_000 });
  });
});
