import { useEffect, useState } from 'react';
import { ApiError, request } from '../api';

interface AuthStatus {
  provider: 'oidc' | 'development';
  developmentUsers?: { id: string; name: string; roleNames: string[]; bodies: string[] | null }[];
}

/**
 * Sign in through the municipality's identity provider, or, only when the server has none
 * configured, by picking a development user (docs/adr/0039). No token is ever pasted here.
 */
export function SignIn() {
  const [status, setStatus] = useState<AuthStatus | null>(null);
  const [error, setError] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('inloggningsfel'),
  );
  useEffect(() => {
    request<AuthStatus>('/auth/status', { token: null })
      .then(setStatus)
      .catch((err: Error) => setError(err.message));
  }, []);
  const returnTo = window.location.hash.startsWith('#/') ? window.location.hash : '#/';
  return (
    <section className="card narrow">
      <h1>Logga in</h1>
      {status?.provider === 'oidc' && (
        <>
          <p>Du loggar in med ditt konto i kommunens inloggningstjänst.</p>
          <a className="button" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
            Logga in
          </a>
        </>
      )}
      {status?.provider === 'development' && (
        <>
          <p className="sign-in-note" role="note" data-testid="development-sign-in">
            Ingen inloggningstjänst är inställd på servern. Den här sidan är för utveckling och prov: välj en
            utvecklingsanvändare. Anslut kommunens inloggningstjänst innan Paragraf används på riktigt (se
            README, ”Connecting the municipality&apos;s identity provider”).
          </p>
          <ul className="plain">
            {(status.developmentUsers ?? []).map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  onClick={async () => {
                    setError(null);
                    try {
                      await request('/auth/dev-sign-in', {
                        method: 'POST',
                        body: { userId: u.id },
                        token: null,
                      });
                      window.location.reload();
                    } catch (err) {
                      setError(err instanceof ApiError ? err.message : (err as Error).message);
                    }
                  }}
                >
                  Logga in som {u.name}
                </button>{' '}
                <span className="muted">
                  {u.roleNames.join(', ')}
                  {u.bodies ? ` · ${u.bodies.join(', ')}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {!status.developmentUsers?.length && <p>Användarfilen har inga utvecklingsanvändare.</p>}
        </>
      )}
      {error && (
        <p role="alert" className="refusal">
          {error}
        </p>
      )}
    </section>
  );
}
