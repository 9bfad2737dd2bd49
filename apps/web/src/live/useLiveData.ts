import { useCallback, useEffect, useRef, useState } from 'react';
import { getMeeting, getParagraph, type MeetingWithParagraphs, type ParagraphView } from '../api';
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
  const load = useCallback(() => {
    const mine = ++seq.current;
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
              getDocumentHtml(`/paragraphs/${current}/extract`).catch(() => ''),
            ])
          : [null, ''];
        if (mine !== seq.current) return;
        setSnap({ data, current, paragraph, extract });
        setError(null);
      } catch (e) {
        if (mine === seq.current) setError((e as Error).message);
      }
    })();
  }, [meetingId, paragraphId]);
  useEffect(load, [load]);
  const mode = useLive(meetingId, load);
  return { snap, error, mode, reload: load };
}
