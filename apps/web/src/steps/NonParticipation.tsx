import { useState } from 'react';
import { memberLabel, newId, type MemberRef } from '../api';
import { Field, submit } from '../ui';
import { ActorPicker, actorProblem, emptyActor, type Actor } from './ActorPicker';
import { NON_PARTICIPATION_FIELDS } from '../live/fields';
import { Step, Strike } from './Step';
import { groupLabel, type NonParticipationView, type ParagraphView } from './types';

const who = (d: NonParticipationView): string =>
  d.group ? groupLabel(d.group) : d.members.map(memberLabel).join(', ');

/**
 * Members or a party group who declare that they do not take part in the decision, without
 * being jäviga: recorded, left out of the decision, never written as jäv.
 */
export function NonParticipationStep(props: { p: ParagraphView; serving: readonly MemberRef[] }) {
  const { p } = props;
  const [actor, setActor] = useState<Actor>(emptyActor());
  const [reason, setReason] = useState('');
  const declared = p.nonParticipations ?? [];
  return (
    <Step
      testId="step-non-participation"
      fields={NON_PARTICIPATION_FIELDS}
      title="Deltar inte i beslutet"
      button="Registrera att de inte deltar"
      onSubmit={async () => {
        const problem = actorProblem(actor);
        if (problem) throw new Error(problem);
        const msg = await submit(
          `/paragraphs/${p.paragraphId}/non-participation`,
          {
            declarationId: newId(),
            ...(actor.mode === 'group'
              ? {
                  group: {
                    party: actor.party,
                    ...(actor.groupName.trim() ? { name: actor.groupName.trim() } : {}),
                  },
                }
              : { memberIds: actor.mode === 'member' ? [actor.memberId] : actor.memberIds }),
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          },
          'Deltar inte i beslutet',
        );
        setActor(emptyActor());
        setReason('');
        return msg;
      }}
    >
      <p className="hint">Inte jäv: de som anmäler jäv registreras under Jäv.</p>
      {declared.length > 0 && (
        <ul className="entries" data-testid="non-participations">
          {declared.map((d) => (
            <li key={d.declarationId} className={d.struck ? 'struck' : undefined}>
              {d.struck ? <del>{who(d)}</del> : who(d)}
              {d.reason && ` – ${d.reason}`}
              {d.struck && <span className="badge">struken</span>}
              {!d.struck && p.status !== 'justified' && (
                <>
                  {' '}
                  <Strike
                    paragraphId={p.paragraphId}
                    entryId={d.declarationId}
                    what={`deltar inte: ${who(d)}`}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ActorPicker
        idPrefix="np"
        legend="Vem deltar inte"
        actor={actor}
        setActor={setActor}
        members={props.serving}
        severalLabel="Flera ledamöter"
      />
      <Field label="Skäl (frivilligt)" id="np-reason">
        <input id="np-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </Step>
  );
}
