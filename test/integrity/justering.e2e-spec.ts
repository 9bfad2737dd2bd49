/**
 * Justering signed by the people: the clerk sends the protocol, the chair and the justerare each
 * sign for themselves with the hash of the protocol text they were served; a signature for
 * someone else is refused (403); the justering completes only with every required signature.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { SEAL_STREAM } from '@app/event-store';
import { startApi, type TestApi, type TestUser } from '../api/support/harness.js';
import { openMeeting } from '../api/support/setup.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('justering signed by the people', () => {
  let api: TestApi;
  let meetingId: string;

  beforeAll(async () => {
    api = await startApi();
    ({ meetingId } = await openMeeting(api));
    const closed = await api.http
      .post(`/meetings/${meetingId}/close`)
      .set('authorization', api.auth('clerk'))
      .send({ at: '2024-05-27T15:00:00+02:00' });
    expect(closed.status).toBe(200);
  }, 180_000);
  // Closing the app (its projection thread) takes a few seconds on a busy machine.
  afterAll(() => api.close(), 30_000);

  const served = async (user: TestUser) => {
    const res = await api.http
      .get(`/meetings/${meetingId}/protocol`)
      .set('authorization', api.auth(user))
      .set('accept', 'text/plain');
    expect(res.status).toBe(200);
    return { text: res.text, header: res.headers['paragraf-document-sha256'] as string };
  };
  const sign = (user: TestUser, body: object) =>
    api.http
      .post(`/meetings/${meetingId}/justering/signatures`)
      .set('authorization', api.auth(user))
      .send(body);
  const status = async () =>
    (await api.http.get(`/meetings/${meetingId}/justering`).set('authorization', api.auth('auditor'))).body;
  async function unchanged<T>(fn: () => Promise<T>): Promise<T> {
    const before = await api.eventCount();
    const result = await fn();
    expect(await api.eventCount()).toBe(before);
    return result;
  }

  it('the document route names the hash of exactly what it served', async () => {
    const { text, header } = await served('chair');
    expect(header).toBe(sha256(text));
  });

  it('nothing can be signed before the clerk sends the protocol; only the clerk sends it', async () => {
    const { header } = await served('chair');
    expect((await unchanged(() => sign('chair', { documentSha256: header }))).status).toBe(404);
    const byChair = await api.http
      .post(`/meetings/${meetingId}/justering`)
      .set('authorization', api.auth('chair'));
    expect(byChair.status).toBe(403);
    const res = await api.http
      .post(`/meetings/${meetingId}/justering`)
      .set('authorization', api.auth('clerk'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requested: true, complete: false });
    expect(res.body.required.map((m: { memberId: string }) => m.memberId)).toEqual([
      'ksau-ordf',
      'ksau-akesson',
    ]);
  });

  it('refuses a signature for anyone but the signed-in person (403), and anyone not required (422)', async () => {
    const { header } = await served('adjuster');
    const forChair = await unchanged(() =>
      sign('adjuster', { memberId: 'ksau-ordf', documentSha256: header }),
    );
    expect(forChair.status).toBe(403);
    expect(forChair.body.detail).toMatch(/för dig själv/);
    const unlinked = await unchanged(() => sign('admin', { documentSha256: header }));
    expect(unlinked.status).toBe(403);
    const notRequired = await unchanged(() => sign('otherMember', { documentSha256: header }));
    expect(notRequired.status).toBe(422);
    expect(notRequired.body.code).toBe('JUSTERING_NOT_A_SIGNER');
    expect((await unchanged(() => sign('clerk', { documentSha256: header }))).status).toBe(403);
    expect((await unchanged(() => sign('chair', { documentSha256: 'nope' }))).status).toBe(400);
    const stale = await unchanged(() => sign('chair', { documentSha256: 'b'.repeat(64) }));
    expect(stale.status).toBe(422);
    expect(stale.body.code).toBe('JUSTERING_DOCUMENT_CHANGED');
  });

  it('completes only when every required person has signed, each with the hash they were served', async () => {
    const chairDoc = await served('chair');
    const first = await sign('chair', { memberId: 'ksau-ordf', documentSha256: chairDoc.header });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ complete: false, missing: [{ memberId: 'ksau-akesson' }] });
    const meeting = await api.http.get(`/meetings/${meetingId}`).set('authorization', api.auth('auditor'));
    expect(meeting.body.meeting.justified ?? null).toBeNull();
    expect((await unchanged(() => sign('chair', { documentSha256: chairDoc.header }))).body.code).toBe(
      'JUSTERING_ALREADY_SIGNED',
    );

    const adjusterDoc = await served('adjuster');
    const last = await sign('adjuster', { documentSha256: adjusterDoc.header });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ complete: true, missing: [] });

    const { signatures } = await status();
    expect(signatures).toEqual([
      expect.objectContaining({
        member: expect.objectContaining({ memberId: 'ksau-ordf' }),
        userId: 'chair',
        documentSha256: sha256(chairDoc.text),
        method: 'bearer-token',
      }),
      expect.objectContaining({
        member: expect.objectContaining({ memberId: 'ksau-akesson' }),
        userId: 'adjuster',
        documentSha256: sha256(adjusterDoc.text),
      }),
    ]);
    const events = await api.store.readStream(`meeting-${meetingId}`);
    expect(events.at(-1)).toMatchObject({
      type: 'ProtocolJustified',
      data: { by: [{ memberId: 'ksau-ordf' }, { memberId: 'ksau-akesson' }] },
    });
    // The justering is sealed at once, and the record verifies clean.
    const seals = await api.store.readStream(SEAL_STREAM);
    expect(BigInt(seals.at(-1)!.data.upTo as string)).toBeGreaterThanOrEqual(events.at(-1)!.position.commit);
    const verify = await api.http.get('/audit/verify').set('authorization', api.auth('auditor'));
    expect(verify.body).toMatchObject({ ok: true, breaks: [] });
    expect((await unchanged(() => sign('adjuster', { documentSha256: adjusterDoc.header }))).status).toBe(
      422,
    );
  });
});
