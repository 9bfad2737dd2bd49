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
import { Authenticator, type AuthFailure } from './authenticator.js';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
import { assertPermission, type Permission } from './policy.js';
import type { User } from './users.js';

export { bearerToken } from './authenticator.js';

const PERMISSION = 'paragraf:permission';

/** The permission a route needs; routes without one are public only if marked `@Public()`. */
export const Requires = (permission: Permission) => SetMetadata(PERMISSION, permission);
export const Public = () => SetMetadata(PERMISSION, 'public');

export type AuthenticatedRequest = FastifyRequest & {
  user?: User;
  /** How `user` was identified: a bearer token or a session (from the provider, or development). */
  signedInWith?: 'token' | 'oidc' | 'development';
};

const UNAUTHENTICATED: Record<AuthFailure, string> = {
  'no-credentials': 'Logga in, eller ange en giltig bearer-token i Authorization-huvudet.',
  'bad-token': 'Token är ogiltig.',
  'expired-token': 'Token har gått ut. En administratör kan utfärda en ny.',
  'revoked-token': 'Token är återkallad. En administratör kan utfärda en ny.',
  'session-ended': 'Sessionen har upphört. Logga in igen.',
  csrf: '',
};

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter: FailedAuthLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
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
      const { user } = this.authenticator.identify(request);
      if (user) request.user = user;
      return true;
    }
    const retryAfter = this.limiter.blockedFor(request.ip);
    if (retryAfter > 0) {
      void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
      throw problems.tooManyAuthFailures(retryAfter);
    }
    const { user, failure, session } = this.authenticator.identify(request);
    if (!user) {
      if (failure === 'csrf') throw problems.csrf();
      // Guessing is what the limiter slows: wrong tokens. An ended session or no credentials is
      // a browser that must sign in again (256-bit session ids are not guessed).
      if (failure === 'bad-token' || failure === 'revoked-token') this.limiter.failed(request.ip);
      throw problems.unauthenticated(UNAUTHENTICATED[failure ?? 'no-credentials']);
    }
    request.user = user;
    request.signedInWith = session ? session.method : 'token';
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
