import type { MemberRef } from '../api';
import { Field, MemberSelect } from '../ui';

/** Who acts in a step: one member, several jointly, or a party group. */
export interface Actor {
  mode: 'member' | 'members' | 'group';
  memberId: string;
  memberIds: string[];
  party: string;
  groupName: string;
}

export const emptyActor = (): Actor => ({
  mode: 'member',
  memberId: '',
  memberIds: [],
  party: '',
  groupName: '',
});

/** The part of a command's body that names who acts (`memberId`, `memberIds` or `group`). */
export function actorBody(a: Actor): Record<string, unknown> {
  if (a.mode === 'members') return { memberIds: a.memberIds };
  if (a.mode === 'group')
    return { group: { party: a.party, ...(a.groupName.trim() ? { name: a.groupName.trim() } : {}) } };
  return { memberId: a.memberId };
}

/** A clerk's words for what is missing, before anything is sent. */
export function actorProblem(a: Actor): string | null {
  if (a.mode === 'member' && !a.memberId) return 'Välj ledamot.';
  if (a.mode === 'members' && a.memberIds.length < 2) return 'Välj minst två ledamöter.';
  if (a.mode === 'group' && !a.party) return 'Välj parti.';
  return null;
}

export const parties = (members: readonly MemberRef[]): string[] =>
  [...new Set(members.map((m) => m.party).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'sv'));

/**
 * One member (the select keeps the step's old id, so shortcuts still land on it), several
 * members together, or a party group with its name as the protocol should print it.
 */
export function ActorPicker(props: {
  idPrefix: string;
  legend: string;
  actor: Actor;
  setActor: (a: Actor) => void;
  members: readonly MemberRef[];
  severalLabel?: string;
}) {
  const { actor, setActor, idPrefix } = props;
  const modes: [Actor['mode'], string][] = [
    ['member', 'En ledamot'],
    ['members', props.severalLabel ?? 'Flera ledamöter gemensamt'],
    ['group', 'En partigrupp'],
  ];
  return (
    <fieldset className="actor-picker">
      <legend>{props.legend}</legend>
      <div className="inline">
        {modes.map(([mode, label]) => (
          <label key={mode} className="radio">
            <input
              type="radio"
              name={`${idPrefix}-mode`}
              value={mode}
              checked={actor.mode === mode}
              onChange={() => setActor({ ...actor, mode })}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      {actor.mode === 'member' && (
        <Field label="Ledamot" id={`${idPrefix}-member`}>
          <MemberSelect
            id={`${idPrefix}-member`}
            value={actor.memberId}
            onChange={(memberId) => setActor({ ...actor, memberId })}
            members={[...props.members]}
          />
        </Field>
      )}
      {actor.mode === 'members' && (
        <div className="checks" role="group" aria-label="Ledamöter">
          {props.members.map((m) => (
            <label key={m.memberId}>
              <input
                type="checkbox"
                checked={actor.memberIds.includes(m.memberId)}
                onChange={(e) =>
                  setActor({
                    ...actor,
                    memberIds: e.target.checked
                      ? [...actor.memberIds, m.memberId]
                      : actor.memberIds.filter((x) => x !== m.memberId),
                  })
                }
              />{' '}
              {m.name} ({m.party})
            </label>
          ))}
        </div>
      )}
      {actor.mode === 'group' && (
        <div className="grid2">
          <Field label="Parti" id={`${idPrefix}-party`}>
            <select
              id={`${idPrefix}-party`}
              value={actor.party}
              onChange={(e) => setActor({ ...actor, party: e.target.value })}
            >
              <option value="">— välj parti —</option>
              {parties(props.members).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label="Gruppens namn i protokollet"
            id={`${idPrefix}-group-name`}
            hint="t.ex. Socialdemokraterna (frivilligt)"
          >
            <input
              id={`${idPrefix}-group-name`}
              value={actor.groupName}
              onChange={(e) => setActor({ ...actor, groupName: e.target.value })}
            />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
