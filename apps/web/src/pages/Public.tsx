import { useCallback, useEffect, useState } from 'react';
import { ApiError, getExtract, request, session, type MeetingWithParagraphs } from '../api';
import { useLive } from '../hooks';
import { Field } from '../ui';

const READ_TOKEN = 'paragraf.readToken';

/**
 * The protocol for the audience and the press: read-only, live, each paragraph marked when it
 * is not yet justified. The API has no anonymous reads, so this view needs a read token (a
 * revisor-style account the municipality can publish, or the clerk's own session).
 */
export function PublicPage(props: { meetingId?: string }) {
  const [token, setToken] = useState<string | null>(
    () => localStorage.getItem(READ_TOKEN) ?? session.token(),
  );
  const [input, setInput] = useState('');
  const [data, setData] = useState<MeetingWithParagraphs | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!props.meetingId || !token) return;
    request<MeetingWithParagraphs>(`/meetings/${props.meetingId}`, { token })
      .then(async (d) => {
        setData(d);
        setError(null);
        const pairs = await Promise.all(
          d.paragraphs.map(
            async (p) => [p.paragraphId, await getExtract(p.paragraphId, token).catch(() => '')] as const,
          ),
        );
        setTexts(Object.fromEntries(pairs));
      })
      .catch((e: Error) =>
        setError(e instanceof ApiError && e.status === 401 ? 'Läsnyckeln gäller inte.' : e.message),
      );
  }, [props.meetingId, token]);
  useEffect(load, [load]);
  useLive(props.meetingId, load, token);

  if (!token)
    return (
      <section className="card narrow">
        <h1>Protokoll – publik vy</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            localStorage.setItem(READ_TOKEN, input.trim());
            setToken(input.trim());
          }}
        >
          <Field label="Läsnyckel" id="read-token" hint="Kommunens publika läsnyckel (revisorsbehörighet).">
            <input
              id="read-token"
              type="password"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              required
            />
          </Field>
          <button type="submit">Visa protokollet</button>
        </form>
      </section>
    );
  if (!data) return <p role="status">{error ?? 'Hämtar protokollet …'}</p>;
  const m = data.meeting;
  return (
    <article className="public">
      <h1>
        {m.body.name}, sammanträde {m.date}
      </h1>
      <p>
        {m.place}, kl. {m.startTime}.{' '}
        {m.justified
          ? 'Protokollet är justerat.'
          : 'Protokollet är inte justerat: texten kan ändras till justeringen.'}
      </p>
      {data.paragraphs.map((p) => (
        <section
          key={p.paragraphId}
          className={`public-paragraph ${p.status === 'justified' ? 'justified' : 'unjustified'}`}
          aria-labelledby={`pp-${p.paragraphId}`}
        >
          <h2 id={`pp-${p.paragraphId}`}>
            §{p.number} {p.title}{' '}
            {p.status !== 'justified' && (
              <span className="badge warn" data-testid="unjustified">
                Ej justerad
              </span>
            )}
          </h2>
          <pre>{texts[p.paragraphId] ?? ''}</pre>
        </section>
      ))}
    </article>
  );
}
