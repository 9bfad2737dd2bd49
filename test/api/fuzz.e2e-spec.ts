/**
 * Generated bodies against every command route (taken from the OpenAPI document, so a new
 * route is fuzzed without a change here): never a 500, and a refused request writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startApi, type TestApi } from './support/harness.js';
import { MOTION, openMeeting, unknownId } from './support/setup.js';

interface Route {
  readonly path: string;
  readonly example: unknown;
}

describe('fuzzed command bodies', () => {
  let api: TestApi;
  let routes: Route[];
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    api = await startApi();
    const { meetingId, paragraphIds } = await openMeeting(api, 1);
    const motion = await api.http
      .post(`/paragraphs/${paragraphIds[0]}/motions`)
      .set('authorization', api.auth('clerk'))
      .send(MOTION);
    expect(motion.status).toBe(201);
    ids.meetingId = [meetingId];
    ids.paragraphId = paragraphIds;
    ids.motionId = [motion.body.motionId as string];
    const doc = (await api.http.get('/docs/json')).body as {
      paths: Record<
        string,
        {
          post?: {
            requestBody?: { content?: Record<string, { examples?: { example?: { value?: unknown } } }> };
          };
        }
      >;
    };
    routes = Object.entries(doc.paths)
      .filter(([, item]) => item.post)
      .map(([path, item]) => ({
        path,
        example: item.post!.requestBody?.content?.['application/json']?.examples?.example?.value ?? {},
      }));
    expect(routes.length).toBeGreaterThanOrEqual(24);
  });
  afterAll(() => api.close());

  /** A path parameter: a known id of its kind, or one that does not exist. */
  const pathFor = (route: Route, pick: number) =>
    route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const known = ids[name] ?? [];
      return pick % (known.length + 1) < known.length ? known[pick % (known.length + 1)] : unknownId();
    });

  /** Bodies near the example (a field replaced, dropped or added), and arbitrary JSON. */
  const bodyFor = (example: unknown) => {
    const keys = example && typeof example === 'object' ? Object.keys(example) : [];
    const near = fc
      .tuple(
        fc.constantFrom(...(keys.length ? keys : ['x'])),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)),
        fc.option(fc.tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))),
      )
      .map(([key, value, extra]) => {
        const body: Record<string, unknown> = { ...(example as object) };
        if (value === undefined) delete body[key];
        else body[key] = value;
        if (extra) body[extra[0]] = extra[1];
        return JSON.stringify(body);
      });
    return fc.oneof(
      { weight: 3, arbitrary: near },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 64 }) }, // mostly not JSON at all
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
    );
  };

  it('never answers 500, and a refused request leaves the store as it was', async () => {
    const clerk = api.auth('clerk');
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10_000 }).chain((i) => {
          const route = routes[i % routes.length];
          return fc.tuple(fc.constant(route), fc.nat(), bodyFor(route.example));
        }),
        async ([route, pick, body]) => {
          const before = await api.eventCount();
          const res = await api.http
            .post(pathFor(route, pick))
            .set('authorization', clerk)
            .set('content-type', 'application/json')
            .send(body);
          seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(await api.eventCount()).toBe(before);
          }
        },
      ),
      { numRuns: 400 },
    );
    // The generator reaches past the shape checks: some bodies are refused by the rules or accepted.
    expect([...seen.keys()].some((s) => s === 422 || s === 404 || s < 300)).toBe(true);
  });
});
