import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Observable, of, tap } from 'rxjs';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import { problems } from '../errors/problem.js';
import { IdempotencyStore } from './idempotency.store.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The key as sent, or undefined; a malformed key is a 400 naming the header. */
export function readIdempotencyKey(request: AuthenticatedRequest): string | undefined {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!KEY_PATTERN.test(key)) {
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
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly records: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    if (request.method !== 'POST' || !request.user) return next.handle();
    const key = readIdempotencyKey(request);
    if (!key) return next.handle();
    const userId = request.user.id;
    const hash = requestHash(request.method, request.url, request.body);
    const previous = this.records.get(userId, key);
    if (previous) {
      if (previous.requestHash !== hash) throw problems.idempotencyKeyReused();
      void http.getResponse<FastifyReply>().header('idempotent-replayed', 'true');
      return of(previous.body);
    }
    return next.handle().pipe(tap((body) => this.records.put(userId, key, { requestHash: hash, body })));
  }
}
