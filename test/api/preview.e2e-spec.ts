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

describe('a whole votering in one write (docs/adr/0054)', () => {
  let api: TestApi;
  let paragraphId: string;
  let motionId: string;
  let questionId: string;

  beforeAll(async () => {
    api = await startApi();
    ({
      paragraphIds: [paragraphId],
    } = await openMeeting(api));
    const as = (path: string, body: object) =>
      api.http.post(path).set('authorization', api.auth('clerk')).send(body);
    ({ motionId } = (
      await as(`/paragraphs/${paragraphId}/motions`, {
        proposerId: 'ksau-beronius',
        kind: 'avslag',
        text: 'planen är för dyr.',
      })
    ).body);
    ({ questionId } = (
      await as(`/paragraphs/${paragraphId}/questions`, {
        puts: [{ kind: 'proposal' }, { kind: 'motion', motionId }],
        finding: { kind: 'proposal' },
      })
    ).body);
  });
  afterAll(() => api.close());

  const voting = (votes: { memberId: string; vote: string }[], preview = false) => {
    const req = api.http.post(`/paragraphs/${paragraphId}/votings`).set('authorization', api.auth('clerk'));
    return (preview ? req.set('paragraf-preview', '1') : req).send({
      requestedById: 'ksau-beronius',
      questionId,
      kind: 'huvudvotering',
      ja: { kind: 'proposal' },
      nej: { kind: 'motion', motionId },
      votes,
    });
  };
  const ALL = ['ksau-beronius', 'ksau-lindberg', 'ksau-akesson', 'ksau-ers-nord', 'ksau-ordf'];

  it('refuses a roll call the rules refuse, and writes none of the three parts', async () => {
    const before = await api.eventCount();
    // Two against two with no utslagsröst: the roll call is refused, so the request is not kept either.
    const tie = ALL.slice(0, 4).map((memberId, i) => ({ memberId, vote: i % 2 ? 'ja' : 'nej' }));
    const res = await voting(tie);
    expect(res.status).toBe(422);
    expect(await api.eventCount()).toBe(before);
  });

  it('previews the votering as the extract will print it, then records it in one append', async () => {
    const votes = ALL.map((memberId) => ({ memberId, vote: memberId === 'ksau-beronius' ? 'nej' : 'ja' }));
    const before = await api.eventCount();
    const preview = await voting(votes, true);
    expect(preview.status).toBe(200);
    expect(await api.eventCount()).toBe(before);
    const sentences = preview.body.sentences as string[];
    expect(sentences).toContain('Votering begärs.');
    expect(sentences.join('\n')).toMatch(/^Omröstningsresultat: Med 4 ja-röster mot 1 nej-röst beslutar/m);

    const res = await voting(votes);
    expect(res.status).toBe(201);
    expect(await api.eventCount()).toBe(before + 3);
    const stored = await api.store.readStream(`paragraph-${paragraphId}`);
    const last3 = stored.slice(-3);
    expect(last3.map((e) => e.type)).toEqual(['VoteRequested', 'VotePropositionApproved', 'VoteHeld']);
    // One command wrote them (all or none: the refusal above left nothing).
    expect(new Set(last3.map((e) => e.metadata.commandId)).size).toBe(1);
    const extract = (
      await api.http
        .get(`/paragraphs/${paragraphId}/extract`)
        .set('authorization', api.auth('clerk'))
        .set('accept', 'text/plain')
    ).text;
    const lines = new Set(extract.split('\n').map((l) => l.trim()));
    for (const s of sentences) expect([s, lines.has(s)]).toEqual([s, true]);
  });
});
