import { useEffect, useState } from 'react';
import { memberLabel, request, session } from '../api';
import { check } from '../hooks';
import { useLiveCtx } from '../live/context';
import { JUSTIFY_FIELDS } from '../live/fields';
import { Field, FieldErrorText, submit } from '../ui';
import { Step } from './Step';

/**
 * Justering of this paragraph. Omedelbar justering (at the meeting) is a decision of the
 * meeting, so it starts unticked, unless the body's setting says it justifies its paragraphs
 * at the meeting (docs/adr/0053); either way the clerk ticks what was done.
 */
export function JustifyStep() {
  const { base, meeting } = useLiveCtx();
  const [just, setJust] = useState<{ by: string[]; immediate: boolean; token: string }>({
    by: [meeting.chair?.memberId, ...meeting.adjusters.map((a) => a.memberId)].filter(
      (x): x is string => !!x,
    ),
    immediate: false,
    token: '',
  });
  const bodyId = meeting.body.id;
  useEffect(() => {
    // From the register (a body not in it, from before bodies were data, has no setting).
    request<{ bodies: { bodyId: string; immediateJusteringByDefault?: boolean }[] }>('/bodies')
      .then((r) => {
        if (r.bodies.find((b) => b.bodyId === bodyId)?.immediateJusteringByDefault)
          setJust((j) => ({ ...j, immediate: true }));
      })
      .catch(() => undefined);
  }, [bodyId]);
  return (
    <Step
      testId="step-justify"
      title="Justering av paragrafen"
      button="Justera paragrafen"
      fields={JUSTIFY_FIELDS}
      onSubmit={() => {
        check([!just.by.length && ['just-by', 'Välj ordföranden och justerarna.']]);
        if (just.token.trim()) session.setJustifyToken(just.token.trim());
        return submit(
          `${base}/justify`,
          { byMemberIds: just.by, immediate: just.immediate },
          just.immediate ? 'Omedelbar justering' : 'Justering',
          'justify',
        );
      }}
    >
      <label>
        <input
          id="just-immediate"
          type="checkbox"
          checked={just.immediate}
          onChange={(e) => setJust({ ...just, immediate: e.target.checked })}
        />{' '}
        Omedelbar justering (vid sammanträdet)
      </label>
      <fieldset className="checks" id="just-by" tabIndex={-1}>
        <legend>Justeras av</legend>
        {meeting.members.map((m) => (
          <label key={m.memberId}>
            <input
              type="checkbox"
              checked={just.by.includes(m.memberId)}
              onChange={(e) =>
                setJust({
                  ...just,
                  by: e.target.checked ? [...just.by, m.memberId] : just.by.filter((x) => x !== m.memberId),
                })
              }
            />{' '}
            {memberLabel(m)}
          </label>
        ))}
        <FieldErrorText id="just-by" />
      </fieldset>
      <Field
        label="Ordförandens eller justerarens token"
        id="just-token"
        hint="Justering kräver ordförandens eller en justerares behörighet; sparas bara under sessionen."
      >
        <input
          id="just-token"
          type="password"
          autoComplete="off"
          value={just.token}
          onChange={(e) => setJust({ ...just, token: e.target.value })}
        />
      </Field>
    </Step>
  );
}
