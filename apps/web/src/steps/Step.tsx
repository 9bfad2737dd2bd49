import { useState, type FormEvent, type ReactNode } from 'react';
import { useAction } from '../hooks';
import { STRIKE_FIELDS } from '../live/fields';
import { Preview, type PreviewRequest } from '../live/Preview';
import type { FieldMap } from '../messages';
import { ActionStatus, FieldErrorsContext, submit } from '../ui';
import './steps.css';

/**
 * One step of the flow: a form whose refusals are written beside the fields they concern
 * (`fields` maps the API's body fields to the controls; `validate` checks before sending) and
 * summed up under its button. The heading is the step's name only; shortcuts are listed apart.
 */
export function Step(props: {
  title: string;
  button: string;
  onSubmit: () => Promise<string>;
  children: ReactNode;
  testId: string;
  fields?: FieldMap;
  /** Hidden (the composer shows one step at a time) but kept mounted, so typing survives. */
  hidden?: boolean;
  /** What the entry would send, for the preview of its sentence (null: not complete yet). */
  preview?: PreviewRequest | null;
}) {
  const action = useAction(props.fields);
  const handle = (e: FormEvent) => {
    e.preventDefault();
    void action.run(props.onSubmit);
  };
  return (
    <form
      className="step"
      data-testid={props.testId}
      aria-labelledby={`${props.testId}-h`}
      onSubmit={handle}
      hidden={props.hidden}
      noValidate
      onKeyDown={(e) => {
        // Ctrl+Enter sends from any field, textareas included.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <h2 className="step-title" id={`${props.testId}-h`}>
        {props.title}
      </h2>
      <FieldErrorsContext.Provider value={action.fieldErrors}>{props.children}</FieldErrorsContext.Provider>
      {props.preview !== undefined && <Preview request={props.preview} />}
      <button type="submit" disabled={action.busy}>
        {props.button}
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

export function Strike(props: { paragraphId: string; entryId: string; what: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction(STRIKE_FIELDS(props.entryId));
  if (!open)
    return (
      <button
        type="button"
        className="link danger"
        onClick={() => setOpen(true)}
        aria-label={`Stryk ${props.what}`}
      >
        Stryk
      </button>
    );
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() =>
          submit(
            `/paragraphs/${props.paragraphId}/strike`,
            { entryId: props.entryId, reason },
            `Stryk ${props.what}`,
          ),
        );
      }}
    >
      <label htmlFor={`strike-${props.entryId}`}>Varför struket</label>
      <input
        id={`strike-${props.entryId}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        autoFocus
      />
      <button type="submit">Stryk</button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}
