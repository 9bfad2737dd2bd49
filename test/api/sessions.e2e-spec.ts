/**
 * Sessions and tokens without a browser: the development sign-in (no provider configured), the
 * session cookie's CSRF rules, sign-out ending the session on the server, and bearer tokens an
 * admin issues and revokes, each with an expiry.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessStore } from '../../apps/api/src/auth/access-store.js';
import { newToken } from '../../apps/api/src/auth/users.js';
import { parseRoleMapping } from '../../apps/api/src/auth/role-mapping.js';
import { startApi, type TestApi } from './support/harness.js';
import { unknownId } from './support/setup.js';

/** The cookies a response sets, by name. */
function cookiesOf(res: { headers: Record<string, unknown> }): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return Object.fromEntries(
    list.map((c: string) => c.split(';')[0].split('=')).map(([k, ...v]) => [k, v.join('=')]),
  );
}

describe('sessions (development sign-in) and CSRF', () => {
  let api: TestApi;
  let session = '';
  let csrf = '';
  const cookie = () => `paragraf-session=${session}`;

  beforeAll(async () => {
    api = await startApi();
  }, 180_000);
  afterAll(() => api.close(), 30_000);

  it('with no provider configured, the status lists the development users to pick', async () => {
    const res = await api.http.get('/auth/status');
    expect(res.status).toBe(200);
    expect(res.body.provider).toBe('development');
    expect(res.body.developmentUsers).toEqual(
      expect.arrayContaining([
        { id: 'clerk', name: 'clerk', roleNames: ['nämndsekreterare'], bodies: ['ks-au', 'un'] },
      ]),
    );
  });

  it('picking one starts a session: an httpOnly SameSite cookie, and a CSRF token the page can read', async () => {
    const res = await api.http.post('/auth/dev-sign-in').send({ userId: 'clerk' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'clerk',
      roles: ['clerk'],
      bodies: ['ks-au', 'un'],
      signedInWith: 'development',
    });
    const raw = (res.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(raw).toMatch(/paragraf-session=[^;]+;.*HttpOnly/);
    expect(raw).toMatch(/paragraf-session=[^;]+;.*SameSite=Lax/);
    expect(raw).not.toMatch(/paragraf-csrf=[^;]+;[^\n]*HttpOnly/);
    ({ 'paragraf-session': session, 'paragraf-csrf': csrf } = cookiesOf(res));
    expect(session).toHaveLength(43);
    const me = await api.http.get('/me').set('cookie', cookie());
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      name: 'clerk',
      roleNames: ['nämndsekreterare'],
      permissions: expect.arrayContaining(['record']),
    });
  });

  it('refuses a user who is not a development user (here: unknown)', async () => {
    expect((await api.http.post('/auth/dev-sign-in').send({ userId: 'nobody' })).status).toBe(404);
  });

  it('a write with the session cookie needs its CSRF token, and an own Origin', async () => {
    const close = () => api.http.post(`/meetings/${unknownId()}/close`).set('cookie', cookie());
    const without = await close().send({ at: '2024-05-27T15:00:00+02:00' });
    expect(without.status).toBe(403);
    expect(without.body.code).toBe('CSRF_REJECTED');
    const wrong = await close().set('x-csrf-token', newToken()).send({ at: '2024-05-27T15:00:00+02:00' });
    expect(wrong.body.code).toBe('CSRF_REJECTED');
    const foreign = await close()
      .set('x-csrf-token', csrf)
      .set('origin', 'http://evil.example')
      .send({ at: '2024-05-27T15:00:00+02:00' });
    expect(foreign.body.code).toBe('CSRF_REJECTED');
    const crossSite = await close()
      .set('x-csrf-token', csrf)
      .set('sec-fetch-site', 'cross-site')
      .send({ at: '2024-05-27T15:00:00+02:00' });
    expect(crossSite.body.code).toBe('CSRF_REJECTED');
    // With the token the request is the clerk's: it gets as far as the meeting (which does not exist).
    const ok = await close().set('x-csrf-token', csrf).send({ at: '2024-05-27T15:00:00+02:00' });
    expect(ok.status).toBe(404);
    // Reads need no token.
    expect((await api.http.get('/me').set('cookie', cookie())).status).toBe(200);
  });

  it('a clerk refused another body is told which bodies she may record for, and who can grant more', async () => {
    const res = await api.http
      .post('/meetings')
      .set('authorization', api.auth('otherClerk'))
      .send({
        body: { id: 'ks-au', name: 'Kommunstyrelsens arbetsutskott', shortName: 'KSAU' },
        date: '2024-05-27',
        startTime: '13:00',
        place: 'Stadshuset',
        chair: 'a',
        secretary: { name: 'S' },
        members: [{ memberId: 'a', name: 'A', party: 'S', role: 'ledamot' }],
      });
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe(
      'Du får inte registrera för organet ks-au. Du får registrera för: bygg. En administratör kan ge dig behörighet.',
    );
    const role = await api.http
      .post(`/meetings/${unknownId()}/justering`)
      .set('authorization', api.auth('auditor'));
    expect(role.status).toBe(403);
    expect(role.body.detail).toBe(
      'Rollen revisor får inte registrera i protokollet. Det kräver rollen nämndsekreterare eller administratör. En administratör kan ge dig behörighet.',
    );
  });

  it('signing out ends the session on the server: the same cookie no longer works', async () => {
    const refused = await api.http.post('/auth/sign-out').set('cookie', cookie());
    expect(refused.body.code).toBe('CSRF_REJECTED');
    const out = await api.http.post('/auth/sign-out').set('cookie', cookie()).set('x-csrf-token', csrf);
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true, redirect: '/' });
    expect((out.headers['set-cookie'] as unknown as string[]).join('\n')).toMatch(/paragraf-session=;/);
    const after = await api.http.get('/me').set('cookie', cookie());
    expect(after.status).toBe(401);
    expect(after.body.detail).toBe('Sessionen har upphört. Logga in igen.');
  });
});

