/** GET /me: the web app asks who is signed in, to show only what the user may do. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from './support/harness.js';

describe('GET /me', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
  }, 180_000);
  afterAll(() => api.close(), 60_000);

  it('names the user, the role and what the role may do', async () => {
    const admin = await api.http.get('/me').set('authorization', api.auth('admin'));
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ id: 'admin', role: 'admin' });
    expect(admin.body.permissions).toEqual(expect.arrayContaining(['read', 'record', 'administer']));

    const clerk = await api.http.get('/me').set('authorization', api.auth('clerk'));
    expect(clerk.body.role).toBe('clerk');
    expect(clerk.body.permissions).toContain('record');
    expect(clerk.body.permissions).not.toContain('administer');
  });

  it('answers 401 without a token', async () => {
    expect((await api.http.get('/me')).status).toBe(401);
  });
});
