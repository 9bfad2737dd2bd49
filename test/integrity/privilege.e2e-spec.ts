/**
 * Least privilege: the raw history with who and when, and verification details, are for
 * auditors, and a scoped auditor sees only their bodies; the store's files and the folders
 * the server creates are the server user's alone (0600 / 0700).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDb } from '@app/projections';
import { UserDirectory } from '../../apps/api/src/auth/users.js';
import { IdempotencyStore } from '../../apps/api/src/idempotency/idempotency.store.js';
import { startApi, type TestApi, type TestUser } from '../api/support/harness.js';
import { MOTION, openMeeting } from '../api/support/setup.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('raw history and verification are for auditors', () => {
  let api: TestApi;
  let meetingId: string;
  let paragraphId: string;

  beforeAll(async () => {
    api = await startApi();
    ({
      meetingId,
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
    await api.http
      .post(`/paragraphs/${paragraphId}/motions`)
      .set('authorization', api.auth('clerk'))
      .send(MOTION);
  });
  afterAll(() => api.close(), 30_000);

  const routes = () => [
    `/audit/streams/meeting-${meetingId}/events`,
    `/audit/streams/paragraph-${paragraphId}/events`,
    '/audit/streams/numbering-ks-au-2024/events',
    '/audit/changes',
    '/audit/verify',
  ];

  it.each<TestUser>(['clerk', 'otherClerk', 'chair', 'adjuster', 'admin'])(
    '%s → 403 on every raw route',
    async (user) => {
      for (const path of routes()) {
        const res = await api.http.get(path).set('authorization', api.auth(user));
        expect({ path, status: res.status }).toEqual({ path, status: 403 });
        expect(res.body.code).toBe('FORBIDDEN');
      }
    },
  );

  it('an auditor reads them all', async () => {
    for (const path of routes()) {
      const res = await api.http.get(path).set('authorization', api.auth('auditor'));
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const verify = await api.http.get('/audit/verify').set('authorization', api.auth('auditor'));
    expect(verify.body).toMatchObject({ ok: true, breaks: [] });
    expect(verify.body.checkedEvents).toBeGreaterThan(5);
  });

  it('an auditor scoped to another body: 403 on its streams, none of its events in the changes', async () => {
    const other = (path: string) => api.http.get(path).set('authorization', api.auth('otherAuditor'));
    for (const path of routes().slice(0, 3)) expect((await other(path)).status).toBe(403);
    const changes = await other('/audit/changes');
    expect(changes.status).toBe(200);
    expect(changes.body.events).toEqual([]);
    const all = await api.http.get('/audit/changes').set('authorization', api.auth('auditor'));
    expect(all.body.events.length).toBeGreaterThan(5);
    const verify = await other('/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, breaks: [], breaksOutsideScope: 0 });
  });
});

describe('files are the server user’s alone', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'paragraf-modes-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('event store, read models, idempotency answers and users file: 0600, new folders 0700', async () => {
    const events = join(dir, 'new', 'data', 'events.db');
    const store = new SqliteEventStore({ path: events });
    await store.appendToStream('s-1', [{ id: '0190c6b2-7a5e-7b3c-8d4e-1f2a3b4c5d6e', type: 'T', data: {} }]);
    expect(mode(join(dir, 'new'))).toBe(0o700);
    expect(mode(join(dir, 'new', 'data'))).toBe(0o700);
    expect(mode(events)).toBe(0o600);
    expect(mode(`${events}-wal`)).toBe(0o600);
    await store.close();

    const readModels = join(dir, 'rm', 'read-models.db');
    openReadModelDb(readModels).close();
    expect(mode(readModels)).toBe(0o600);
    expect(mode(join(dir, 'rm'))).toBe(0o700);

    const idempotency = join(dir, 'idem', 'idempotency.db');
    new IdempotencyStore(idempotency).close();
    expect(mode(idempotency)).toBe(0o600);

    const users = join(dir, 'users', 'users.json');
    UserDirectory.load(users, () => undefined);
    expect(mode(users)).toBe(0o600);
    expect(mode(join(dir, 'users'))).toBe(0o700);
  });

  it('a store file left world-readable by an older version is narrowed on opening', async () => {
    const old = join(dir, 'old.db');
    writeFileSync(old, '', { mode: 0o644 });
    expect(mode(old)).toBe(0o644);
    await new SqliteEventStore({ path: old }).close();
    expect(mode(old)).toBe(0o600);
  });
});
