import { useRef } from 'react';
import { sampleText } from './labels';

const slug = (key: string): string => key.replace(/[^A-Za-z0-9_-]/g, '-');

/**
 * One template (or one setting) of the house style: a labelled textarea, the problems the
 * server or the editor found in it right below, and beside it the variables it may use with
 * their sample values; a variable's button puts `{{ name }}` where the cursor is.
 */
export function StyleField(props: {
  /** `templates.<key>` or `settings.<key>`: also the field's id and test id. */
  field: string;
  label: string;
  /** The template's or setting's own key, shown beside it for those who read the docs. */
  technicalName: string;
  value: string;
  onChange: (value: string) => void;
  problems?: readonly string[];
  variables?: Record<string, unknown>;
  /** Another hint beside the field (e.g. the sections a style can use). */
  hint?: string;
  /** Shown when the style takes this template from the style it extends. */
  inheritedFrom?: string;
  changed?: boolean;
  onReset?: () => void;
  rows?: number;
}) {
  const id = `style-${slug(props.field)}`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const problems = props.problems ?? [];
  const insert = (name: string) => {
    const el = ref.current;
    const text = `{{ ${name} }}`;
    const start = el?.selectionStart ?? props.value.length;
    const end = el?.selectionEnd ?? props.value.length;
    props.onChange(props.value.slice(0, start) + text + props.value.slice(end));
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + text.length, start + text.length);
    });
  };
  // Room for the text as it wraps (about 60 characters a line), within limits.
  const wrapped = props.value
    .split('\n')
    .reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 60)), 0);
  const rows = props.rows ?? Math.min(14, Math.max(2, wrapped));
  const describedBy = [`${id}-about`, problems.length ? `${id}-problems` : ''].filter(Boolean).join(' ');
  return (
    <div
      className={`style-field${problems.length ? ' has-problems' : ''}`}
      data-testid={`field-${props.field}`}
    >
      <div className="style-field-main">
        <div className="style-field-label">
          <label htmlFor={id}>{props.label}</label>
          {props.changed && <span className="badge changed">ändrad</span>}
        </div>
        <textarea
          id={id}
          ref={ref}
          rows={rows}
          spellCheck={false}
          value={props.value}
          placeholder={props.inheritedFrom ? `Tas från ${props.inheritedFrom}` : undefined}
          aria-invalid={problems.length ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {problems.length > 0 && (
          <ul id={`${id}-problems`} className="field-problems" data-testid={`problems-${props.field}`}>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
        {props.changed && props.onReset && (
          <button type="button" className="link small" onClick={props.onReset}>
            Ångra ändringen i {props.label.toLowerCase()}
          </button>
        )}
      </div>
      <div id={`${id}-about`} className="style-field-about">
        <p className="hint">
          <span className="sr-only">Tekniskt namn: </span>
          <code>{props.technicalName}</code>
          {props.hint && <> · {props.hint}</>}
        </p>
        {props.variables && Object.keys(props.variables).length > 0 && (
          <>
            <p className="hint">Variabler (exempelvärde):</p>
            <ul className="variables">
              {Object.entries(props.variables).map(([name, sample]) => (
                <li key={name}>
                  <button type="button" className="variable" onClick={() => insert(name)}>
                    <span className="sr-only">Infoga </span>
                    <code>{`{{ ${name} }}`}</code>
                  </button>{' '}
                  <span className="sample">{sampleText(sample)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {props.variables && Object.keys(props.variables).length === 0 && (
          <p className="hint">Mallen får inga variabler.</p>
        )}
      </div>
    </div>
  );
}
