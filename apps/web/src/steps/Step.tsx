import { useState, type FormEvent, type ReactNode } from 'react';
import { useAction } from '../hooks';
import { ActionStatus, submit } from '../ui';
import './steps.css';

/** One step of the flow: a form with its own refusal shown right under its button. */
export function Step(props: {
  title: string;
  shortcut?: string;
  button: string;
  onSubmit: () => Promise<string>;
  children: ReactNode;
  testId: string;
}) {
  const action = useAction();
  const handle = (e: FormEvent) => {
    e.preventDefault();
    void action.run(props.onSubmit);
  };
  return (
    <form
      className="step"
      data-testid={props.testId}
      aria-label={props.title}
      onSubmit={handle}
      onKeyDown={(e) => {
        // Ctrl+Enter sends from any field, textareas included.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
    >
      <h2 className="step-title">
        {props.title} {props.shortcut && <kbd>Alt+{props.shortcut.toUpperCase()}</kbd>}
      </h2>
      {props.children}
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
  const action = useAction();
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
