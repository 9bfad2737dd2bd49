import type { FastifyInstance } from 'fastify';

/**
 * Every answer that carries a stream revision also carries it as a strong ETag. A Fastify
 * hook on the answer object rather than a Nest interceptor: interceptors wrap every request in
 * an Observable chain, which cost ≈ 20 % of a command's event-loop time (docs/adr/0014).
 */
export function addEtags(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload: unknown, done) => {
    const revision = (payload as { revision?: unknown } | null)?.revision;
    if (typeof revision === 'number' && revision >= 0) void reply.header('etag', `"${revision}"`);
    done(null, payload);
  });
}

/** `If-Match: 5`, `"5"` or `W/"5"` → 5n; absent → undefined; anything else is a client error. */
export function parseIfMatch(raw: string | string[] | undefined): bigint | 'invalid' | undefined {
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw[0] : raw).trim();
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  return m ? BigInt(m[1]) : 'invalid';
}
