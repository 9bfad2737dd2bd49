import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { API_CONFIG, type ApiConfig, type OidcConfig } from '../config.js';
import { ProblemException } from '../errors/problem.js';
import { AccessStore } from './access-store.js';
import { rolesFromClaims } from './role-mapping.js';
import { UserDirectory, type User } from './users.js';

/** A sign-in at the provider must come back within this long. */
const LOGIN_TTL_MS = 10 * 60_000;

const providerProblem = (status: number, detail: string) =>
  new ProblemException({ status, code: 'SIGN_IN_FAILED', title: 'Inloggningen misslyckades', detail });

/**
 * Sign-in through the municipality's OpenID Connect provider: authorisation code flow with PKCE
 * (S256), state and nonce, with openid-client (docs/adr/0039). The provider's metadata is
 * discovered on first use and again after a failure, so a provider that is down at start-up
 * does not stop the server.
 */
@Injectable()
export class OidcSignIn {
  private readonly log = new Logger('OidcSignIn');
  private discovered: Promise<client.Configuration> | null = null;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly access: AccessStore,
    private readonly users: UserDirectory,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== undefined;
  }

  private get oidc(): OidcConfig {
    if (!this.config.oidc) throw providerProblem(404, 'Ingen identitetsleverantör är inställd.');
    return this.config.oidc;
  }

  private async provider(): Promise<client.Configuration> {
    const oidc = this.oidc;
    if (!this.discovered) {
      const loopback = oidc.issuer.protocol === 'http:'; // config allows http for localhost only
      this.discovered = client.discovery(
        oidc.issuer,
        oidc.clientId,
        oidc.clientSecret || undefined,
        oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
        loopback ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      this.discovered.catch((err: unknown) => {
        this.log.error(`identity provider ${oidc.issuer.href} not reachable: ${(err as Error).message}`);
        this.discovered = null; // try again on the next sign-in
      });
    }
    try {
      return await this.discovered;
    } catch {
      throw providerProblem(503, 'Kommunens inloggningstjänst svarar inte. Försök igen om en stund.');
    }
  }

  /** The provider's authorisation URL; the browser's flow id goes in a cookie for the callback. */
  async begin(returnTo: string): Promise<{ url: URL; flowId: string }> {
    const provider = await this.provider();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const flowId = randomBytes(32).toString('base64url');
    this.access.beginLogin(flowId, { state, nonce, codeVerifier, returnTo }, LOGIN_TTL_MS);
    const url = client.buildAuthorizationUrl(provider, {
      redirect_uri: this.oidc.redirectUrl.href,
      scope: this.oidc.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, flowId };
  }

  /**
   * The provider sent the browser back: exchange the code (checking state, nonce, PKCE and the ID
   * token), then map the person's groups to roles and bodies. Refused when nothing is mapped.
   */
  async complete(
    flowId: string | undefined,
    query: string,
  ): Promise<{ user: User; idToken?: string; returnTo: string }> {
    const pending = flowId ? this.access.takeLogin(flowId) : undefined;
    if (!pending) {
      throw providerProblem(
        400,
        'Inloggningen har gått ut eller startades i en annan webbläsare. Logga in igen.',
      );
    }
    const provider = await this.provider();
    const callback = new URL(this.oidc.redirectUrl.href);
    callback.search = query;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(provider, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      this.log.warn(`sign-in refused: ${(err as Error).message}`);
      throw providerProblem(
        401,
        'Inloggningen kunde inte bekräftas av kommunens inloggningstjänst. Logga in igen.',
      );
    }
    const idClaims = tokens.claims()!;
    let claims: Record<string, unknown> = { ...idClaims };
    const mapping = this.oidc.mapping;
    // Groups are often only in the userinfo answer (a provider keeps ID tokens small).
    if (claims[mapping.claim] === undefined && provider.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims };
    }
    return { user: this.personFrom(claims), idToken: tokens.id_token, returnTo: pending.returnTo };
  }

  /** The person the claims describe: roles and bodies from the groups; id and member from the users file's link. */
  personFrom(claims: Record<string, unknown>): User {
    const mapping = this.oidc.mapping;
    const subject = String(claims[mapping.subjectClaim] ?? claims.sub);
    const granted = rolesFromClaims(mapping, claims);
    if (!granted || !granted.roles.length) {
      throw providerProblem(
        403,
        'Ditt konto är inte med i någon grupp som ger behörighet i Paragraf. En administratör kan ge dig behörighet.',
      );
    }
    const linked = this.users.linkedTo(subject);
    const name =
      [claims.name, claims.preferred_username, claims.email].find((v) => typeof v === 'string' && v) ??
      linked?.name ??
      subject;
    return {
      id: linked?.id ?? `oidc:${subject}`,
      name: String(name),
      role: granted.roles[0],
      roles: granted.roles,
      ...(granted.bodies ? { bodies: granted.bodies } : {}),
      ...(linked?.memberId ? { memberId: linked.memberId } : {}),
    };
  }

  /** Where the browser goes at sign-out: the provider's end-session endpoint when it has one. */
  async signOutUrl(idToken: string | undefined): Promise<string> {
    const home = new URL('/', this.oidc.redirectUrl).href;
    try {
      const provider = await this.provider();
      if (!provider.serverMetadata().end_session_endpoint) return home;
      return client
        .buildEndSessionUrl(provider, {
          post_logout_redirect_uri: home,
          ...(idToken ? { id_token_hint: idToken } : {}),
        })
        .toString();
    } catch {
      return home; // the session here has ended either way
    }
  }
}
