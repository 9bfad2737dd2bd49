import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, tap } from 'rxjs';

/** Every answer that carries a stream revision also carries it as a strong ETag. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((body) => {
        const revision = (body as { revision?: unknown } | undefined)?.revision;
        if (typeof revision === 'number' && revision >= 0) void reply.header('etag', `"${revision}"`);
      }),
    );
  }
}

/** `If-Match: 5`, `"5"` or `W/"5"` → 5n; absent → undefined; anything else is a client error. */
export function parseIfMatch(raw: string | string[] | undefined): bigint | 'invalid' | undefined {
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw[0] : raw).trim();
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  return m ? BigInt(m[1]) : 'invalid';
}
