/**
 * Sign-in through the municipality's identity provider, for real: an OpenID Connect provider
 * (oidc-provider) runs in this process, the API is configured against it from the same
 * environment variables an operator sets, and a clerk and a justerare sign in through Chromium
 * (authorisation code with PKCE). The clerk records with her session; the justerare signs the
 * justering with hers, on the page. A clerk of one body cannot act for another; a write without
 * the session's CSRF token, or from another origin, is refused; signing out ends the session on
 * the server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Page } from 'playwright-core';
import { SqliteEventStore } from '@app/event-store';
import { createApp } from '../../apps/api/src/app.factory.js';
import { hashToken, newToken, UserDirectory } from '../../apps/api/src/auth/users.js';
import { loadApiConfig } from '../../apps/api/src/config.js';
import { s65Body, s65Members } from '../scenarios/s65.js';
import { describeInBrowser, openBrowser, type BrowserSession } from './support/browser.js';
import { startProvider, type TestProvider } from './support/oidc-provider.js';
import { ensureWebBuilt, freePort } from './support/server.js';
import { TEST_READ_WAIT_MS } from '../support/busy-machine.js';

const WAIT = { timeout: 60_000 };

/** The provider's people and their groups (what the municipality's directory would hold). */
const PEOPLE = {
  'karin.sjodin': { name: 'Karin Sjödin', groups: ['paragraf-sekreterare-ksau'] },
  'marie.akesson': { name: 'Marie Åkesson', groups: ['paragraf-justerare-ksau'] },
  'nils.nobody': { name: 'Nils Utan Grupp', groups: ['someone-elses-group'] },
};

/** PARAGRAF_OIDC_GROUPS: the provider's groups to Paragraf's roles and bodies. */
const GROUPS = {
  claim: 'groups',
  groups: {
    'paragraf-sekreterare-ksau': { roles: ['clerk'], bodies: ['ks-au'] },
    'paragraf-justerare-ksau': { roles: ['adjuster'], bodies: ['ks-au'] },
  },
};

/** A write or read from inside the signed-in page: the browser adds the cookie and Origin. */
async function inPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  withCsrf = true,
): Promise<{ status: number; body: Record<string, unknown> | null }> {
  return page.evaluate(
    async ({ method, path, body, withCsrf }) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const { cookie } = (globalThis as unknown as { document: { cookie: string } }).document;
      const csrf = /(?:^|;\s*)paragraf-csrf=([^;]+)/.exec(cookie);
      if (withCsrf && csrf) headers['x-csrf-token'] = decodeURIComponent(csrf[1]);
      const res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json = null;
      try {
        json = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: res.status, body: json };
    },
    { method, path, body, withCsrf },
  );
}

