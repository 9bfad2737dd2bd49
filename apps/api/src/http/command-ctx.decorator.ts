import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import { newCommandContext, type CommandContext } from '../commands/command-context.js';
import { problems } from '../errors/problem.js';
import { readIdempotencyKey } from '../idempotency/idempotency.hooks.js';
import { parseIfMatch } from './etag.js';

const TRACE_ID = /^[\x21-\x7e]{1,128}$/;

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const v = request.headers[name];
  const value = Array.isArray(v) ? v[0] : v;
  return value !== undefined && TRACE_ID.test(value) ? value : undefined;
}

/** The command context of a write: user, ids for tracing, Idempotency-Key and If-Match. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): CommandContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw problems.unauthenticated();
  const ifMatch = parseIfMatch(request.headers['if-match']);
  if (ifMatch === 'invalid') throw problems.badIfMatch(String(request.headers['if-match']));
  const requestId = String(request.id);
  return newCommandContext({
    user: request.user,
    requestId,
    correlationId: header(request, 'x-correlation-id'),
    causationId: header(request, 'x-causation-id'),
    idempotencyKey: readIdempotencyKey(request),
    ifMatch,
    signedInWith: request.signedInWith,
    // `Paragraf-Preview: 1`: decide only, nothing is written (preview.interceptor.ts answers).
    preview: request.headers['paragraf-preview'] === '1',
  });
});
