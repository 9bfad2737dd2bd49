import { useState } from 'react';
import { useAction } from '../hooks';
import { ActionStatus, Field, FieldErrorsContext, submit } from '../ui';
import { KIND_SV } from './context';
import { MOTION_FIELDS } from './fields';

/**
 * "Ändra": a yrkande put right before it counts (before it is put under proposition and before
 * the beslut) with an amending event; after that only "Stryk" (docs/adr/0046).
 */
export function AmendMotion(props: {
  paragraphId: string;
  motionId: string;
  kind: string;
  text: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState(props.kind);
  const [text, setText] = useState(props.text ?? '');
  const [reason, setReason] = useState('');
  const action = useAction({
    ...MOTION_FIELDS,
    kind: { ...MOTION_FIELDS.kind!, id: `amend-kind-${props.motionId}` },
    text: { ...MOTION_FIELDS.text!, id: `amend-text-${props.motionId}` },
    reason: {
      id: `amend-reason-${props.motionId}`,
      label: 'Varför',
      missing: 'Skriv varför yrkandet ändras.',
    },
  });
  if (!open)
    return (
      <button type="button" className="link" onClick={() => setOpen(true)} aria-label="Ändra yrkande">
        Ändra
      </button>
    );
  const id = props.motionId;
  return (
    <form
      className="amend"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const msg = await submit(
            `/paragraphs/${props.paragraphId}/motions/${id}/amend`,
            {
              kind,
              ...(text.trim() ? { text: text.trim() } : {}),
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            },
            'Yrkandet ändrat',
          );
          setOpen(false);
          return msg;
        });
      }}
    >
      <FieldErrorsContext.Provider value={action.fieldErrors}>
        <Field label="Slag av yrkande" id={`amend-kind-${id}`}>
          <select id={`amend-kind-${id}`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {Object.entries(KIND_SV).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Yrkandets text" id={`amend-text-${id}`}>
          <textarea id={`amend-text-${id}`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        <Field label="Varför ändras det" id={`amend-reason-${id}`} hint="t.ex. skrivfel; syns i historiken">
          <input id={`amend-reason-${id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </FieldErrorsContext.Provider>
      <button type="submit" disabled={action.busy}>
        Spara ändringen
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)}>
        Avbryt
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}
