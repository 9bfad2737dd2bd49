import { useState } from 'react';
import { ApiError, request, session } from '../api';
import { Field } from '../ui';

/** Sign in with a bearer token (the dev tokens are printed on the server's first start). */
export function SignIn() {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card narrow">
      <h1>Logga in</h1>
      <p>
        Klistra in din token. Vid första start skriver servern ut en token per roll (nämndsekreterare,
        ordförande, justerare, revisor).
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            // GET /me proves the token (401 otherwise) without asking for anything that is not there.
            await request('/me', { token: token.trim() });
          } catch (err) {
            if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
              setError(err.message);
              return;
            }
            if (!(err instanceof ApiError)) {
              setError((err as Error).message);
              return;
            }
          }
          session.setToken(token.trim());
          window.location.reload();
        }}
      >
        <Field label="Token" id="token">
          <input
            id="token"
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            required
            autoFocus
          />
        </Field>
        <button type="submit">Logga in</button>
        {error && (
          <p role="alert" className="refusal">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
