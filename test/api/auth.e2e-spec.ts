/**
 * Roles at each boundary: who may record, who may justera, who only reads; 401 without a valid
 * token; clerks only for their bodies. A refused request writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { s65Body, s65Members } from '../scenarios/s65.js';
import { startApi, type TestApi, type TestUser } from './support/harness.js';
import { MOTION, openMeeting } from './support/setup.js';

describe('authentication and roles', () => {
  let api: TestApi;
  let meetingId: string;
  let paragraphId: string;

  beforeAll(async () => {
    api = await startApi();
    ({
      meetingId,
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
  });
  afterAll(() => api.close());

  const JUSTIFY = { byMemberIds: ['ksau-ordf', 'ksau-akesson'], immediate: true };
  const SCHEDULE = {
    body: s65Body,
    date: '2024-06-10',
    startTime: '13:00',
    place: 'Stadshuset',
    chair: 'ksau-ordf',
    secretary: { name: 'Karin Sjödin' },
    members: s65Members,
  };

  async function unchanged<T>(fn: () => Promise<T>): Promise<T> {
    const before = await api.eventCount();
    const result = await fn();
    expect(await api.eventCount()).toBe(before);
    return result;
  }

  describe('401', () => {
    it.each([
      ['no Authorization header', undefined],
      ['an unknown token', 'Bearer not-a-real-token'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('%s on a write and a read', async (_label, header) => {
      await unchanged(async () => {
        const write = api.http.post(`/paragraphs/${paragraphId}/motions`).send(MOTION);
        const read = api.http.get(`/paragraphs/${paragraphId}`);
        for (const res of await Promise.all([
          header ? write.set('authorization', header) : write,
          header ? read.set('authorization', header) : read,
        ])) {
          expect(res.status).toBe(401);
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
          expect(res.body.code).toBe('UNAUTHENTICATED');
        }
      });
    });
  });

  describe('recording (the clerk’s work)', () => {
    it.each<TestUser>(['chair', 'adjuster', 'auditor'])('%s → 403', async (user) => {
      await unchanged(async () => {
        for (const req of [
          api.http.post('/meetings').send(SCHEDULE),
          api.http.post(`/paragraphs/${paragraphId}/motions`).send(MOTION),
          api.http.post(`/meetings/${meetingId}/close`).send({}),
        ]) {
          const res = await req.set('authorization', api.auth(user));
          expect(res.status).toBe(403);
          expect(res.body).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('får inte') });
        }
      });
    });

    it.each<TestUser>(['clerk', 'admin'])('%s may record', async (user) => {
      const res = await api.http
        .post(`/paragraphs/${paragraphId}/motions`)
        .set('authorization', api.auth(user))
        .send(MOTION);
      expect(res.status).toBe(201);
    });

    it('a clerk of another body → 403 on this body’s meeting and paragraphs', async () => {
      await unchanged(async () => {
        const other = api.auth('otherClerk');
        const schedule = await api.http.post('/meetings').set('authorization', other).send(SCHEDULE);
        expect(schedule.status).toBe(403);
        const motion = await api.http
          .post(`/paragraphs/${paragraphId}/motions`)
          .set('authorization', other)
          .send(MOTION);
        expect(motion.status).toBe(403);
        const open = await api.http
          .post(`/meetings/${meetingId}/paragraphs`)
          .set('authorization', other)
          .send({
            caseNumber: 'X',
            title: 'X',
            summary: [],
            basisDocuments: [],
            proposal: { proposer: 'x', decision: {} },
          });
        expect(open.status).toBe(403);
        expect(open.body.detail).toContain('ks-au');
      });
    });
  });

  describe('justering (chair and justerare)', () => {
    it.each<TestUser>(['clerk', 'auditor', 'otherClerk'])('%s → 403', async (user) => {
      await unchanged(async () => {
        const paragraph = await api.http
          .post(`/paragraphs/${paragraphId}/justify`)
          .set('authorization', api.auth(user))
          .send(JUSTIFY);
        expect(paragraph.status).toBe(403);
        const protocol = await api.http
          .post(`/meetings/${meetingId}/justify`)
          .set('authorization', api.auth(user))
          .send({ byMemberIds: ['ksau-ordf', 'ksau-akesson'] });
        expect(protocol.status).toBe(403);
      });
    });

    it.each<TestUser>(['chair', 'adjuster', 'admin'])(
      '%s passes the role check (the rules decide)',
      async (user) => {
        // No decision yet: the decider refuses (422), which shows the guard let the role through.
        const res = await api.http
          .post(`/paragraphs/${paragraphId}/justify`)
          .set('authorization', api.auth(user))
          .send(JUSTIFY);
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('NO_DECISION');
      },
    );
  });

  describe('reading', () => {
    it.each<TestUser>(['clerk', 'otherClerk', 'chair', 'adjuster', 'auditor', 'admin'])(
      '%s may read',
      async (user) => {
        for (const path of [
          `/meetings/${meetingId}`,
          `/paragraphs/${paragraphId}`,
          `/paragraphs/${paragraphId}/extract`,
        ]) {
          const res = await api.http.get(path).set('authorization', api.auth(user));
          expect(res.status).toBe(200);
        }
      },
    );
  });

  it('records the user and role in the event metadata', async () => {
    const res = await api.http
      .post(`/paragraphs/${paragraphId}/notes`)
      .set('authorization', api.auth('admin'))
      .set('x-correlation-id', 'corr-42')
      .send({ memberId: 'ksau-akesson', text: 'Anteckning.' });
    expect(res.status).toBe(201);
    const last = (await api.store.readStream(`paragraph-${paragraphId}`)).at(-1)!;
    expect(last.metadata).toMatchObject({ userId: 'admin', role: 'admin', correlationId: 'corr-42' });
  });

  it('/health and /docs need no token', async () => {
    const health = await api.http.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' } } });
    const docs = await api.http.get('/docs/json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    const ui = await api.http.get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
