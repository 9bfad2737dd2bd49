import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { onReachability, session } from './api';
import { outbox } from './outbox';

/** Re-render on every change of the queue or the connection. */
export function useOutbox() {
  const version = useSyncExternalStore(
    (cb) => outbox.subscribe(cb),
    () => `${outbox.pending.length}:${outbox.rejections.length}:${outbox.online}:${outbox.sent}`,
  );
  return {
    version,
    pending: outbox.pending,
    rejected: outbox.rejections,
    online: outbox.online,
    sent: outbox.sent,
  };
}

/** Keeps the connection state honest: the browser's online flag and every request's outcome. */
export function useConnectionWatch(): void {
  useEffect(() => {
    const off = onReachability((ok) => {
      if (ok) outbox.reachable();
      outbox.setOnline(ok && navigator.onLine);
    });
    if (!navigator.onLine) outbox.setOnline(false);
    // While down, knock on /health so the queue goes as soon as the server is back.
    const timer = setInterval(() => {
      if (outbox.online) return;
      fetch('/health', { cache: 'no-store' })
        .then((r) => {
          if (r.ok || r.status === 503) outbox.reachable();
        })
        .catch(() => undefined);
    }, 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, []);
}

/**
 * Calls `refresh` when the meeting changes: on the API's live stream `/meetings/:id/live`
 * (Server-Sent Events, read with fetch so the bearer token goes in a header) when it exists,
 * else every few seconds; and always after one of our own writes is sent.
 */
export function useLive(
  meetingId: string | undefined,
  refresh: () => void,
  token?: string | null,
): 'sse' | 'poll' {
  const [mode, setMode] = useState<'sse' | 'poll'>('poll');
  const ref = useRef(refresh);
  ref.current = refresh;
  const { sent } = useOutbox();
  useEffect(() => {
    ref.current();
  }, [sent]);
  useEffect(() => {
    if (!meetingId) return;
    const abort = new AbortController();
    let pollTimer: ReturnType<typeof setInterval> | null = null;
    const poll = () => {
      setMode('poll');
      if (!pollTimer) pollTimer = setInterval(() => ref.current(), 3000);
    };
    void (async () => {
      try {
        const auth = token === undefined ? session.token() : token;
        const res = await fetch(`/meetings/${meetingId}/live`, {
          headers: { accept: 'text/event-stream', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
          signal: abort.signal,
        });
        if (!res.ok || !res.body || !(res.headers.get('content-type') ?? '').includes('event-stream')) {
          poll();
          return;
        }
        setMode('sse');
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          // Each event ends with a blank line; the content does not matter, only that it came.
          if (buffer.includes('\n\n')) {
            buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
            ref.current();
          }
        }
        poll();
      } catch {
        if (!abort.signal.aborted) poll();
      }
    })();
    return () => {
      abort.abort();
      if (pollTimer) clearInterval(pollTimer);
    };
  }, [meetingId, token]);
  return mode;
}

/** Run an async action with a busy flag and its error (the API's Swedish detail) kept for display. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<string | void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const msg = await fn();
      if (msg) setNotice(msg);
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, notice, run, setError };
}

/** The hash route, e.g. `#/live/<id>/<paragraphId>` → ['live', id, paragraphId]. */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
