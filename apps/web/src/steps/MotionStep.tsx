import { useState } from 'react';
import { newId } from '../api';
import { check } from '../hooks';
import { KIND_SV, useLiveCtx } from '../live/context';
import { MOTION_FIELDS } from '../live/fields';
import { Field, MemberSelect, submit } from '../ui';
import { emptyMotionExtras, MotionExtrasFields, motionExtrasBody, type MotionExtras } from './MotionExtras';
import { Step } from './Step';

/** What the text field is for, per kind: the protocol's sentence decides (default-sv's templates). */
const TEXT_LABEL: Record<string, string | null> = {
  fritt: 'Yrkandets text (skrivs efter ”yrkar på följande:”)',
  andring: 'Ändringen (skrivs efter ”yrkar på följande ändring:”)',
  tillagg: 'Tillägget (skrivs efter ”yrkar på följande tillägg:”)',
  avslag: 'Motivering, frivillig (skrivs som ”med motiveringen: …”)',
  aterremiss: 'Motivering (skrivs som ”med motiveringen: …”)',
  bordlaggning: 'Motivering, frivillig (skrivs som ”med motiveringen: …”)',
  // A bifall is the sentence "yrkar bifall till …": there is no text to give.
  bifall: null,
};
const TEXT_REQUIRED = new Set(['fritt', 'andring', 'tillagg']);

export function MotionStep() {
  const { base, voters, p, motions } = useLiveCtx();
  const [y, setY] = useState({ member: '', kind: 'fritt', text: '' });
  const [yx, setYx] = useState<MotionExtras>(emptyMotionExtras());
  const textLabel = TEXT_LABEL[y.kind] ?? null;
  const text = textLabel ? y.text.trim() : '';
  const body = {
    proposerId: y.member,
    kind: y.kind,
    ...(text ? { text } : {}),
    ...motionExtrasBody(yx, y.kind, y.member),
  };
  return (
    <Step
      testId="step-motion"
      title="Yrkande"
      button="Registrera yrkande"
      fields={MOTION_FIELDS}
      preview={y.member ? { path: `${base}/motions`, body } : null}
      onSubmit={async () => {
        check([
          !y.member && ['y-member', 'Välj ledamot som yrkar.'],
          TEXT_REQUIRED.has(y.kind) && !y.text.trim() && ['y-text', 'Skriv vad ledamoten yrkar.'],
        ]);
        const msg = await submit(
          `${base}/motions`,
          { motionId: newId(), ...body },
          yx.coProposerIds.length ? 'Gemensamt yrkande' : 'Yrkande',
        );
        setY({ ...y, text: '' });
        setYx(emptyMotionExtras());
        return msg;
      }}
    >
      <div className="grid2">
        <Field label="Ledamot som yrkar" id="y-member">
          <MemberSelect
            id="y-member"
            value={y.member}
            onChange={(member) => setY({ ...y, member })}
            members={voters}
          />
        </Field>
        <Field label="Slag av yrkande" id="y-kind">
          <select id="y-kind" value={y.kind} onChange={(e) => setY({ ...y, kind: e.target.value })}>
            {Object.entries(KIND_SV).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {textLabel ? (
        <Field label={textLabel} id="y-text">
          <textarea
            id="y-text"
            rows={3}
            value={y.text}
            onChange={(e) => setY({ ...y, text: e.target.value })}
          />
        </Field>
      ) : (
        <p className="hint" data-testid="bifall-hint">
          Ett yrkande om bifall skrivs ”… yrkar bifall till …” utan egen text. Välj ”fritt yrkande” eller
          ”ändring” för att ange en formulering.
        </p>
      )}
      <MotionExtrasFields
        p={p}
        kind={y.kind}
        proposerId={y.member}
        value={yx}
        onChange={setYx}
        members={voters}
        motions={motions}
      />
    </Step>
  );
}
