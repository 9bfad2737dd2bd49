import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api';
import { useAction } from '../../hooks';
import { ActionStatus, knownMeetings } from '../../ui';
import type { BodyRow, IncomingMatter } from './model';

/** Matters other bodies sent on to this one; the clerk opens a paragraph from one. */
export function Incoming(props: { body: BodyRow }) {
  const [matters, setMatters] = useState<IncomingMatter[]>([]);
  const load = useCallback(() => {
    request<{ matters: IncomingMatter[] }>(`/bodies/${props.body.bodyId}/incoming`)
      .then((res) => setMatters(res.matters))
      .catch(() => undefined);
  }, [props.body.bodyId]);
  useEffect(load, [load]);
  return (
    <section className="card" aria-labelledby="incoming-h">
      <h2 id="incoming-h">Inkomna ärenden – {props.body.name}</h2>
      {matters.length === 0 ? (
        <p>Inga ärenden väntar.</p>
      ) : (
        <ul data-testid="incoming">
          {matters.map((m) => (
            <li key={m.forwardId}>
              <strong>{m.title}</strong>
              <ul>
                {m.lineage.map((s, i) => (
                  <li key={i}>
                    {s.bodyName} {s.date} {s.label}: förslag till {s.proposesTo.body} –{' '}
                    {s.proposesTo.items.join(' ')}
                  </li>
                ))}
              </ul>
              <OpenFromIncoming bodyId={props.body.bodyId} matter={m} onDone={load} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OpenFromIncoming(props: { bodyId: string; matter: IncomingMatter; onDone: () => void }) {
  const [meetingId, setMeetingId] = useState(knownMeetings.all()[0]?.meetingId ?? '');
  const action = useAction();
  const id = `open-${props.matter.forwardId}`;
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const res = await request<{ paragraphId: string; number: number }>(
            `/bodies/${props.bodyId}/incoming/${encodeURIComponent(props.matter.forwardId)}/paragraph`,
            { method: 'POST', body: { meetingId: meetingId.trim() } },
          );
          props.onDone();
          window.location.hash = `#/prepare/${meetingId.trim()}`;
          return `Paragraf § ${res.number} upprättad.`;
        });
      }}
    >
      <label htmlFor={id}>Sammanträdets id</label>
      <input
        id={id}
        list="known-meetings"
        value={meetingId}
        onChange={(e) => setMeetingId(e.target.value)}
        pattern="[0-9a-fA-F-]{36}"
        required
      />
      <datalist id="known-meetings">
        {knownMeetings.all().map((k) => (
          <option key={k.meetingId} value={k.meetingId}>
            {k.label}
          </option>
        ))}
      </datalist>
      <button type="submit" disabled={action.busy}>
        Ta upp i sammanträdet
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}
