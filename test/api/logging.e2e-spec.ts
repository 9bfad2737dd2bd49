import { startApi } from './support/harness.js';

describe('request logs', () => {
  it('writes one JSON line per request, with its request id and status, and no headers', async () => {
    const lines: string[] = [];
    const api = await startApi({
      config: { logLevel: 'info' },
      logStream: { write: (l) => void lines.push(l) },
    });
    try {
      await api.http.get('/health').set('x-request-id', 'logtest-1').expect(200);
      const token = api.auth('clerk');
      await api.http
        .post('/meetings')
        .set('x-request-id', 'logtest-2')
        .set('authorization', token)
        .send({})
        .expect(400);
      const completed = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'request completed');
      expect(completed).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            req: { id: 'logtest-1', method: 'GET', url: '/health' },
            res: { statusCode: 200 },
          }),
          expect.objectContaining({
            req: { id: 'logtest-2', method: 'POST', url: '/meetings' },
            res: { statusCode: 400 },
          }),
        ]),
      );
      expect(lines.join('')).not.toContain(token.replace('Bearer ', ''));
    } finally {
      await api.close();
    }
  });
});