describe('bearer tokens issued by an admin', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  }, 180_000);
  afterAll(() => api.close(), 30_000);

  const issue = (user: string, body: object, as: 'admin' | 'clerk' = 'admin') =>
    api.http.post(`/users/${user}/tokens`).set('authorization', api.auth(as)).send(body);

  it('an admin issues a token with an expiry; it is shown once and works at once', async () => {
    const res = await issue('chair', { label: 'Ordförandens surfplatta', expiresInDays: 30 });
    expect(res.status).toBe(201);
    const { token, tokenId, expiresAt } = res.body as { token: string; tokenId: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    const me = await api.http.get('/me').set('authorization', `Bearer ${token}`);
    expect(me.body).toMatchObject({ id: 'chair', memberId: 'ksau-ordf', signedInWith: 'token' });
    const list = await api.http.get('/users/chair/tokens').set('authorization', api.auth('admin'));
    expect(list.body.tokens).toEqual([
      expect.objectContaining({
        tokenId,
        label: 'Ordförandens surfplatta',
        createdBy: 'admin',
        state: 'valid',
      }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const revoked = await api.http.delete(`/tokens/${tokenId}`).set('authorization', api.auth('admin'));
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ state: 'revoked', revokedBy: 'admin' });
    const after = await api.http.get('/me').set('authorization', `Bearer ${token}`);
    expect(after.status).toBe(401);
    expect(after.body.detail).toBe('Token är återkallad. En administratör kan utfärda en ny.');
  });

  it('an expired token no longer works', async () => {
    const token = newToken();
    api.app.get(AccessStore).issueToken(
      {
        tokenId: 'expired-1',
        userId: 'clerk',
        label: 'gammal',
        createdAt: '2024-01-01T00:00:00Z',
        createdBy: 'admin',
        expiresAt: new Date(Date.now() - 1000).toISOString(),
      },
      token,
    );
    const res = await api.http.get('/me').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.detail).toBe('Token har gått ut. En administratör kan utfärda en ny.');
  });

  it('only an admin issues or revokes; an expiry is required and bounded; the user must exist', async () => {
    const byClerk = await issue('clerk', { label: 'x', expiresInDays: 1 }, 'clerk');
    expect(byClerk.status).toBe(403);
    expect(byClerk.body.detail).toMatch(/^Rollen nämndsekreterare får inte administrera/);
    expect((await issue('clerk', { label: 'x' })).status).toBe(400);
    const tooLong = await issue('clerk', { label: 'x', expiresInDays: 366 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('expiresInDays');
    expect((await issue('nobody', { label: 'x', expiresInDays: 1 })).status).toBe(404);
    expect((await api.http.delete('/tokens/nope').set('authorization', api.auth('admin'))).status).toBe(404);
    expect((await api.http.delete('/tokens/nope').set('authorization', api.auth('clerk'))).status).toBe(403);
  });
});

describe('with an identity provider configured', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({
      config: {
        oidc: {
          issuer: new URL('http://127.0.0.1:9/'),
          clientId: 'paragraf',
          clientSecret: 's',
          redirectUrl: new URL('http://127.0.0.1:3000/auth/callback'),
          scopes: 'openid',
          mapping: parseRoleMapping('{"groups":{"g":{"roles":["clerk"]}}}'),
        },
      },
    });
  }, 180_000);
  afterAll(() => api.close(), 30_000);

  it('development users are neither offered nor accepted', async () => {
    expect((await api.http.get('/auth/status')).body).toEqual({ provider: 'oidc' });
    const res = await api.http.post('/auth/dev-sign-in').send({ userId: 'clerk' });
    expect(res.status).toBe(403);
  });

  it('a provider that does not answer is a 503 in Swedish, not a crash', async () => {
    const res = await api.http.get('/auth/login');
    expect(res.status).toBe(503);
    expect(res.body.detail).toMatch(/inloggningstjänst svarar inte/);
  });
});
