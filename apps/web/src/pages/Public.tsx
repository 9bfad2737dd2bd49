import { useCallback, useEffect, useState } from 'react';
import { ApiError, request } from '../api';
import { DocumentView, getDocumentHtml } from '../document';
import { useLive } from '../hooks';

/**
 * The protocol for the audience and the press: read-only, live, each paragraph marked when it
 * is not yet justified. It needs no sign-in: the API serves the protocol and its live stream
 * to anyone.
 */
/** What `GET /protocols/:id` (public, from the read model) answers as JSON. */
interface PublicProtocol {
  readonly meetingId: string;
  readonly body: { readonly name: string };
  readonly date: string;
  readonly startTime: string;
  readonly place: string;
  readonly justified: unknown;
  readonly paragraphs: readonly {
    readonly paragraphId: string;
    readonly number: number;
    readonly title: string;
    readonly status: string;
  }[];
}

export function PublicPage(props: { meetingId?: string }) {
  const [data, setData] = useState<PublicProtocol | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    const meetingId = props.meetingId;
    if (!meetingId) return;
    // No token: the protocol and its live stream are public records (docs/adr/0008).
    request<PublicProtocol>(`/protocols/${meetingId}`, { token: null })
      .then(async (d) => {
        setData(d);
        setError(null);
        const pairs = await Promise.all(
          d.paragraphs.map(
            async (p) =>
              [
                p.paragraphId,
                await getDocumentHtml(
                  `/meetings/${meetingId}/paragraphs/${p.paragraphId}/extract`,
                  null,
                ).catch(() => ''),
              ] as const,
          ),
        );
        setTexts(Object.fromEntries(pairs));
      })
      .catch((e: Error) =>
        setError(e instanceof ApiError && e.status === 404 ? 'Sammanträdet finns inte.' : e.message),
      );
  }, [props.meetingId]);
  useEffect(load, [load]);
  useLive(props.meetingId, load, null);

  if (!data) return <p role="status">{error ?? 'Hämtar protokollet …'}</p>;
  const m = data;
  return (
    <article className="public printable">
      <h1>
        {m.body.name}, sammanträde {m.date}
      </h1>
      <p className="document-actions">
        {/* Public routes: a plain link works, no token needed. */}
        <a href={`/protocols/${m.meetingId}?format=pdf&download=1`} download>
          Ladda ner protokollet (PDF)
        </a>{' '}
        <a href={`/protocols/${m.meetingId}/voting-appendix?format=pdf&download=1`} download>
          Ladda ner omröstningsbilagan (PDF)
        </a>
      </p>
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
          <DocumentView html={texts[p.paragraphId] ?? ''} testId={`public-extract-${p.number}`} />
        </section>
      ))}
    </article>
  );
}
