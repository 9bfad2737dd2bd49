import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { problems } from '../errors/problem.js';
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
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UserDirectory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const needed = this.reflector.getAllAndOverride<Permission | 'public' | undefined>(PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (needed === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw problems.unauthenticated();
    const user = this.users.authenticate(token);
    if (!user) throw problems.unauthenticated('Token är ogiltig.');
    request.user = user;
    // A route that forgot to declare its permission is closed, not open.
    if (!needed) throw problems.forbidden('Åtgärden saknar behörighetsregel.');
    assertPermission(user, needed);
    return true;
  }
}

/** The signed-in user of a guarded route. */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): User => {
  const user = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw problems.unauthenticated();
  return user;
});
