import { useState } from 'react';
import { newId } from '../api';
import { check } from '../hooks';
import { useLiveCtx } from '../live/context';
import { RESERVATION_FIELDS } from '../live/fields';
import { Field, submit } from '../ui';
import { ActorPicker, actorBody, actorProblem, emptyActor, type Actor } from './ActorPicker';
import { Step } from './Step';

export function ReservationStep() {
  const { base, voters, decisions } = useLiveCtx();
  const [r, setR] = useState({ decision: '', reasons: '' });
  const [actor, setActor] = useState<Actor>(emptyActor());
  return (
    <Step
      testId="step-reservation"
      title="Reservation"
      button="Registrera reservation"
      fields={RESERVATION_FIELDS}
      preview={
        !actorProblem(actor) && (r.decision || decisions.at(-1))
          ? {
              path: `${base}/reservations`,
              body: {
                ...actorBody(actor),
                decisionId: r.decision || decisions.at(-1)!.decisionId,
                ...(r.reasons.trim() ? { reasons: r.reasons.trim() } : {}),
              },
            }
          : null
      }
      onSubmit={async () => {
        const decisionId = r.decision || decisions.at(-1)?.decisionId || '';
        const who = actorProblem(actor);
        check([
          who && ['r-member', who],
          !decisionId && ['r-decision', 'Registrera beslutet först: en reservation gäller ett beslut.'],
        ]);
        const msg = await submit(
          `${base}/reservations`,
          {
            reservationId: newId(),
            ...actorBody(actor),
            decisionId,
            ...(r.reasons.trim() ? { reasons: r.reasons.trim() } : {}),
          },
          actor.mode === 'member' ? 'Reservation' : 'Gemensam reservation',
        );
        setActor(emptyActor());
        setR({ ...r, reasons: '' });
        return msg;
      }}
    >
      <ActorPicker
        idPrefix="r"
        legend="Vem reserverar sig"
        actor={actor}
        setActor={setActor}
        members={voters}
      />
      <div className="grid2">
        <Field label="Mot beslutet" id="r-decision">
          <select
            id="r-decision"
            value={r.decision}
            onChange={(e) => setR({ ...r, decision: e.target.value })}
          >
            <option value="">senaste beslutet</option>
            {decisions.map((x, i) => (
              <option key={x.decisionId} value={x.decisionId}>
                Beslut {i + 1} ({x.kind})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Skäl" id="r-reasons" hint="t.ex. till förmån för eget yrkande">
        <input id="r-reasons" value={r.reasons} onChange={(e) => setR({ ...r, reasons: e.target.value })} />
      </Field>
    </Step>
  );
}
