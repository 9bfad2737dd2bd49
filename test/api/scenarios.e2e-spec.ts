/**
 * The golden scenarios over HTTP on the real SQLite store: every command through its endpoint,
 * then the extract as text/plain must equal the golden text under DESIGN.md's normalisation,
 * and the stored events must be exactly what the deciders decide for the same commands.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { streamIds, type DomainCommand } from '@app/domain';
import { recordScenario } from '../golden/record.js';
import { normalise, splitSealLine, wordDiff } from '../golden/normalise.js';
import { s65Commands, s65Ids } from '../scenarios/s65.js';
import { secondCommands, secondIds } from '../scenarios/second.js';
import type { ScenarioCommand } from '../scenarios/types.js';
import { toHttp } from './support/driver.js';
import { startApi, type TestApi } from './support/harness.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** A justified extract over HTTP prints its Kontrollsumma line: checked, then taken out for the golden. */
function withoutSeal(text: string): string {
  const { text: rest, sealed } = splitSealLine(text);
  expect(sealed).toBe(true);
  return rest;
}

async function replay(api: TestApi, commands: readonly ScenarioCommand[]): Promise<void> {
  for (const [i, command] of commands.entries()) {
    const step = toHttp(command);
    if (!step) continue;
    const res = await api.http.post(step.path).set('authorization', api.auth(step.user)).send(step.body);
    if (res.status !== step.status) {
      throw new Error(
        `step ${i + 1} ${command.type} ${step.path}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    expect(typeof res.body.revision).toBe('number');
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);
  }
}

/** Stored events of a stream, without ids and metadata: what the decider decided. */
async function storedEvents(api: TestApi, stream: string) {
  return (await api.store.readStream(stream)).map((e) => ({ type: e.type, data: e.data }));
}

describe('§65 over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
    await replay(api, s65Commands);
  });
  afterAll(() => api.close());

  it('GET extract as text/plain equals the golden extract', async () => {
    const res = await api.http
      .get(`/paragraphs/${s65Ids.paragraphId}/extract`)
      .set('authorization', api.auth('auditor'))
      .set('accept', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(wordDiff(withoutSeal(res.text), fixture('ks-au-2024-s65-delarsrapport.txt'))).toBeNull();
    expect(normalise(res.text).length).toBeGreaterThan(300);
  });

  it('stores exactly the events the deciders decide for the same commands', async () => {
    const recorded = recordScenario(s65Commands as DomainCommand[]);
    for (const [stream, events] of recorded.streams) {
      expect(await storedEvents(api, stream)).toEqual(events.map((e) => ({ type: e.type, data: e.data })));
    }
  });

  it('records who, when and why on every event', async () => {
    const events = await api.store.readStream(streamIds.paragraph(s65Ids.paragraphId));
    for (const e of events) {
      expect(e.metadata).toMatchObject({
        userId: expect.any(String),
        role: expect.any(String),
        schemaVersion: 1,
      });
      for (const key of ['recordedAt', 'commandId', 'correlationId', 'causationId']) {
        expect(typeof e.metadata[key]).toBe('string');
      }
    }
    expect(events.at(-1)!.metadata).toMatchObject({ userId: 'chair', role: 'chair' });
  });

  it('serves the extract as Markdown and JSON by content negotiation', async () => {
    const md = await api.http
      .get(`/paragraphs/${s65Ids.paragraphId}/extract`)
      .set('authorization', api.auth('clerk'))
      .set('accept', 'text/markdown');
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain('**Delårsrapport 1 per april 2024 för kommunstyrelsen**');

    const json = await api.http
      .get(`/paragraphs/${s65Ids.paragraphId}/extract`)
      .set('authorization', api.auth('clerk'))
      .set('accept', 'application/json');
    expect(json.status).toBe(200);
    expect(json.body.paragraph).toMatchObject({ number: 65, caseNumber: 'KS 2024-15', status: 'justified' });
    expect(wordDiff(withoutSeal(json.body.text), fixture('ks-au-2024-s65-delarsrapport.txt'))).toBeNull();

    const none = await api.http
      .get(`/paragraphs/${s65Ids.paragraphId}/extract`)
      .set('authorization', api.auth('clerk'))
      .set('accept', 'image/png');
    expect(none.status).toBe(406);
    expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('GET /meetings/:id lists the meeting with its paragraphs', async () => {
    const res = await api.http.get(`/meetings/${s65Ids.meetingId}`).set('authorization', api.auth('auditor'));
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({ meetingId: s65Ids.meetingId, body: { id: 'ks-au' } });
    expect(res.body.paragraphs).toEqual([
      expect.objectContaining({ paragraphId: s65Ids.paragraphId, number: 65, status: 'justified' }),
    ]);
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);
  });

  it('GET /paragraphs/:id answers the state with its revision as ETag', async () => {
    const res = await api.http
      .get(`/paragraphs/${s65Ids.paragraphId}`)
      .set('authorization', api.auth('auditor'));
    expect(res.status).toBe(200);
    expect(res.body.paragraph).toMatchObject({ paragraphId: s65Ids.paragraphId, number: 65 });
    expect(res.headers.etag).toBe(`"${res.body.revision}"`);
  });
});

describe('second scenario over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi();
    await replay(api, secondCommands);
  });
  afterAll(() => api.close());

  it('GET extracts of §41 and §42 as text/plain equal the golden extracts', async () => {
    const texts: string[] = [];
    for (const id of [secondIds.p41, secondIds.p42]) {
      const res = await api.http
        .get(`/paragraphs/${id}/extract`)
        .set('authorization', api.auth('auditor'))
        .set('accept', 'text/plain');
      expect(res.status).toBe(200);
      texts.push(withoutSeal(res.text));
    }
    expect(wordDiff(texts.join('\n\n'), fixture('second-scenario.txt'))).toBeNull();
  });

  it('stores exactly the events the deciders decide for the same commands', async () => {
    const recorded = recordScenario(secondCommands as DomainCommand[]);
    for (const [stream, events] of recorded.streams) {
      expect(await storedEvents(api, stream)).toEqual(events.map((e) => ({ type: e.type, data: e.data })));
    }
  });

  it('renders the whole protocol of the meeting', async () => {
    const res = await api.http
      .get(`/meetings/${secondIds.meetingId}/protocol`)
      .set('authorization', api.auth('auditor'))
      .set('accept', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.text).toContain('§ 41');
  });
});
