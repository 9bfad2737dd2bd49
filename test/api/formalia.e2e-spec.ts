/**
 * Formalia (val av justerare, godkännande av dagordningen, anmälningar) are items of the
 * agenda without a diarienummer or a sammanfattning (issue 16): they open, and their extract
 * has no Dnr line; a Dnr that is given must still be text.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from './support/harness.js';
import { openMeeting } from './support/setup.js';

describe('formalia on the agenda', () => {
  let api: TestApi;
  let meetingId: string;

  beforeAll(async () => {
    api = await startApi();
    ({ meetingId } = await openMeeting(api));
  });
  afterAll(() => api.close());

  const post = (path: string, body: object) =>
    api.http.post(path).set('authorization', api.auth('clerk')).send(body);

  it('opens "Val av justerare" with no Dnr and no sammanfattning, and its extract has no Dnr', async () => {
    const res = await post(`/meetings/${meetingId}/paragraphs`, {
      title: 'Val av justerare',
      summary: [],
      basisDocuments: [],
      proposal: {
        proposer: 'ordföranden',
        decision: { ownDecisions: ['att utse Marie Åkesson (S) att justera protokollet.'] },
      },
    });
    expect(res.status).toBe(201);
    const { paragraphId } = res.body as { paragraphId: string };
    const view = await api.http.get(`/paragraphs/${paragraphId}`).set('authorization', api.auth('clerk'));
    expect(view.body.paragraph).toMatchObject({ title: 'Val av justerare', caseNumber: '', summary: [] });
    const extract = await api.http
      .get(`/paragraphs/${paragraphId}/extract`)
      .set('authorization', api.auth('clerk'))
      .set('accept', 'text/plain');
    expect(extract.status).toBe(200);
    expect(extract.text).toContain('Val av justerare');
    expect(extract.text).not.toMatch(/Dnr/);
  });

  it('still refuses a Dnr that is given but blank', async () => {
    const res = await post(`/meetings/${meetingId}/paragraphs`, {
      caseNumber: '  ',
      title: 'Anmälningar',
      summary: [],
      basisDocuments: [],
      proposal: {
        proposer: 'ordföranden',
        decision: { ownDecisions: ['att lägga anmälningarna till handlingarna.'] },
      },
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});
