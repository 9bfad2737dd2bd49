import { useEffect, useMemo, useState } from 'react';
import { AttendanceEditor } from '../attendance';
import { DocumentView, PdfButton } from '../document';
import { useAction, useOutbox } from '../hooks';
import { Composer, STEPS } from '../live/Composer';
import { LiveContext, liveCtx, paragraphState, STATE_SV } from '../live/context';
import { Timeline } from '../live/Timeline';
import { useLiveData } from '../live/useLiveData';
import { ActionStatus, submit } from '../ui';
import type { MeetingView } from '../api';

/** "Avsluta sammanträdet" asks first: it cannot be undone, and nothing more can be recorded after. */
function CloseMeeting(props: { meeting: MeetingView }) {
  const [asking, setAsking] = useState(false);
  const close = useAction();
  if (props.meeting.closedAt) return <p className="meta">Sammanträdet är avslutat.</p>;
  return (
    <div className="close-meeting">
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          Avsluta sammanträdet …
        </button>
      ) : (
        <div role="group" aria-labelledby="close-q" className="confirm">
          <p id="close-q">
            Avsluta sammanträdet nu? Därefter kan inga yrkanden, beslut eller reservationer registreras.
          </p>
          <button
            type="button"
            className="primary"
            autoFocus
            onClick={() =>
              void close.run(async () => {
                const msg = await submit(
                  `/meetings/${props.meeting.meetingId}/close`,
                  {},
                  'Sammanträdet avslutat',
                );
                setAsking(false);
                return msg;
              })
            }
          >
            Ja, avsluta sammanträdet
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            Avbryt
          </button>
        </div>
      )}
      <ActionStatus error={close.error} notice={close.notice} />
    </div>
  );
}

function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Kortkommandon</summary>
      <dl>
        {STEPS.map((s) => (
          <div key={s.id}>
            <dt>
              <kbd>Alt+{s.key.toUpperCase()}</kbd>
            </dt>
            <dd>{s.title}</dd>
          </div>
        ))}
        <div>
          <dt>
            <kbd>Alt+↑/↓</kbd>
          </dt>
          <dd>Föregående/nästa ärende</dd>
        </div>
        <div>
          <dt>
            <kbd>Ctrl+Enter</kbd>
          </dt>
          <dd>Registrera steget</dd>
        </div>
      </dl>
    </details>
  );
}

export function LivePage(props: { meetingId: string; paragraphId?: string }) {
  const { snap, error, mode } = useLiveData(props.meetingId, props.paragraphId);
  const { pending } = useOutbox();
  const current = snap?.current;
  const data = snap?.data;

  // Alt+↑/↓: previous/next paragraph (Alt+letter is the composer's).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || !data) return;
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const i = data.paragraphs.findIndex((x) => x.paragraphId === current);
      const next = data.paragraphs[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) {
        e.preventDefault();
        window.location.hash = `#/live/${props.meetingId}/${next.paragraphId}`;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [data, current, props.meetingId]);

  const p = snap?.paragraph && snap.paragraph.paragraphId === current ? snap.paragraph : null;
  const queuedMotions = pending
    .filter((e) => p && e.path === `/paragraphs/${p.paragraphId}/motions`)
    .map((e) => e.body as { motionId: string; proposerId: string });
  const ctx = useMemo(
    () => (data && p ? liveCtx(data.meeting, p, queuedMotions) : null),
    [data, p, queuedMotions.map((q) => q.motionId).join(',')],
  );

  if (!data) return <p role="status">{error ?? 'Hämtar sammanträdet …'}</p>;
  const m = data.meeting;
  return (
    <div className="live">
      <aside className="agenda-pane" aria-labelledby="live-agenda-h">
        <h2 id="live-agenda-h">Föredragningslista</h2>
        <ol className="agenda">
          {data.paragraphs.map((x) => {
            const state = paragraphState(m, { status: x.status ?? 'open', justering: null });
            return (
              <li key={x.paragraphId}>
                <a
                  href={`#/live/${m.meetingId}/${x.paragraphId}`}
                  aria-current={x.paragraphId === current ? 'true' : undefined}
                >
                  §{x.number} {x.title}
                </a>{' '}
                <span className={`badge ${state}`}>{state === 'decided' ? 'beslutad' : STATE_SV[state]}</span>
              </li>
            );
          })}
        </ol>
        <a href={`#/prepare/${m.meetingId}`}>+ Förbered ärende</a>
        {/* The order is changed where the agenda is prepared (docs/adr/0055). */}
        {' · '}
        <a href={`#/prepare/${m.meetingId}`}>Ändra ordningen</a>
        <Shortcuts />
        <details>
          <summary id="att-summary">
            Närvaro och ersättare{m.attendance.length ? '' : ' (ej registrerad)'}
          </summary>
          <AttendanceEditor meeting={m} />
        </details>
        <CloseMeeting meeting={m} />
      </aside>
      <section className="record-pane" aria-labelledby="current-h">
        {p && ctx ? (
          <LiveContext.Provider value={ctx}>
            <h1 id="current-h">
              §{p.number} {p.title}
            </h1>
            <p className="meta" data-testid="paragraph-status">
              {p.caseNumber ? `Dnr ${p.caseNumber} · ` : ''}
              {STATE_SV[ctx.state]}
              {m.closedAt ? ' · sammanträdet avslutat' : ''} · tjänstgörande: {ctx.serving.length}
            </p>
            {ctx.state === 'justified' && (
              <p className="read-only-notice" data-testid="read-only">
                Paragrafen är justerad och kan inte längre ändras. Ett uppenbart fel rättas under{' '}
                <a href={`#/after/${m.meetingId}`}>Efter mötet</a> (rättelse).
              </p>
            )}
            <Timeline />
            <Composer key={p.paragraphId} />
          </LiveContext.Provider>
        ) : (
          <h1 id="current-h">{current ? 'Hämtar ärendet …' : 'Inga ärenden – förbered ett först.'}</h1>
        )}
      </section>
      <section className="extract-pane" aria-labelledby="extract-h">
        <h2 id="extract-h">
          Protokollsutdrag{' '}
          <small data-testid="extract-mode">({mode === 'sse' ? 'live' : 'uppdateras var 3:e sekund'})</small>
        </h2>
        {current && <PdfButton path={`/paragraphs/${current}/extract`} />}
        <DocumentView html={snap?.extract ?? ''} testId="extract" printable />
      </section>
    </div>
  );
}
