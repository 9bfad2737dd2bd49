import { useState } from 'react';
import { useLiveCtx } from '../live/context';
import { RECIPIENTS_FIELDS } from '../live/fields';
import { Field, lines, submit } from '../ui';
import { Step } from './Step';

export function RecipientsStep() {
  const { base, p } = useLiveCtx();
  const [recipients, setRecipients] = useState(p.recipients.join('\n'));
  return (
    <Step
      testId="step-recipients"
      title="Beslutet skickas till"
      button="Spara sändlista"
      fields={RECIPIENTS_FIELDS}
      onSubmit={() => submit(`${base}/recipients`, { recipients: lines(recipients) }, 'Sändlista')}
    >
      <Field label="Mottagare (en per rad)" id="s-recipients">
        <textarea
          id="s-recipients"
          rows={3}
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
        />
      </Field>
    </Step>
  );
}
