import { useEffect, useState, type ReactNode } from 'react';
import type { ParagraphSummary } from '../api';
import { useAction } from '../hooks';
import { ActionStatus, submit } from '../ui';

/**
 * The föredragningslista in § order, reorderable by drag and drop and by the buttons beside each
 * item (keyboard and touch). The paragraphs not yet handled take the meeting's § numbers in the
 * new order (docs/adr/0055); a decided paragraph stays where it is, and the server refuses to
 * move one where something is already recorded, saying why.
 */
export function AgendaList(props: {
  meetingId: string;
  paragraphs: readonly ParagraphSummary[];
  extra?: (p: ParagraphSummary) => ReactNode;
}) {
  const { meetingId, paragraphs } = props;
  const action = useAction();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  // After a move by keyboard, the focus follows the item, once the list shows it at its new place.
  const [refocus, setRefocus] = useState<{ elementId: string; paragraphId: string; index: number } | null>(
    null,
  );
  useEffect(() => {
    if (!refocus || paragraphs[refocus.index]?.paragraphId !== refocus.paragraphId) return;
    document.getElementById(refocus.elementId)?.focus();
    setRefocus(null);
  }, [refocus, paragraphs]);

  const movable = (p: ParagraphSummary) => p.status === 'open';
  const move = (from: number, to: number, focusId?: string) => {
    if (to < 0 || to >= paragraphs.length || from === to) return;
    const order = paragraphs.map((p) => p.paragraphId);
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item);
    const p = paragraphs[from];
    void action
      .run(() =>
        submit(
          `/meetings/${meetingId}/agenda-order`,
          { order },
          `Föredragningslistan: ${p.title ?? `§${p.number}`} flyttad till plats ${to + 1}`,
        ),
      )
      .then((ok) => {
        if (ok && focusId) setRefocus({ elementId: focusId, paragraphId: p.paragraphId, index: to });
      });
  };

  /** One place up or down by a button; the focus stays on that button, or on the other at an end. */
  const shift = (i: number, delta: -1 | 1) => {
    const to = i + delta;
    const atEnd = delta < 0 ? to === 0 : to === paragraphs.length - 1;
    const up = atEnd ? delta > 0 : delta < 0;
    move(i, to, `${up ? 'up' : 'down'}-${paragraphs[i].paragraphId}`);
  };

  return (
    <>
      <ol className="agenda reorderable" aria-describedby="agenda-hint">
        {paragraphs.map((p, i) => {
          const label = `§${p.number} ${p.title ?? ''}`.trim();
          const canMove = movable(p) && !action.busy;
          return (
            <li
              key={p.paragraphId}
              data-testid={`agenda-${p.paragraphId}`}
              className={over === p.paragraphId && dragged !== p.paragraphId ? 'drop-target' : undefined}
              draggable={canMove}
              onDragStart={(e) => {
                setDragged(p.paragraphId);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', p.paragraphId);
              }}
              onDragEnd={() => {
                setDragged(null);
                setOver(null);
              }}
              onDragOver={(e) => {
                if (!dragged) return;
                e.preventDefault(); // allows the drop here
                setOver(p.paragraphId);
              }}
              onDrop={(e) => {
                e.preventDefault();
                const from = paragraphs.findIndex((x) => x.paragraphId === dragged);
                setDragged(null);
                setOver(null);
                if (from >= 0) move(from, i);
              }}
            >
              {movable(p) && (
                <span className="reorder">
                  <button
                    type="button"
                    id={`up-${p.paragraphId}`}
                    aria-label={`Flytta upp ${label}`}
                    disabled={!canMove || i === 0}
                    onClick={() => shift(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`down-${p.paragraphId}`}
                    aria-label={`Flytta ned ${label}`}
                    disabled={!canMove || i === paragraphs.length - 1}
                    onClick={() => shift(i, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
              <a href={`#/live/${meetingId}/${p.paragraphId}`}>{label}</a> <small>{p.caseNumber}</small>
              {props.extra?.(p)}
            </li>
          );
        })}
      </ol>
      <p id="agenda-hint" className="hint">
        Dra ett ärende till en ny plats, eller flytta det med pilknapparna. Ärenden som inte har behandlats
        får sammanträdets paragrafnummer i den nya ordningen.
      </p>
      <ActionStatus error={action.error} notice={action.notice} />
    </>
  );
}
