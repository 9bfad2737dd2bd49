import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Inject,
  Injectable,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { problems } from '../errors/problem.js';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
import { assertPermission, type Permission } from './policy.js';
import { UserDirectory, type User } from './users.js';

const PERMISSION = 'paragraf:permission';

/** The permission a route needs; routes without one are public only if marked `@Public()`. */
export const Requires = (permission: Permission) => SetMetadata(PERMISSION, permission);
export const Public = () => SetMetadata(PERMISSION, 'public');

export type AuthenticatedRequest = FastifyRequest & { user?: User };

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter: FailedAuthLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly users: UserDirectory,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.limiter = new FailedAuthLimiter(config.authFailureLimit, config.authFailureWindowMs);
  }

  canActivate(context: ExecutionContext): boolean {
    const needed = this.reflector.getAllAndOverride<Permission | 'public' | undefined>(PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (needed === 'public') {
      // Public documents differ for who signs in (sekretess, the auditor's integrity marks):
      // a valid token names the reader; a missing or bad one reads as the public.
      const token = bearerToken(request.headers.authorization);
      const user = token ? this.users.authenticate(token) : undefined;
      if (user) request.user = user;
      return true;
    }
    const retryAfter = this.limiter.blockedFor(request.ip);
    if (retryAfter > 0) {
      void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
      throw problems.tooManyAuthFailures(retryAfter);
    }
    const token = bearerToken(request.headers.authorization);
    const user = token ? this.users.authenticate(token) : null;
    if (!user) {
      this.limiter.failed(request.ip);
      throw token ? problems.unauthenticated('Token är ogiltig.') : problems.unauthenticated();
    }
    request.user = user;
    // A route that forgot to declare its permission is closed, not open.
    if (!needed) throw problems.forbidden('Åtgärden saknar behörighetsregel.');
    assertPermission(user, needed);
    return true;
  }
}

/** The reader of a public route: the signed-in user when a valid token came, else null (the public). */
export const Reader = createParamDecorator(
  (_: unknown, context: ExecutionContext): User | null =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user ?? null,
);

/** The signed-in user of a guarded route. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): User => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw problems.unauthenticated();
  return user;
});
