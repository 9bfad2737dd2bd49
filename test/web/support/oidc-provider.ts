/**
 * A real OpenID Connect provider in the test process: `oidc-provider` (a certified
 * implementation), with its development login and consent pages, on its own loopback port.
 * People sign in by name (any password); their groups are the claims Paragraf maps to roles.
 */
import type { Server } from 'node:http';
import Provider from 'oidc-provider';

export interface TestPerson {
  readonly name: string;
  readonly groups: readonly string[];
}

export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

export async function startProvider(
  port: number,
  app: { redirectUrl: string; home: string },
  people: Readonly<Record<string, TestPerson>>,
): Promise<TestProvider> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'paragraf';
  const clientSecret = 'a-test-secret-that-is-long-enough-for-hs256';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [app.redirectUrl],
        post_logout_redirect_uris: [app.home],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // Groups come with the profile scope; the ID token carries only sub (conformIdTokenClaims),
    // so Paragraf reads them from userinfo, as with many real providers.
    claims: { openid: ['sub'], profile: ['name', 'groups'] },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(people[id] ?? { name: id, groups: [] }) }),
    }),
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ['paragraf-test-provider-cookie-key'] },
  } as ConstructorParameters<typeof Provider>[1]);
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
