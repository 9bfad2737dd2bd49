/**
 * Operations: liveness and readiness, Prometheus metrics, security headers, and 429 after
 * repeated failed sign-ins from one address.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApi, type TestApi } from '../api/support/harness.js';
import { MOTION, openMeeting } from '../api/support/setup.js';

describe('operations', () => {
  let api: TestApi;
  let paragraphId: string;
  beforeAll(async () => {
    api = await startApi({ config: { authFailureLimit: 5, authFailureWindowMs: 60_000 } });
    ({
      paragraphIds: [paragraphId],
    } = await openMeeting(api, 1));
  });
  afterAll(() => api.close());

  it('/health/live answers while the process runs; /health/ready reports the store and the projections', async () => {
    expect((await api.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const deadline = Date.now() + 60_000;
    let ready = await api.http.get('/health/ready');
    while (ready.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await api.http.get('/health/ready');
    }
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({
      eventStore: { status: 'up' },
      projections: { status: 'up', lag: expect.any(Number) },
    });
    const health = await api.http.get('/health');
    expect(health.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' } } });
  });

  it('/metrics: commands by route and outcome, latency, conflicts, group commits, lag, live clients', async () => {
    const clerk = api.auth('clerk');
    await api.http.post(`/paragraphs/${paragraphId}/motions`).set('authorization', clerk).send(MOTION);
    await api.http.post(`/paragraphs/${paragraphId}/motions`).set('authorization', clerk).send({ kind: 'x' });
    const res = await api.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(text).toMatch(
      /paragraf_commands_total\{route="\/paragraphs\/:paragraphId\/motions",outcome="ok"\} 1\n/,
    );
    expect(text).toMatch(
      /paragraf_commands_total\{route="\/paragraphs\/:paragraphId\/motions",outcome="rejected"\} 1/,
    );
    expect(text).toMatch(
      /paragraf_command_duration_seconds_bucket\{le="0\.5",route="\/meetings",outcome="ok"\} 1/,
    );
    for (const name of [
      'paragraf_command_conflicts_total',
      'paragraf_command_retries_total',
      'paragraf_group_commit_appends_count',
      'paragraf_projection_lag',
      'paragraf_live_clients',
      'process_resident_memory_bytes',
    ]) {
      expect(text).toMatch(new RegExp(`^${name}(\\{[^}]*\\})? \\d`, 'm'));
    }
  });

  it('sends security headers on the API and its documents', async () => {
    for (const path of ['/health', '/docs']) {
      const res = await api.http.get(path);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('limits failed sign-ins per address: 429 with Retry-After, valid tokens from elsewhere unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await api.http.get('/register').set('authorization', 'Bearer wrong-token')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const blocked = await api.http.get('/register').set('authorization', api.auth('clerk'));
    expect(blocked.status).toBe(429); // the address is blocked for its window, whatever it sends
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ code: 'TOO_MANY_AUTH_FAILURES' });
    // Public routes stay open.
    expect((await api.http.get('/health/live')).status).toBe(200);
  });
});
