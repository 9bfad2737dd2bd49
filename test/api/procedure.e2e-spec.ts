/**
 * Issue 11, part 2: every step that real protocols record, recorded through the HTTP API and
 * read back from the paragraph and meeting views. Procedure the chair and the meeting decide
 * is recorded with a warning; what the law forbids or cannot be true is refused (422) and
 * writes nothing.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { streamIds } from '@app/domain';
import type { ParagraphView } from '@app/protocol';
import { startApi, type TestApi } from './support/harness.js';
import { openMeeting, PARAGRAPH_BODY } from './support/setup.js';

const ATTACHMENT_LIMIT = 4096;

describe('recording what really happens (issue 11)', () => {
  let api: TestApi;
  let meetingId: string;
  let p1: string; // the main flow: talarlista … votering … group reservation with a bilaga
  let p2: string; // a motion as the matter, an earlier paragraph outside the system
  let p3: string; // acklamation: a silent member reserves

  beforeAll(async () => {
    api = await startApi({ config: { attachmentLimit: ATTACHMENT_LIMIT } });
    ({
      meetingId,
      paragraphIds: [p1, p3],
    } = await openMeeting(api, 2));
    const res = await post(`/meetings/${meetingId}/paragraphs`, {
      ...PARAGRAPH_BODY,
      title: 'Svar på motion om fler cykelbanor',
      matter: { kind: 'motion', title: 'Motion om fler cykelbanor (C)' },
      earlierReference: {
        body: 'Kommunfullmäktige',
        date: '2019-03-12',
        paragraph: '§ 52',
        caseNumber: 'KS 2019-102',
        outcome: 'aterremiss',
      },
    });
    expect(res.status).toBe(201);
    p2 = res.body.paragraphId as string;
  });
  afterAll(() => api.close());

  const post = (path: string, body: object, user: 'clerk' | 'auditor' = 'clerk') =>
    api.http.post(path).set('authorization', api.auth(user)).send(body);
  const view = async (paragraphId: string) => {
    const res = await api.http.get(`/paragraphs/${paragraphId}`).set('authorization', api.auth('auditor'));
    expect(res.status).toBe(200);
    return res.body.paragraph as ParagraphView;
  };
  const upload = (bytes: Buffer, type = 'application/pdf') =>
    api.http
      .post('/attachments')
      .set('authorization', api.auth('clerk'))
      .set('content-type', type)
      .send(bytes);
  /** A refused request: 422 with the rule's code, and nothing written. */
  async function expectRefused(
    res: Promise<{ status: number; body: Record<string, unknown> }>,
    code: string,
  ) {
    const before = await api.eventCount();
    const answer = await res;
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe(code);
    expect(String(answer.body.detail)).toMatch(/[a-zåäö]{3,}/);
    expect(await api.eventCount()).toBe(before);
  }

  describe('§ with talarlista, joint movers, amendment, propositionsordning and votering', () => {
    const pdf = Buffer.from('%PDF-1.4 reservation av Socialdemokraterna');
    const sha = createHash('sha256').update(pdf).digest('hex');
    let tillagg: string;
    let questionId: string;
    let voteId: string;
    let decisionId: string;

    it('keeps the talarlista live, in order, members and officials', async () => {
      for (const body of [
        { memberId: 'ksau-beronius', at: '2024-05-27T13:05:00+02:00' },
        { person: { name: 'Eva Ek', title: 'ekonomichef' } },
        { memberId: 'ksau-akesson' },
      ]) {
        const res = await post(`/paragraphs/${p1}/speakers`, body);
        expect(res.status).toBe(201);
        expect(typeof res.body.speakerId).toBe('string');
      }
      const v = await view(p1);
      expect(v.speakers.map((s) => s.member?.name ?? s.person?.name)).toEqual([
        'Robert Beronius',
        'Eva Ek',
        'Marie Åkesson',
      ]);
      expect(v.speakers[0].at).toBe('2024-05-27T13:05:00+02:00');
      expect(v.speakers[1].person).toEqual({ name: 'Eva Ek', title: 'ekonomichef' });
    });

    it('refuses a speaker who is absent (cannot be true) and one neither member nor person (400)', async () => {
      await expectRefused(
        post(`/paragraphs/${p1}/speakers`, { memberId: 'ksau-farah' }),
        'MEMBER_NOT_PRESENT',
      );
      const res = await post(`/paragraphs/${p1}/speakers`, {});
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'memberId', message: expect.any(String) }]);
    });

    it('records a yrkande of several joint movers, stored exactly as given', async () => {
      const text = 'att uppdraget ska redovisas i augusti  ';
      const res = await post(`/paragraphs/${p1}/motions`, {
        proposerId: 'ksau-akesson',
        coProposerIds: ['ksau-ers-nord'],
        kind: 'tillagg',
        text,
      });
      expect(res.status).toBe(201);
      tillagg = res.body.motionId as string;
      const m = (await view(p1)).motions[0];
      expect(m.proposer.name).toBe('Marie Åkesson');
      expect(m.coProposers.map((c) => c.name)).toEqual(['Lina Nord']);
      expect(m.text).toBe(text);
      const stored = await api.store.readStream(streamIds.paragraph(p1));
      expect(stored.find((e) => e.type === 'MotionProposed')!.data.text).toBe(text);
    });

    it('records support of any yrkande and of the förslag itself', async () => {
      expect(
        (await post(`/paragraphs/${p1}/motions/${tillagg}/support`, { memberId: 'ksau-lindberg' })).status,
      ).toBe(200);
      expect((await post(`/paragraphs/${p1}/proposal/support`, { memberId: 'ksau-beronius' })).status).toBe(
        200,
      );
      const v = await view(p1);
      expect(v.motions[0].supporters.map((s) => s.memberId)).toEqual(['ksau-lindberg']);
      expect(v.proposal.supporters.map((s) => s.memberId)).toEqual(['ksau-beronius']);
      // A joint mover does not also instämma in the same yrkande.
      await expectRefused(
        post(`/paragraphs/${p1}/motions/${tillagg}/support`, { memberId: 'ksau-ers-nord' }),
        'OWN_MOTION_SUPPORT',
      );
    });

    it('records the chair amending the proposal under discussion', async () => {
      const decision = {
        proposesTo: {
          body: 'Kommunstyrelsen',
          items: ['Godkänna rapporten med de ändringar som redovisats.'],
        },
      };
      const res = await post(`/paragraphs/${p1}/proposal/amendments`, {
        decision,
        text: 'Ordföranden föreslår att förslaget justeras med hänsyn till ekonomichefens redovisning.',
      });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toBeUndefined();
      const v = await view(p1);
      expect(v.proposal.current).toEqual(decision);
      expect(v.proposal.decision).toEqual(PARAGRAPH_BODY.proposal.decision);
      expect(v.proposal.amendments[0]).toMatchObject({ by: { memberId: 'ksau-ordf' }, struck: false });
    });

    it('records a propositionsordning that puts the main proposal and the addition together, with a warning', async () => {
      const res = await post(`/paragraphs/${p1}/proposition-orders`, {
        steps: [{ puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: tillagg }] }],
        text: 'Förslaget och tilläggsyrkandet ställs mot varandra.',
      });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({
          code: 'ORDER_OF_TRIAL',
          message: expect.stringMatching(/Propositionsordningen/),
        }),
      ]);
      expect((await view(p1)).propositionOrders[0]).toMatchObject({
        steps: [{ puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: tillagg }] }],
        text: 'Förslaget och tilläggsyrkandet ställs mot varandra.',
      });
    });

    it('the chair then sets the förslag against each other as approved: no warning', async () => {
      const res = await post(`/paragraphs/${p1}/questions`, {
        puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: tillagg }],
        finding: { kind: 'proposal' },
      });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toBeUndefined();
      questionId = res.body.questionId as string;
    });

    it('records members who do not take part in the decision, never as jäv', async () => {
      const res = await post(`/paragraphs/${p1}/non-participation`, {
        memberIds: ['ksau-lindberg'],
        reason: 'deltar inte i beslutet',
      });
      expect(res.status).toBe(201);
      const v = await view(p1);
      expect(v.nonParticipations[0]).toMatchObject({
        members: [{ memberId: 'ksau-lindberg' }],
        reason: 'deltar inte i beslutet',
      });
      expect(v.recusals).toEqual([]);
    });

    it('records a votering without a recorded requester ("Omröstning begärs")', async () => {
      const res = await post(`/paragraphs/${p1}/votes`, { questionId });
      expect(res.status).toBe(201);
      voteId = res.body.voteId as string;
      const v = await view(p1);
      expect(v.voteRequests).toEqual([{ voteId, questionId, requestedBy: null, struck: false }]);
      const stored = await api.store.readStream(streamIds.paragraph(p1));
      expect(stored.at(-1)!.data).not.toHaveProperty('requestedBy');
    });

    it('refuses a vote by a member who declared not taking part', async () => {
      expect(
        (
          await post(`/paragraphs/${p1}/votes/${voteId}/proposition`, {
            kind: 'huvudvotering',
            ja: { kind: 'proposal' },
            nej: { kind: 'motion', motionId: tillagg },
          })
        ).status,
      ).toBe(200);
      await expectRefused(
        post(`/paragraphs/${p1}/votes/${voteId}/roll-call`, {
          votes: [
            { memberId: 'ksau-beronius', vote: 'ja' },
            { memberId: 'ksau-lindberg', vote: 'ja' },
            { memberId: 'ksau-akesson', vote: 'nej' },
            { memberId: 'ksau-ers-nord', vote: 'nej' },
            { memberId: 'ksau-ordf', vote: 'ja' },
          ],
        }),
        'MEMBER_NOT_PARTICIPATING',
      );
    });

    it('records a votering whose names go in the appendix only', async () => {
      const res = await post(`/paragraphs/${p1}/votes/${voteId}/roll-call`, {
        votes: [
          { memberId: 'ksau-beronius', vote: 'ja' },
          { memberId: 'ksau-akesson', vote: 'nej' },
          { memberId: 'ksau-ers-nord', vote: 'nej' },
          { memberId: 'ksau-ordf', vote: 'ja' },
        ],
        castingVote: 'ja',
        namesInAppendix: true,
      });
      expect(res.status).toBe(200);
      const vote = (await view(p1)).proceedings.find((x) => x.kind === 'vote');
      expect(vote).toMatchObject({ namesInAppendix: true, outcome: 'ja', tally: { ja: 2, nej: 2 } });
    });

    it('records a beslut verbatim, without the generated frame, and leaves out who did not take part', async () => {
      const content = {
        text: ['Arbetsutskottet godkänner rapporten och lägger den till handlingarna'],
        verbatim: true,
      };
      const res = await post(`/paragraphs/${p1}/decision`, { kind: 'sakbeslut', content });
      expect(res.status).toBe(201);
      decisionId = res.body.decisionId as string;
      const d = (await view(p1)).decisions[0];
      expect(d.content).toEqual(content);
      expect(d.participants.map((m) => m.memberId).sort()).toEqual(
        ['ksau-akesson', 'ksau-beronius', 'ksau-ers-nord', 'ksau-ordf'].sort(),
      );
    });

    it('records a joint reservation by a party group; who did not take part cannot reserve', async () => {
      const res = await post(`/paragraphs/${p1}/reservations`, {
        group: { party: 'S', name: 'Socialdemokraterna' },
        decisionId,
        reasons: 'till förmån för eget yrkande',
      });
      expect(res.status).toBe(201);
      const r = (await view(p1)).reservations[0];
      expect(r.members.map((m) => m.memberId)).toEqual(['ksau-akesson', 'ksau-ers-nord']);
      expect(r.group).toEqual({ party: 'S', name: 'Socialdemokraterna' });
      await expectRefused(
        post(`/paragraphs/${p1}/reservations`, { memberId: 'ksau-lindberg', decisionId }),
        'MEMBER_DID_NOT_TAKE_PART',
      );
      await expectRefused(
        post(`/paragraphs/${p1}/reservations`, { memberId: 'ksau-beronius', decisionId }),
        'RESERVATION_BY_SUPPORTER',
      );
    });

    it('takes written reasons handed in as a bilaga, stored content-addressed', async () => {
      const up = await upload(pdf);
      expect(up.status).toBe(201);
      expect(up.body).toEqual({ sha256: sha, size: pdf.length, mediaType: 'application/pdf' });
      // The same bytes again: the same blob, nothing new.
      expect((await upload(pdf)).body.sha256).toBe(sha);

      const attached = await post(`/paragraphs/${p1}/attachments`, {
        sha256: sha,
        filename: 'reservation-S.pdf',
        title: 'Reservation (S)',
      });
      expect(attached.status).toBe(201);
      const reservationId = (await view(p1)).reservations[0].reservationId;
      const res = await post(`/paragraphs/${p1}/reservations/${reservationId}/reasons`, { attachment: sha });
      expect(res.status).toBe(200);
      const v = await view(p1);
      expect(v.attachments).toEqual([
        {
          sha256: sha,
          filename: 'reservation-S.pdf',
          mediaType: 'application/pdf',
          size: pdf.length,
          title: 'Reservation (S)',
          number: 1,
          struck: false,
        },
      ]);
      expect(v.reservations[0]).toMatchObject({ writtenReasonsAttachment: sha, writtenReasons: null });

      const get = await api.http
        .get(`/attachments/${sha}`)
        .set('authorization', api.auth('auditor'))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(get.status).toBe(200);
      expect(get.headers['content-type']).toMatch(/^application\/pdf/);
      expect(Buffer.compare(get.body as Buffer, pdf)).toBe(0);
    });

    it('refuses a bilaga that was never uploaded, an unknown hash and an upload over the limit', async () => {
      await expectRefused(
        post(`/paragraphs/${p1}/attachments`, { sha256: 'f'.repeat(64), filename: 'x.pdf', title: 'X' }),
        'ATTACHMENT_NOT_UPLOADED',
      );
      const missing = await api.http
        .get(`/attachments/${'0'.repeat(64)}`)
        .set('authorization', api.auth('auditor'));
      expect(missing.status).toBe(404);
      const bad = await api.http.get('/attachments/not-a-hash').set('authorization', api.auth('auditor'));
      expect(bad.status).toBe(400);
      const big = await upload(Buffer.alloc(ATTACHMENT_LIMIT + 1, 1));
      expect(big.status).toBe(413);
      const json = await api.http
        .post('/attachments')
        .set('authorization', api.auth('clerk'))
        .send({ not: 'bytes' });
      expect(json.status).toBe(415);
      // Raw bytes go to the upload route only.
      const elsewhere = await api.http
        .post(`/paragraphs/${p1}/notes`)
        .set('authorization', api.auth('clerk'))
        .set('content-type', 'application/pdf')
        .send(pdf);
      expect(elsewhere.status).toBe(415);
    });

    it('records a protokollsanteckning by a party group, as given', async () => {
      const text = 'liberalerna vill att uppföljningen sker kvartalsvis';
      const res = await post(`/paragraphs/${p1}/notes`, { group: { party: 'L' }, text });
      expect(res.status).toBe(201);
      const n = (await view(p1)).notes[0];
      expect(n).toMatchObject({ text, group: { party: 'L' }, members: [{ memberId: 'ksau-beronius' }] });
    });
  });

  describe('§ on a motion, with an earlier paragraph outside the system', () => {
    let referBack: string;
    it('keeps the free reference and the matter', async () => {
      const v = await view(p2);
      expect(v.earlierReference).toEqual({
        body: 'Kommunfullmäktige',
        date: '2019-03-12',
        paragraph: '§ 52',
        caseNumber: 'KS 2019-102',
        outcome: 'aterremiss',
      });
      expect(v.matter).toEqual({ kind: 'motion', title: 'Motion om fler cykelbanor (C)' });
      expect(v.previous).toBeNull();
    });

    it('tells a yrkande on the matter itself from one on the förslag', async () => {
      const onMatter = await post(`/paragraphs/${p2}/motions`, {
        proposerId: 'ksau-lindberg',
        kind: 'bifall',
        refersTo: { kind: 'matter' },
      });
      expect(onMatter.status).toBe(201);
      const onProposal = await post(`/paragraphs/${p2}/motions`, { proposerId: 'ksau-ordf', kind: 'bifall' });
      expect(onProposal.status).toBe(201);
      const [a, b] = (await view(p2)).motions;
      expect(a).toMatchObject({ target: { kind: 'matter' }, refersToMatter: true });
      expect(b).toMatchObject({ target: { kind: 'proposal' }, refersToMatter: false });
    });

    it('warns, and records, an återremiss without motivation', async () => {
      const res = await post(`/paragraphs/${p2}/motions`, { proposerId: 'ksau-akesson', kind: 'aterremiss' });
      expect(res.status).toBe(201);
      expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['MOTIVATION_REQUIRED']);
      referBack = res.body.motionId as string;
    });

    it('keeps an återremiss decision in the protocol’s own words when recorded verbatim', async () => {
      const q = await post(`/paragraphs/${p2}/questions`, {
        puts: [{ kind: 'motion', motionId: referBack }, { kind: 'proposal' }],
        finding: { kind: 'motion', motionId: referBack },
      });
      expect(q.status).toBe(201);
      const content = {
        verbatim: true,
        text: ['Enligt återremissyrkande från S:', 'Ärendet återremitteras'],
      };
      const d = await post(`/paragraphs/${p2}/decision`, { kind: 'aterremiss', content });
      expect(d.status).toBe(201);
      expect((await view(p2)).decisions[0]).toMatchObject({ kind: 'aterremiss', content });
    });

    it('refuses an earlier reference without a § (400 naming the field)', async () => {
      const res = await post(`/meetings/${meetingId}/paragraphs`, {
        ...PARAGRAPH_BODY,
        earlierReference: { body: 'Kommunstyrelsen' },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'earlierReference.paragraph', message: expect.any(String) }]);
    });
  });

  describe('§ decided by acklamation', () => {
    let decisionId: string;
    beforeAll(async () => {
      expect(
        (await post(`/paragraphs/${p3}/motions`, { proposerId: 'ksau-beronius', kind: 'bifall' })).status,
      ).toBe(201);
      const q = await post(`/paragraphs/${p3}/questions`, {
        puts: [{ kind: 'proposal' }],
        finding: { kind: 'proposal' },
      });
      expect(q.status).toBe(201);
      const d = await post(`/paragraphs/${p3}/decision`, {
        kind: 'sakbeslut',
        content: { ownDecisions: ['att godkänna rapporten'] },
      });
      expect(d.status).toBe(201);
      decisionId = d.body.decisionId as string;
    });

    it('a member who said nothing may reserve: silence is not support', async () => {
      const res = await post(`/paragraphs/${p3}/reservations`, { memberId: 'ksau-lindberg', decisionId });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toBeUndefined();
    });

    it('a member who moved what won may reserve too, with a warning', async () => {
      const res = await post(`/paragraphs/${p3}/reservations`, { memberId: 'ksau-beronius', decisionId });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'RESERVATION_AFTER_SUPPORT' })]);
    });

    it('a joint reservation names every member', async () => {
      const res = await post(`/paragraphs/${p3}/reservations`, {
        memberIds: ['ksau-akesson', 'ksau-ers-nord'],
        decisionId,
      });
      expect(res.status).toBe(201);
      const r = (await view(p3)).reservations.at(-1)!;
      expect(r.members.map((m) => m.name)).toEqual(['Marie Åkesson', 'Lina Nord']);
    });
  });

  describe('the protocol as a whole', () => {
    it('numbers its bilagor', async () => {
      const bytes = Buffer.from('Närvaro- och omröstningslista');
      const up = await upload(bytes, 'text/plain');
      expect(up.status).toBe(201);
      const res = await post(`/meetings/${meetingId}/attachments`, {
        sha256: up.body.sha256,
        filename: 'narvaro.txt',
        title: 'Närvaro- och omröstningslista',
      });
      expect(res.status).toBe(201);
      const meeting = await api.http.get(`/meetings/${meetingId}`).set('authorization', api.auth('auditor'));
      expect(meeting.body.meeting.attachments).toEqual([
        expect.objectContaining({
          number: 1,
          title: 'Närvaro- och omröstningslista',
          mediaType: 'text/plain',
        }),
      ]);
    });
  });
});
