import { Body, Controller, Get, HttpCode, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problems, ProblemException } from '../errors/problem.js';
import { Public } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { OidcSignIn } from './oidc-sign-in.js';
import { permissionsOf, roleName } from './policy.js';
import { UserDirectory, type User } from './users.js';
import { ReadDocs } from '../http/swagger.js';

export class DevSignInDto {
  @ApiProperty({ description: 'A development user’s id (GET /auth/status lists them)', example: 'dev-clerk' })
  @IsString()
  @MaxLength(200)
  userId!: string;
}

/** The sign-in flow's cookie: only /auth/callback reads it, for ten minutes. */
const FLOW_COOKIE = 'paragraf-login';

/** A path inside the web app (`#/…`), never another site. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^#\/[\x21-\x7e]{0,500}$/.test(value) ? value : '#/';
}

/** What the page shows about the signed-in person (GET /me, and the answer to a sign-in). */
export function describePerson(
  user: User,
  signedInWith: 'oidc' | 'development' | 'token',
): Record<string, unknown> {
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    roles: user.roles,
    roleNames: user.roles.map(roleName),
    permissions: permissionsOf(user.roles),
    // null: every body (the users file's entries without `bodies`, admins).
    bodies: user.roles.includes('admin') ? null : (user.bodies ?? null),
    ...(user.memberId ? { memberId: user.memberId } : {}),
    signedInWith,
    grantedBy: 'En administratör kan ge dig behörighet.',
  };
}

/**
 * Signing in and out of the web app (docs/adr/0039): the municipality's OpenID Connect provider,
 * or, only when none is configured, a development user picked on the page.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  private readonly log = new Logger('Auth');

  constructor(
    @Inject(Authenticator) private readonly auth: Authenticator,
    @Inject(OidcSignIn) private readonly oidc: OidcSignIn,
    @Inject(UserDirectory) private readonly users: UserDirectory,
  ) {}

  @Get('status')
  @Public()
  @ReadDocs({
    summary: 'How to sign in: the identity provider, or development users when none is configured',
    public: true,
    json: 'AuthStatus',
  })
  status(): unknown {
    if (this.oidc.enabled) return { provider: 'oidc' };
    return {
      provider: 'development',
      developmentUsers: this.users.developmentUsers().map((u) => ({
        id: u.id,
        name: u.name,
        roleNames: u.roles.map(roleName),
        bodies: u.bodies ?? null,
      })),
    };
  }

  @Get('login')
  @Public()
  @ReadDocs({
    summary: 'Start signing in at the identity provider (authorisation code with PKCE)',
    public: true,
    status: 302,
    responseDescription: 'to the identity provider',
    query: [{ name: 'returnTo', description: 'the page (hash route) to return to' }],
    problems: [503],
  })
  async login(@Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { url, flowId } = await this.oidc.begin(safeReturnTo(returnTo));
    void reply.setCookie(FLOW_COOKIE, flowId, {
      path: '/auth/callback',
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET from another site.
      sameSite: 'lax',
      secure: this.auth.secure,
      maxAge: 600,
    });
    void reply.redirect(url.href, 302);
  }

  @Get('callback')
  @Public()
  @ReadDocs({
    summary: 'The identity provider sends the browser back here; a session cookie is set',
    public: true,
    status: 302,
    responseDescription: 'back to the web page',
  })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    void reply.clearCookie(FLOW_COOKIE, { path: '/auth/callback' });
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    try {
      const { user, idToken, returnTo } = await this.oidc.complete(request.cookies?.[FLOW_COOKIE], query);
      this.auth.startSession(reply, user, 'oidc', idToken);
      this.log.log(`signed in: ${user.id} (${user.roles.join(', ')}) through the identity provider`);
      void reply.redirect(`/${returnTo}`, 302);
    } catch (err) {
      if (!(err instanceof ProblemException)) throw err;
      // A browser is here, not an API client: back to the page, which shows why.
      void reply.redirect(`/?inloggningsfel=${encodeURIComponent(err.problem.detail ?? '')}#/`, 302);
    }
  }

  @Post('dev-sign-in')
  @Public()
  @HttpCode(200)
  @ReadDocs({
    summary: 'Development only (no identity provider configured): sign in as a development user',
    public: true,
    json: 'Me',
    problems: [400, 403, 404],
  })
  devSignIn(
    @Body() dto: DevSignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): unknown {
    if (this.oidc.enabled) {
      throw problems.forbidden(
        'Inloggning som utvecklingsanvändare är avstängd: logga in via kommunens inloggningstjänst.',
      );
    }
    // No session yet, so no CSRF token: at least the page must be this server's own.
    const origin = request.headers.origin;
    if (origin !== undefined && !this.auth.ownOrigins(request).includes(origin)) throw problems.csrf();
    const user = this.users.developmentUsers().find((u) => u.id === dto.userId);
    if (!user) throw problems.notFound(`Det finns ingen utvecklingsanvändare ${dto.userId}.`);
    this.auth.startSession(reply, user, 'development');
    this.log.warn(`signed in as development user ${user.id} (no identity provider configured)`);
    return describePerson(user, 'development');
  }

  @Post('sign-out')
  @Public()
  @HttpCode(200)
  @ReadDocs({
    summary: 'End the session (server-side) and name where the browser goes next',
    public: true,
    json: 'SignedOut',
    problems: [403],
  })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const identity = this.auth.identify(request);
    if (identity.failure === 'csrf') throw problems.csrf();
    const session = identity.session;
    this.auth.endSession(reply, session?.id);
    if (session) this.log.log(`signed out: ${session.user.id}`);
    const redirect =
      session?.method === 'oidc' && this.oidc.enabled ? await this.oidc.signOutUrl(session.idToken) : '/';
    return { signedOut: Boolean(session), redirect };
  }
}
