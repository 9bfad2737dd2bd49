import { createContext, useContext, useEffect, useState } from 'react';
import { ApiError, request } from '../api';
import { clerkErrors } from '../messages';

/** Whether the step around is the one shown: hidden steps ask for no preview. */
export const StepShownContext = createContext(true);

/** What a step would send: the preview asks the API to decide it without writing it. */
export interface PreviewRequest {
  readonly path: string;
  readonly body: unknown;
}

/**
 * "I protokollet": the exact lines the entry will add to the extract, from the API's own
 * decider and house-style renderer (docs/adr/0045), asked again a moment after each change.
 * Nothing while the step is incomplete or the connection is down.
 */
export function Preview(props: { request: PreviewRequest | null }) {
  const visible = useContext(StepShownContext);
  const req = visible ? props.request : null;
  const key = req ? JSON.stringify(req) : '';
  const [shown, setShown] = useState<{ key: string; sentences: string[]; why?: string } | null>(null);
  useEffect(() => {
    if (!req) return;
    const abort = new AbortController();
    const { path, body } = req;
    const timer = setTimeout(() => {
      request<{ sentences: string[] }>(path, {
        method: 'POST',
        body,
        headers: { 'paragraf-preview': '1' },
        signal: abort.signal,
      })
        .then((r) => setShown({ key, sentences: r.sentences }))
        .catch((err: unknown) =>
          // A refusal says why there is nothing to show yet, in the clerk's words.
          setShown({
            key,
            sentences: [],
            why: err instanceof ApiError ? clerkErrors(err.problem).summary : undefined,
          }),
        );
    }, 300);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key]);
  if (!req) return null;
  const current = shown?.key === key ? shown.sentences : null;
  return (
    <div className="preview" data-testid="preview">
      <h3 className="preview-title">I protokollet</h3>
      {current === null ? (
        <p className="meta">…</p>
      ) : current.length ? (
        current.map((s, i) => (
          <p key={i} className="preview-sentence">
            {s}
          </p>
        ))
      ) : (
        <p className="meta">{shown?.why ?? 'Fyll i steget för att se meningen.'}</p>
      )}
    </div>
  );
}
