import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, getMeeting, getParagraph, type MeetingWithParagraphs, type ParagraphView } from '../api';
import { getDocumentHtml } from '../document';
import { useLive } from '../hooks';

/** One answer of the API for the screen: the meeting, the current paragraph and its extract. */
export interface LiveSnapshot {
  readonly data: MeetingWithParagraphs;
  readonly current: string | undefined;
  readonly paragraph: ParagraphView | null;
  readonly extract: string;
}

/**
 * The live screen's one source: meeting, paragraph and extract are fetched together and set
 * together, so the status line, the forms and the document pane always show the same moment.
 * A slower, older answer never overwrites a newer one.
 */
export function useLiveData(meetingId: string, paragraphId: string | undefined) {
  const [snap, setSnap] = useState<LiveSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(1000);
  const load = useCallback(() => {
    const mine = ++seq.current;
    if (retry.current) clearTimeout(retry.current);
    retry.current = null;
    void (async () => {
      try {
        const data = await getMeeting(meetingId);
        const current =
          paragraphId ??
          data.paragraphs.find((x) => x.status !== 'justified')?.paragraphId ??
          data.paragraphs[0]?.paragraphId;
        const [paragraph, extract] = current
          ? await Promise.all([
              getParagraph(current).then((r) => r.paragraph),
              getDocumentHtml(`/paragraphs/${current}/extract`).catch((e: unknown) => {
                if (isBusy(e)) throw e; // asked again below, not shown as an empty extract
                return '';
              }),
            ])
          : [null, ''];
        if (mine !== seq.current) return;
        setSnap({ data, current, paragraph, extract });
        setError(null);
        retryDelay.current = 1000;
      } catch (e) {
        if (mine !== seq.current) return;
        setError((e as Error).message);
        // The read models were behind the last write (503): nothing else may come to trigger a
        // reload, so ask again, backing off.
        if (isBusy(e)) {
          retry.current = setTimeout(load, retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, 15_000);
        }
      }
    })();
  }, [meetingId, paragraphId]);
  useEffect(() => {
    load();
    return () => {
      if (retry.current) clearTimeout(retry.current);
    };
  }, [load]);
  const mode = useLive(meetingId, load);
  return { snap, error, mode, reload: load };
}

const isBusy = (e: unknown): boolean => e instanceof ApiError && e.status === 503;
