import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { announce } from './announce';
import { ApiError, onReachability, session } from './api';
import { clerkErrors, type FieldMap } from './messages';
import { outbox } from './outbox';
import { QUEUED, SENT_FROM_QUEUE } from './ui';

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

/** Doubling delays with a little jitter, from `first` up to `max` (reconnection never storms). */
export function backoff(first: number, max: number) {
  let next = first;
  return {
    next: () => {
      const d = next;
      next = Math.min(next * 2, max);
      return d * (0.85 + Math.random() * 0.3);
    },
    reset: () => {
      next = first;
    },
  };
}

/**
 * Keeps the connection state honest: the browser's online flag and every request's outcome.
 * While down, /health is asked with backoff (1 s, 2 s, 4 s … at most 15 s), so the queue goes
 * soon after the server is back without a request storm while it is not.
 */
export function useConnectionWatch(): void {
  useEffect(() => {
    const delays = backoff(1000, 15_000);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const knock = () => {
      timer = null;
      if (outbox.online) return;
      fetch('/health', { cache: 'no-store' })
        .then((r) => {
          if (r.ok || r.status === 503) outbox.reachable();
        })
        .catch(() => undefined)
        .finally(() => {
          if (!outbox.online && !timer) timer = setTimeout(knock, delays.next());
        });
    };
    let wasOnline = outbox.online;
    const onChange = () => {
      if (wasOnline === outbox.online) return;
      wasOnline = outbox.online;
      announce.polite(
        outbox.online ? 'Anslutningen är tillbaka.' : 'Ingen anslutning. Posterna väntar i kö.',
      );
      if (outbox.online) {
        delays.reset();
        if (timer) clearTimeout(timer);
        timer = null;
      } else if (!timer) timer = setTimeout(knock, delays.next());
    };
    const offQueue = outbox.subscribe(onChange);
    const off = onReachability((ok) => {
      if (ok) outbox.reachable();
      outbox.setOnline(ok && navigator.onLine);
    });
    if (!navigator.onLine) outbox.setOnline(false);
    return () => {
      off();
      offQueue();
      if (timer) clearTimeout(timer);
    };
  }, []);
}

/**
 * Calls `refresh` when the meeting changes: on the API's live stream `/meetings/:id/live`
 * (Server-Sent Events, read with fetch so the bearer token goes in a header) when it exists,
 * else every few seconds; and always after one of our own writes is sent. When the stream
 * ends (an outage), the page polls while it tries the stream again with backoff, and goes back
 * to live as soon as the stream answers.
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
    let retry: ReturnType<typeof setTimeout> | null = null;
    const delays = backoff(2000, 30_000);
    const poll = () => {
      setMode('poll');
      // While the connection is down the queue's own checks find out when it is back.
      if (!pollTimer) pollTimer = setInterval(() => outbox.online && ref.current(), 3000);
    };
    const connect = async () => {
      retry = null;
      try {
        const auth = token === undefined ? session.token() : token;
        const res = await fetch(`/meetings/${meetingId}/live`, {
          headers: { accept: 'text/event-stream', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
          signal: abort.signal,
        });
        if (res.ok && res.body && (res.headers.get('content-type') ?? '').includes('event-stream')) {
          setMode('sse');
          delays.reset();
          if (pollTimer) clearInterval(pollTimer);
          pollTimer = null;
          ref.current(); // whatever happened while we were away
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
        }
      } catch {
        // network gone: poll and try again below
      }
      if (abort.signal.aborted) return;
      poll();
      retry = setTimeout(() => void connect(), delays.next());
    };
    void connect();
    return () => {
      abort.abort();
      if (pollTimer) clearInterval(pollTimer);
      if (retry) clearTimeout(retry);
    };
  }, [meetingId, token]);
  return mode;
}

/**
 * Run an async action with a busy flag; its refusal in the clerk's words (messages.ts, fields
 * named by their labels via `fields`) and its confirmation are kept for display beside the
 * action and announced through the page's live regions. A notice that an entry waits in the
 * queue turns into "skickat" once the queue is sent.
 */
export function useAction(fields?: FieldMap) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const { pending } = useOutbox();
  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const queued = notice?.endsWith(QUEUED) ?? false;
  useEffect(() => {
    if (queued && pending.length === 0) {
      const done = notice!.replace(QUEUED, SENT_FROM_QUEUE);
      setNotice(done);
      announce.polite(done);
    }
  }, [queued, pending.length, notice]);
  const fail = useCallback((summary: string, byField: Readonly<Record<string, string>> = {}) => {
    setError(summary);
    setFieldErrors(byField);
    announce.error(summary);
  }, []);
  const run = useCallback(
    async (fn: () => Promise<string | void>) => {
      setBusy(true);
      setError(null);
      setFieldErrors({});
      setNotice(null);
      try {
        const msg = await fn();
        if (msg) {
          setNotice(msg);
          announce.polite(msg);
        }
        return true;
      } catch (err) {
        if (err instanceof FieldProblems) fail(err.message, err.fields);
        else if (err instanceof ApiError) {
          const e = clerkErrors(err.problem, fieldsRef.current);
          fail(e.summary, e.fields);
        } else fail((err as Error).message);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );
  return {
    busy,
    error,
    notice,
    fieldErrors,
    run,
    setError: (e: string | null) => (e ? fail(e) : setError(null)),
  };
}

/** A step's own check before anything is sent: messages by control id, first one as summary. */
export class FieldProblems extends Error {
  constructor(readonly fields: Readonly<Record<string, string>>) {
    const all = Object.values(fields);
    super(all.length === 1 ? all[0]! : `Kontrollera de markerade fälten (${all.length}).`);
    this.name = 'FieldProblems';
  }
}

/** Throws FieldProblems when any check fails: `[controlId, message][]` of the failed ones. */
export function check(
  problems: readonly (readonly [string, string] | false | null | undefined | '')[],
): void {
  const found = Object.fromEntries(problems.filter((x): x is readonly [string, string] => !!x));
  if (Object.keys(found).length) throw new FieldProblems(found);
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
