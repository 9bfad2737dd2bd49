import { useState } from 'react';
import { newId } from '../api';
import { check } from '../hooks';
import { parseRef, useLiveCtx } from '../live/context';
import { QUESTION_FIELDS } from '../live/fields';
import { Field, FieldErrorText, submit } from '../ui';
import { Step } from './Step';

const findingOf = (v: string) => (v === 'rejected' ? { kind: 'rejected' } : parseRef(v));

export function QuestionStep() {
  const { base, p, motions } = useLiveCtx();
  const [q, setQ] = useState<{ puts: string[]; finding: string }>({
    puts: ['proposal'],
    finding: 'proposal',
  });
  const options = [
    { value: 'proposal', label: `${p.proposal.proposer}s förslag` },
    ...motions.map((m) => ({ value: `motion:${m.motionId}`, label: m.label })),
  ];
  return (
    <Step
      testId="step-question"
      title="Proposition"
      button="Registrera proposition"
      fields={QUESTION_FIELDS}
      preview={
        q.puts.length
          ? { path: `${base}/questions`, body: { puts: q.puts.map(parseRef), finding: findingOf(q.finding) } }
          : null
      }
      onSubmit={async () => {
        check([!q.puts.length && ['q-puts', 'Välj minst ett förslag som ställs under proposition.']]);
        return submit(
          `${base}/questions`,
          { questionId: newId(), puts: q.puts.map(parseRef), finding: findingOf(q.finding) },
          'Proposition',
        );
      }}
    >
      <fieldset className="checks" id="q-puts" tabIndex={-1}>
        <legend>Ordföranden ställer under proposition</legend>
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              checked={q.puts.includes(o.value)}
              onChange={(e) =>
                setQ({
                  ...q,
                  puts: e.target.checked ? [...q.puts, o.value] : q.puts.filter((x) => x !== o.value),
                })
              }
            />{' '}
            {o.label}
          </label>
        ))}
        <FieldErrorText id="q-puts" />
      </fieldset>
      <Field label="Och finner bifall till" id="q-finding">
        <select id="q-finding" value={q.finding} onChange={(e) => setQ({ ...q, finding: e.target.value })}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          <option value="rejected">avslag</option>
        </select>
      </Field>
    </Step>
  );
}
