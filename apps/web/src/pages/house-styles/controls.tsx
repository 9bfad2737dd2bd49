import type { MouseEvent } from 'react';
import { settingChoices, settingLabel } from '../../house-style/labels';
import { Field } from '../../ui';

/**
 * In-page links without touching the hash route (`#/styles`): scroll to the heading and move
 * the focus there, so keyboard users skip the many fields in between.
 */
export const jumpTo = (id: string) => (e: MouseEvent) => {
  e.preventDefault();
  const el = document.getElementById(id);
  if (!el) return;
  el.tabIndex = -1;
  el.scrollIntoView({ block: 'start' });
  el.focus();
};

/** A setting that takes one of a few values, chosen in words. */
export function SettingChoice(props: {
  settingKey: string;
  value: string;
  optional: boolean;
  problems?: readonly string[];
  onChange: (v: string) => void;
}) {
  const id = `style-settings-${props.settingKey}`;
  const choices = settingChoices[props.settingKey] ?? [];
  const known = choices.some(([v]) => v === props.value);
  return (
    <div className="style-field" data-testid={`field-settings.${props.settingKey}`}>
      <div className="style-field-main">
        <label htmlFor={id}>{settingLabel(props.settingKey)}</label>
        <select
          id={id}
          value={props.value}
          aria-invalid={props.problems ? true : undefined}
          aria-describedby={`${id}-about${props.problems ? ` ${id}-problems` : ''}`}
          onChange={(e) => props.onChange(e.target.value)}
        >
          {props.optional && <option value="">Standard</option>}
          {!known && props.value !== '' && <option value={props.value}>{props.value}</option>}
          {choices.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        {props.problems && <FieldProblems id={id} problems={props.problems} />}
      </div>
      <div id={`${id}-about`} className="style-field-about">
        <p className="hint">
          <span className="sr-only">Tekniskt namn: </span>
          <code>{props.settingKey}</code>
        </p>
      </div>
    </div>
  );
}

export function FieldProblems(props: { id: string; problems: readonly string[] }) {
  return (
    <ul id={`${props.id}-problems`} className="field-problems">
      {props.problems.map((p, i) => (
        <li key={i}>{p}</li>
      ))}
    </ul>
  );
}

export function BasicField(props: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  problems?: readonly string[];
  onChange: (v: string) => void;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.problems ? `${props.id}-problems` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Field label={props.label} id={props.id} hint={props.hint}>
      <input
        id={props.id}
        value={props.value}
        aria-invalid={props.problems ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.problems && <FieldProblems id={props.id} problems={props.problems} />}
    </Field>
  );
}
