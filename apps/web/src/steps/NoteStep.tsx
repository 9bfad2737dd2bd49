import { useState } from 'react';
import { newId } from '../api';
import { check } from '../hooks';
import { useLiveCtx } from '../live/context';
import { NOTE_FIELDS } from '../live/fields';
import { Field, submit } from '../ui';
import { ActorPicker, actorBody, actorProblem, emptyActor, type Actor } from './ActorPicker';
import { Step } from './Step';

export function NoteStep() {
  const { base, present } = useLiveCtx();
  const [text, setText] = useState('');
  const [actor, setActor] = useState<Actor>(emptyActor());
  return (
    <Step
      testId="step-note"
      title="Protokollsanteckning"
      button="Registrera anteckning"
      fields={NOTE_FIELDS}
      preview={
        !actorProblem(actor) && text.trim()
          ? { path: `${base}/notes`, body: { ...actorBody(actor), text: text.trim() } }
          : null
      }
      onSubmit={async () => {
        const who = actorProblem(actor);
        check([who && ['n-member', who], !text.trim() && ['n-text', 'Skriv anteckningens text.']]);
        const msg = await submit(
          `${base}/notes`,
          { noteId: newId(), ...actorBody(actor), text: text.trim() },
          'Protokollsanteckning',
        );
        setText('');
        setActor(emptyActor());
        return msg;
      }}
    >
      <ActorPicker
        idPrefix="n"
        legend="Vem lämnar anteckningen"
        actor={actor}
        setActor={setActor}
        members={present}
      />
      <Field label="Anteckningens text" id="n-text">
        <textarea id="n-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
    </Step>
  );
}
