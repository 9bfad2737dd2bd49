/**
 * One correction function (rättelse): a correction of a part of a title shows the same in the
 * protocol (the stream's view and the read model's) and in the decision register, which both
 * apply the domain's `correctText`. Before, the register required `from` to be the whole title.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { toHttp } from './support/driver.js';
import { startApi, type TestApi } from './support/harness.js';
import { eventually } from '../support/eventually.js';

describe('a partial rättelse of a title', () => {
  let api: TestApi;
  let before: string;
  let expected: string;
  const paragraph = `/paragraphs/${s65Ids.paragraphId}`;

  beforeAll(async () => {
    api = await startApi();
    for (const [i, command] of s65Commands.entries()) {
      const step = toHttp(command);
      if (!step) continue;
      const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
      if (res.status !== step.status)
        throw new Error(`step ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    before = (await api.http.get(paragraph).set('authorization', api.auth('clerk'))).body.paragraph.title;
    // A part of the title, not all of it: its first word.
    const part = before.split(' ')[0]!;
    expect(part.length).toBeLessThan(before.length);
    expected = before.replace(part, `${part}X`);
    const res = await api.http
      .post(`${paragraph}/corrections`)
      .set('authorization', api.auth('clerk'))
      .send({ field: 'title', from: part, to: `${part}X`, why: 'Skrivfel', by: { name: 'Karin Sjödin' } });
    expect(res.status).toBe(201);
  }, 180_000);
  afterAll(() => api.close(), 30_000);

  it('the register shows the corrected title', async () => {
    const entry = await eventually(
      async () =>
        (
          (await api.http.get('/register?body=ks-au').set('authorization', api.auth('clerk'))).body
            .entries as {
            paragraphId: string;
            title: string;
          }[]
        ).find((e) => e.paragraphId === s65Ids.paragraphId),
      (e) => e !== undefined && e.title !== before,
      'the register to apply the rättelse',
    );
    expect(entry?.title).toBe(expected);
  });

  it('the protocol shows the same: the stream view, the read model and the rendered text', async () => {
    const view = (await api.http.get(paragraph).set('authorization', api.auth('clerk'))).body.paragraph;
    expect(view.title).toBe(expected);
    expect(view.corrections).toEqual([expect.objectContaining({ field: 'title', applied: true })]);
    const title = await eventually(
      async () => {
        const body = (await api.http.get(`/protocols/${s65Ids.meetingId}?format=json`)).body as {
          paragraphs?: { paragraphId: string; title: string }[];
        };
        return body.paragraphs?.find((p) => p.paragraphId === s65Ids.paragraphId)?.title;
      },
      (t) => t !== undefined && t !== before,
      'the protocol read model to apply the rättelse',
    );
    expect(title).toBe(expected);
    const text = (await api.http.get(`/protocols/${s65Ids.meetingId}?format=text`)).text;
    expect(text).toContain(expected);
  });
});
