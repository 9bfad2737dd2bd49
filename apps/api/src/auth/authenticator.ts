import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { AccessStore, type Session, type SignInMethod } from './access-store.js';
import { UserDirectory, type User } from './users.js';

/** Why a request carries no user (the guard turns each into its answer). */
export type AuthFailure =
  'no-credentials' | 'bad-token' | 'expired-token' | 'revoked-token' | 'session-ended' | 'csrf';

export interface Identity {
  readonly user?: User;
  readonly via?: 'token' | 'session';
  readonly failure?: AuthFailure;
  /** The session and its cookie value, for GET /me and sign-out. */
  readonly session?: Session & { id: string };
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Who sends a request: a bearer token (from the users file, or issued by an admin with an
 * expiry) or the web app's session cookie. A session authenticates a state-changing request
 * only with its CSRF token in `X-CSRF-Token` and, when the browser names one, from this
 * server's own origin (docs/adr/0039). The answer is kept per request: the idempotency hook
 * and the guard both ask.
 */
@Injectable()
export class Authenticator {
  private readonly seen = new WeakMap<FastifyRequest, Identity>();
  /** `__Host-` pins the cookie to this host and path `/` (it needs Secure, so https only). */
  readonly sessionCookie: string;
  readonly csrfCookie: string;
  /** Cookies are Secure when the web app is reached over https (the redirect URL says so). */
  readonly secure: boolean;

  constructor(
    private readonly users: UserDirectory,
    private readonly access: AccessStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.secure = config.oidc?.redirectUrl.protocol === 'https:';
    this.sessionCookie = this.secure ? '__Host-paragraf-session' : 'paragraf-session';
    this.csrfCookie = this.secure ? '__Host-paragraf-csrf' : 'paragraf-csrf';
  }

  identify(request: FastifyRequest): Identity {
    let identity = this.seen.get(request);
    if (!identity) {
      identity = this.resolve(request);
      this.seen.set(request, identity);
    }
    return identity;
  }

  private resolve(request: FastifyRequest): Identity {
    const token = bearerToken(request.headers.authorization);
    if (token) return this.byToken(token);
    if (request.headers.authorization !== undefined) return { failure: 'bad-token' };
    const sessionId = request.cookies?.[this.sessionCookie];
    if (!sessionId) return { failure: 'no-credentials' };
    const session = this.access.session(sessionId);
    if (!session) return { failure: 'session-ended' };
    if (!SAFE_METHODS.has(request.method) && !this.csrfOk(request, session)) {
      return { failure: 'csrf', via: 'session' };
    }
    return { user: session.user, via: 'session', session: { ...session, id: sessionId } };
  }

  private byToken(token: string): Identity {
    const fromFile = this.users.authenticate(token);
    if (fromFile) return { user: fromFile, via: 'token' };
    const issued = this.access.token(token);
    if (!issued) return { failure: 'bad-token' };
    if (issued.revokedAt) return { failure: 'revoked-token' };
    if (Date.parse(issued.expiresAt) <= Date.now()) return { failure: 'expired-token' };
    const user = this.users.get(issued.userId);
    return user ? { user, via: 'token' } : { failure: 'bad-token' };
  }

  /** Same origin (when the browser says where it comes from) and the session's own CSRF token. */
  private csrfOk(request: FastifyRequest, session: Session): boolean {
    const origin = request.headers.origin;
    if (origin !== undefined && !this.ownOrigins(request).includes(origin)) return false;
    if (origin === undefined && request.headers['sec-fetch-site'] === 'cross-site') return false;
    const sent = request.headers[CSRF_HEADER];
    return typeof sent === 'string' && sameSecret(sent, session.csrfToken);
  }

  ownOrigins(request: FastifyRequest): string[] {
    const own = [`${request.protocol}://${request.host}`];
    if (this.config.oidc) own.push(this.config.oidc.redirectUrl.origin);
    return own;
  }

  /** Start a session: the httpOnly session cookie and the CSRF token the page reads and sends back. */
  startSession(reply: FastifyReply, user: User, method: SignInMethod, idToken?: string): void {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const maxAge = this.config.sessionMaxAgeSeconds;
    this.access.startSession(id, {
      user,
      csrfToken,
      method,
      expiresAt: Date.now() + maxAge * 1000,
      ...(idToken ? { idToken } : {}),
    });
    const base = { path: '/', secure: this.secure, maxAge };
    void reply.setCookie(this.sessionCookie, id, { ...base, httpOnly: true, sameSite: 'lax' });
    // Readable by the page (it sends it as X-CSRF-Token); worthless without the session cookie.
    void reply.setCookie(this.csrfCookie, csrfToken, { ...base, httpOnly: false, sameSite: 'strict' });
  }

  /** End the session server-side (the cookie no longer works, even replayed) and clear the cookies. */
  endSession(reply: FastifyReply, sessionId: string | undefined): void {
    if (sessionId) this.access.endSession(sessionId);
    const base = { path: '/', secure: this.secure };
    void reply.clearCookie(this.sessionCookie, base);
    void reply.clearCookie(this.csrfCookie, base);
  }
}