describeInBrowser('signing in through the municipality’s OpenID Connect provider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paragraf-oidc-'));
  const adminToken = newToken();
  let provider: TestProvider;
  let app: NestFastifyApplication;
  let store: SqliteEventStore;
  let apiUrl = '';
  let evil: Server;
  let evilUrl = '';
  let clerk: BrowserSession;
  let justerare: BrowserSession;
  let meetingId = '';

  const sessionCookie = async (s: BrowserSession) =>
    (await s.context.cookies(apiUrl)).find((c) => c.name === 'paragraf-session')?.value;

  /** Through the provider's own pages, as a person would. */
  async function signIn(page: Page, login: string): Promise<void> {
    await page.goto(`${apiUrl}/#/`);
    await page.getByRole('link', { name: 'Logga in' }).click();
    await page.waitForURL((u) => u.port !== new URL(apiUrl).port, WAIT); // at the provider
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any password: the test provider checks none');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click(); // consent
    await page.waitForURL((u) => u.origin === apiUrl, WAIT);
  }

  beforeAll(async () => {
    ensureWebBuilt();
    const [providerPort, apiPort, evilPort] = [await freePort(), await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${apiPort}`;
    provider = await startProvider(
      providerPort,
      { redirectUrl: `${apiUrl}/auth/callback`, home: `${apiUrl}/` },
      PEOPLE,
    );
    // The users file: an admin (API token), the chair as an API client, and the link from the
    // provider's person to the member she is.
    const usersFile = join(dir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify({
        users: [
          { id: 'admin', name: 'Administratör', roles: ['admin'], tokenSha256: hashToken(adminToken) },
          { id: 'ordf', name: 'Helena Strand', roles: ['chair'], memberId: 'ksau-ordf' },
          { id: 'marie', name: 'Marie Åkesson', subject: 'marie.akesson', memberId: 'ksau-akesson' },
        ],
      }),
    );
    const config = {
      ...loadApiConfig({
        NODE_ENV: 'test',
        PARAGRAF_READ_WAIT_MS: TEST_READ_WAIT_MS,
        PARAGRAF_OIDC_ISSUER: provider.issuer,
        PARAGRAF_OIDC_CLIENT_ID: provider.clientId,
        PARAGRAF_OIDC_CLIENT_SECRET: provider.clientSecret,
        PARAGRAF_OIDC_REDIRECT_URL: `${apiUrl}/auth/callback`,
        PARAGRAF_OIDC_GROUPS: JSON.stringify(GROUPS),
      }),
      usersFile,
      idempotencyPath: join(dir, 'idempotency.db'),
      attachmentsPath: join(dir, 'attachments'),
      sealIntervalSeconds: 0,
      verifyIntervalSeconds: 0,
    };
    store = new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL' });
    app = await createApp({ config, store, users: UserDirectory.load(usersFile) });
    await app.listen({ port: apiPort, host: '127.0.0.1' });
    // Another site on this machine, whose page tries to write with the clerk's cookie.
    evilUrl = `http://127.0.0.1:${evilPort}`;
    evil = createServer((req, res) => {
      const target = new URL(req.url ?? '/', evilUrl).searchParams.get('target') ?? '';
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><title>vänta</title><script>
          fetch(${JSON.stringify(apiUrl)} + ${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
            .finally(() => { document.title = 'skickat'; });
        </script>`,
      );
    });
    await new Promise<void>((resolve) => evil.listen(evilPort, '127.0.0.1', resolve));
    clerk = await openBrowser();
    justerare = await openBrowser();
    // The provider's pages and ours on a loaded CI machine: generous waits, never fixed sleeps.
    clerk.page.setDefaultTimeout(30_000);
    justerare.page.setDefaultTimeout(30_000);
  }, 120_000);

  afterAll(async () => {
    await clerk?.close();
    await justerare?.close();
    await app?.close();
    await provider?.close();
    await new Promise<void>((resolve) => (evil ? evil.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('the page offers the provider, not development users; the clerk signs in there and sees who she is', async () => {
    const page = clerk.page;
    await page.goto(`${apiUrl}/#/`);
    await expect(page.getByTestId('development-sign-in').count()).resolves.toBe(0);
    await signIn(page, 'karin.sjodin');
    const person = page.getByTestId('person');
    await person.waitFor(WAIT);
    expect(await person.innerText()).toMatch(/Karin Sjödin · nämndsekreterare · får registrera för: ks-au/);
    // The session is an httpOnly, SameSite cookie; the page never sees it.
    const cookie = (await clerk.context.cookies(apiUrl)).find((c) => c.name === 'paragraf-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate('document.cookie')).not.toContain('paragraf-session');
    // One sign-in per browser: a new tab is signed in as well.
    const tab = await clerk.context.newPage();
    await tab.goto(`${apiUrl}/#/`);
    expect(await tab.getByTestId('person').innerText(WAIT)).toContain('Karin Sjödin');
    await tab.close();
    const me = await inPage(page, 'GET', '/me');
    expect(me.body).toMatchObject({
      id: 'oidc:karin.sjodin',
      name: 'Karin Sjödin',
      roles: ['clerk'],
      bodies: ['ks-au'],
      signedInWith: 'oidc',
    });
  });

  it('the clerk records a meeting with her session', async () => {
    const page = clerk.page;
    const scheduled = await inPage(page, 'POST', '/meetings', {
      body: s65Body,
      date: '2024-05-27',
      startTime: '13:00',
      place: 'Stadshuset',
      chair: 'ksau-ordf',
      secretary: { name: 'Karin Sjödin' },
      members: s65Members,
    });
    expect(scheduled.status).toBe(201);
    meetingId = scheduled.body!.meetingId as string;
    const steps: [string, object][] = [
      [
        'attendance',
        {
          present: ['ksau-ordf', 'ksau-beronius', 'ksau-lindberg', 'ksau-akesson', 'ksau-ers-nord'],
          absent: ['ksau-farah', 'ksau-ers-berg'],
          servingSubstitutes: [{ substituteId: 'ksau-ers-nord', forMemberId: 'ksau-farah' }],
        },
      ],
      [
        'adjusters',
        { adjusters: ['ksau-akesson'], justeringAt: '2024-05-29T10:00:00+02:00', justeringPlace: 'KSK' },
      ],
      ['open', { at: '2024-05-27T13:00:00+02:00' }],
    ];
    for (const [step, body] of steps) {
      expect((await inPage(page, 'POST', `/meetings/${meetingId}/${step}`, body)).status).toBe(200);
    }
    const paragraph = await inPage(page, 'POST', `/meetings/${meetingId}/paragraphs`, {
      caseNumber: 'KS 2024-15',
      title: 'Delårsrapport',
      summary: ['Sammanfattning.'],
      basisDocuments: ['Tjänsteutlåtande'],
      proposal: {
        proposer: 'kommunstyrelsekontoret',
        document: 'tjänsteutlåtande',
        decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna rapporten.'] } },
      },
    });
    expect(paragraph.status).toBe(201);
    expect(
      (await inPage(page, 'POST', `/meetings/${meetingId}/close`, { at: '2024-05-27T15:00:00+02:00' }))
        .status,
    ).toBe(200);
    // Who recorded it: the person the provider vouched for.
    const events = await store.readStream(`meeting-${meetingId}`);
    expect(events.map((e) => e.metadata?.userId)).toContain('oidc:karin.sjodin');
  });

  it('a clerk of ks-au cannot act for ks: the refusal names what is missing and who can grant it', async () => {
    const refused = await inPage(clerk.page, 'POST', '/meetings', {
      body: { id: 'ks', name: 'Kommunstyrelsen', shortName: 'KS' },
      date: '2024-06-03',
      startTime: '13:00',
      place: 'Stadshuset',
      chair: 'ksau-ordf',
      secretary: { name: 'Karin Sjödin' },
      members: s65Members,
    });
    expect(refused.status).toBe(403);
    expect(refused.body!.detail).toBe(
      'Du får inte registrera för organet ks. Du får registrera för: ks-au. En administratör kan ge dig behörighet.',
    );
    expect(refused.body).toMatchObject({ missing: { body: 'ks' }, bodies: ['ks-au'], grantedBy: 'admin' });
    // The page says the same: a KS meeting (scheduled by an admin) is not hers to send for justering.
    const ks = await fetch(`${apiUrl}/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        body: { id: 'ks', name: 'Kommunstyrelsen', shortName: 'KS' },
        date: '2024-06-03',
        startTime: '13:00',
        place: 'Stadshuset',
        chair: 'ksau-ordf',
        secretary: { name: 'Kim Ek' },
        members: s65Members,
      }),
    });
    expect(ks.status).toBe(201);
    const { meetingId: ksMeeting } = (await ks.json()) as { meetingId: string };
    await clerk.page.goto(`${apiUrl}/#/after/${ksMeeting}`);
    await clerk.page.getByRole('button', { name: 'Skicka protokollet för justering' }).click(WAIT);
    expect(await clerk.page.getByTestId('refusal').innerText(WAIT)).toBe(
      'Du får inte registrera för organet ks. Du får registrera för: ks-au. En administratör kan ge dig behörighet.',
    );
  });

  it('a write with the cookie but without the CSRF token, or from another site, is refused', async () => {
    const status = async () => (await inPage(clerk.page, 'GET', `/meetings/${meetingId}/justering`)).body;
    const without = await inPage(clerk.page, 'POST', `/meetings/${meetingId}/justering`, undefined, false);
    expect(without.status).toBe(403);
    expect(without.body!.code).toBe('CSRF_REJECTED');
    // The same cookie, replayed from outside the browser with the right token but a foreign Origin.
    const cookie = await sessionCookie(clerk);
    const csrf = (await clerk.context.cookies(apiUrl)).find((c) => c.name === 'paragraf-csrf')!.value;
    const foreign = await fetch(`${apiUrl}/meetings/${meetingId}/justering`, {
      method: 'POST',
      headers: { cookie: `paragraf-session=${cookie}`, 'x-csrf-token': csrf, origin: evilUrl },
    });
    expect(foreign.status).toBe(403);
    // Another site's page in the clerk's own browser: the browser sends the cookie (same site,
    // other port), the server refuses the Origin, and nothing is recorded.
    const other = await clerk.context.newPage();
    await other.goto(`${evilUrl}/?target=${encodeURIComponent(`/meetings/${meetingId}/justering`)}`);
    await other.waitForFunction("document.title === 'skickat'", null, WAIT);
    await other.close();
    expect(await status()).toMatchObject({ requested: false });
  });

  it('a person in no mapped group is not let in, and the page says why', async () => {
    await signIn(justerare.page, 'nils.nobody');
    await justerare.page
      .getByText('Ditt konto är inte med i någon grupp som ger behörighet i Paragraf.', { exact: false })
      .waitFor(WAIT);
    expect(await sessionCookie(justerare)).toBeUndefined();
    // Forget him at the provider too, so the next person signs in afresh in this browser.
    await justerare.context.clearCookies();
  });

  it('the justerare signs in as herself and signs the justering on the page', async () => {
    // The clerk sends the protocol for justering from the page.
    await clerk.page.goto(`${apiUrl}/#/after/${meetingId}`);
    await clerk.page.getByRole('button', { name: 'Skicka protokollet för justering' }).click(WAIT);
    await clerk.page
      .getByTestId('justering')
      .getByText('Protokollet är skickat för justering.')
      .waitFor(WAIT);

    const page = justerare.page;
    await signIn(page, 'marie.akesson');
    await page.getByTestId('person').waitFor(WAIT);
    expect(await page.getByTestId('person').innerText()).toContain('Marie Åkesson · justerare');
    await page.goto(`${apiUrl}/#/after/${meetingId}`);
    await page.getByRole('button', { name: 'Skriv under justeringen som Marie Åkesson' }).click(WAIT);
    await page.getByTestId('justering').getByText('Din underskrift är registrerad.').waitFor(WAIT);

    // The chair signs as an API client, with a token an admin issued her.
    const issued = await fetch(`${apiUrl}/users/ordf/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'Ordförandens signering', expiresInDays: 1 }),
    });
    expect(issued.status).toBe(201);
    const { token } = (await issued.json()) as { token: string };
    const served = await fetch(`${apiUrl}/meetings/${meetingId}/protocol`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/plain' },
    });
    const signed = await fetch(`${apiUrl}/meetings/${meetingId}/justering/signatures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ documentSha256: served.headers.get('paragraf-document-sha256') }),
    });
    expect(signed.status).toBe(200);
    const after = (await signed.json()) as { complete: boolean; signatures: object[] };
    expect(after.complete).toBe(true);
    expect(after.signatures).toEqual([
      expect.objectContaining({
        member: expect.objectContaining({ memberId: 'ksau-akesson' }),
        userId: 'marie',
        method: 'oidc-session',
      }),
      expect.objectContaining({
        member: expect.objectContaining({ memberId: 'ksau-ordf' }),
        userId: 'ordf',
        method: 'bearer-token',
      }),
    ]);
  });

  it('signing out ends the session on the server: the old cookie no longer works', async () => {
    const cookie = await sessionCookie(clerk);
    expect(cookie).toBeDefined();
    const asClerk = () => fetch(`${apiUrl}/me`, { headers: { cookie: `paragraf-session=${cookie}` } });
    expect((await asClerk()).status).toBe(200);
    const page = clerk.page;
    await page.goto(`${apiUrl}/#/`);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    // The provider's end-session page (RP-initiated logout) asks to confirm, then sends us home.
    await page.waitForURL((u) => u.origin === provider.issuer, WAIT);
    const res = await asClerk();
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toBe('Sessionen har upphört. Logga in igen.');
  });
});
