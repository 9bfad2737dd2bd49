import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import type { Authenticator } from '../auth/authenticator.js';
import { problems } from '../errors/problem.js';
import type { IdempotencyStore } from './idempotency.store.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The header's key; undefined when absent; 'invalid' when malformed. */
function keyOf(request: FastifyRequest): string | undefined | 'invalid' {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  return KEY_PATTERN.test(key) ? key : 'invalid';
}

/** The key as sent, or undefined; a malformed key is a 400 naming the header. */
export function readIdempotencyKey(request: AuthenticatedRequest): string | undefined {
  const key = keyOf(request);
  if (key === 'invalid') {
    throw problems.validation([
      { field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
    ]);
  }
  return key;
}

/** Same method, path and JSON body (keys in any order) give the same hash. */
export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${canonicalJson(body)}`)
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  // An uploaded bilaga: its bytes stand for themselves by their hash.
  if (Buffer.isBuffer(value)) return JSON.stringify(createHash('sha256').update(value).digest('hex'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * For writes carrying an Idempotency-Key: give back the stored answer to a retry, refuse the
 * key for a different request (422), and store the answer of a first success.
 *
 * Fastify hooks rather than a Nest interceptor, so a request without a key pays one header
 * lookup (an interceptor wraps every request in an Observable chain; docs/adr/0014). The hook
 * runs before Nest's guard, so it asks the Authenticator (token or session) itself; a request it cannot place
 * (no key, bad key, no valid token or session) goes on untouched and the guard, the command context or
 * the handler answers it. A replay is the answer this same user already received for this same
 * request; it runs no command.
 */
export function handleIdempotencyKeys(
  fastify: FastifyInstance,
  authenticator: Authenticator,
  records: IdempotencyStore,
): void {
  const firstTries = new WeakMap<FastifyRequest, { userId: string; key: string; hash: string }>();

  fastify.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return;
    const key = keyOf(request);
    if (key === undefined || key === 'invalid') return; // for 'invalid' the command context answers 400
    const { user } = authenticator.identify(request);
    if (!user) return; // the guard answers 401 (or 403 for a session write without its CSRF token)
    const hash = requestHash(request.method, request.url, request.body);
    const previous = records.get(user.id, key);
    if (!previous) {
      firstTries.set(request, { userId: user.id, key, hash });
      return;
    }
    if (previous.requestHash !== hash) throw problems.idempotencyKeyReused();
    return reply.code(previous.status).header('idempotent-replayed', 'true').send(previous.body);
  });

  fastify.addHook('onSend', (request, reply, payload, done) => {
    const first = firstTries.get(request);
    if (first && reply.statusCode < 300 && typeof payload === 'string') {
      records.put(first.userId, first.key, {
        requestHash: first.hash,
        status: reply.statusCode,
        body: payload,
      });
    }
    done(null, payload);
  });
}
