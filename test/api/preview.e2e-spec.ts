/**
 * A preview of an entry (issue 16): the command sent with `Paragraf-Preview: 1` is decided
 * under every rule but not written, and answers the lines it will add to the extract; once
 * registered, the extract has exactly those lines.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from './support/harness.js';
import { openMeeting } from './support/setup.js';

describe('previewing an entry', () => {
  let api: TestApi;
  let paragraphId: string;

  beforeAll(async () => {
    api = await startApi();
    ({
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
  });
  afterAll(() => api.close());

  const post = (path: string, body: object, preview = false) => {
    const req = api.http.post(path).set('authorization', api.auth('clerk'));
    return (preview ? req.set('paragraf-preview', '1') : req).send(body);
  };
  const extract = async () =>
    (
      await api.http
        .get(`/paragraphs/${paragraphId}/extract`)
        .set('authorization', api.auth('clerk'))
        .set('accept', 'text/plain')
    ).text;

  it('answers the sentences an entry adds, writes nothing, and the extract then has them', async () => {
    const entries: [string, object][] = [
      [
        `/paragraphs/${paragraphId}/motions`,
        { proposerId: 'ksau-beronius', kind: 'avslag', text: 'planen är för dyr.' },
      ],
      [`/paragraphs/${paragraphId}/proposal/support`, { memberId: 'ksau-lindberg' }],
      [
        `/paragraphs/${paragraphId}/questions`,
        { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } },
      ],
      [
        `/paragraphs/${paragraphId}/decision`,
        { kind: 'sakbeslut', content: { ownDecisions: ['att godkänna rapporten.'] } },
      ],
    ];
    for (const [path, body] of entries) {
      const before = await api.eventCount();
      const preview = await post(path, body, true);
      expect(preview.status).toBe(200);
      expect(preview.body.preview).toBe(true);
      expect(preview.body.sentences.length).toBeGreaterThan(0);
      expect(await api.eventCount()).toBe(before);
      const res = await post(path, body);
      expect(res.status).toBeLessThan(300);
      const text = await extract();
      const lines = new Set(text.split('\n').map((l) => l.trim()));
      for (const s of preview.body.sentences as string[])
        expect([path, s, lines.has(s)]).toEqual([path, s, true]);
    }
    expect(await extract()).toContain('Robert Beronius (L) yrkar avslag');
  });

  it('writes nothing for a command that is not a paragraph entry', async () => {
    const before = await api.eventCount();
    const { meetingId } = (
      await api.http.get(`/paragraphs/${paragraphId}`).set('authorization', api.auth('clerk'))
    ).body.paragraph as { meetingId: string };
    const res = await api.http
      .post(`/meetings/${meetingId}/close`)
      .set('authorization', api.auth('clerk'))
      .set('paragraf-preview', '1')
      .send({});
    expect(res.status).toBe(400);
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses a preview as it would refuse the entry, with the same problem', async () => {
    const body = { memberId: 'no-such-member' };
    const preview = await post(`/paragraphs/${paragraphId}/recusals`, body, true);
    const real = await post(`/paragraphs/${paragraphId}/recusals`, body);
    expect(preview.status).toBe(real.status);
    expect(preview.body.code).toBe(real.body.code);
  });
});
