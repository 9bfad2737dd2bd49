import { useState } from 'react';
import { newId } from '../api';
import { check } from '../hooks';
import { useLiveCtx } from '../live/context';
import { stripFrames } from '../live/text';
import { DECISION_FIELDS } from '../live/fields';
import { Field, lines, paragraphs, submit } from '../ui';
import { Step } from './Step';

export function DecisionStep() {
  const { base, p, meeting } = useLiveCtx();
  const to = p.proposal.decision.proposesTo;
  const [d, setD] = useState({
    kind: 'sakbeslut',
    toBody: to?.body ?? '',
    items: (to?.items ?? []).join('\n'),
    own: (p.proposal.decision.ownDecisions ?? []).join('\n'),
    motivation: '',
    verbatim: false,
    text: '',
  });
  const own = stripFrames(lines(d.own), meeting.body.name);
  const items = stripFrames(lines(d.items), d.toBody);
  // Verbatim: the clerk's own words, printed as given, without the generated frame.
  const content = d.verbatim
    ? { text: paragraphs(d.text), verbatim: true }
    : {
        ...(d.toBody.trim() && items.items.length
          ? { proposesTo: { body: d.toBody.trim(), items: items.items } }
          : {}),
        ...(own.items.length ? { ownDecisions: own.items } : {}),
      };
  const body = {
    kind: d.kind,
    ...(d.kind === 'sakbeslut' || d.verbatim ? { content } : {}),
    ...(d.motivation.trim() ? { motivation: d.motivation.trim() } : {}),
  };
  return (
    <Step
      testId="step-decision"
      title="Beslut"
      button="Registrera beslut"
      fields={DECISION_FIELDS}
      preview={{ path: `${base}/decision`, body }}
      onSubmit={() => {
        if (d.verbatim) check([!d.text.trim() && ['d-text', 'Skriv beslutet ordagrant.']]);
        else if (d.kind === 'sakbeslut')
          check([!own.items.length && !items.items.length && ['d-own', 'Skriv minst en beslutspunkt.']]);
        return submit(`${base}/decision`, { decisionId: newId(), ...body }, 'Beslut');
      }}
    >
      <Field label="Slag av beslut" id="d-kind">
        <select id="d-kind" value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value })}>
          <option value="sakbeslut">sakbeslut</option>
          <option value="aterremiss">återremiss</option>
          <option value="bordlaggning">bordläggning</option>
        </select>
      </Field>
      <label>
        <input
          type="checkbox"
          checked={d.verbatim}
          onChange={(e) => setD({ ...d, verbatim: e.target.checked })}
        />{' '}
        Skriv beslutet ordagrant, utan inledningen ”{meeting.body.name} beslutar”
      </label>
      {d.verbatim && (
        <Field label="Beslutet ordagrant (tom rad mellan styckena)" id="d-text">
          <textarea
            id="d-text"
            rows={4}
            value={d.text}
            onChange={(e) => setD({ ...d, text: e.target.value })}
          />
        </Field>
      )}
      {d.verbatim ? null : d.kind === 'sakbeslut' ? (
        <>
          <Field label="Föreslår till organ" id="d-tobody">
            <input id="d-tobody" value={d.toBody} onChange={(e) => setD({ ...d, toBody: e.target.value })} />
          </Field>
          <Field
            label="Beslutspunkter till organet (en per rad)"
            id="d-items"
            hint={
              items.stripped
                ? `”${d.toBody} beslutar” skrivs av protokollet och tas bort från punkterna.`
                : undefined
            }
          >
            <textarea
              id="d-items"
              rows={3}
              value={d.items}
              onChange={(e) => setD({ ...d, items: e.target.value })}
            />
          </Field>
          <Field
            label={`${meeting.body.name} beslutar för egen del (en punkt per rad)`}
            id="d-own"
            hint={
              own.stripped
                ? `”${meeting.body.name} beslutar” skrivs av protokollet; din inledning tas bort så att den inte står två gånger.`
                : 'Börja med ”att …”; protokollet skriver ”' + meeting.body.name + ' beslutar”.'
            }
          >
            <textarea
              id="d-own"
              rows={2}
              value={d.own}
              onChange={(e) => setD({ ...d, own: e.target.value })}
            />
          </Field>
        </>
      ) : (
        <Field label="Motivering" id="d-motivation">
          <textarea
            id="d-motivation"
            rows={2}
            value={d.motivation}
            onChange={(e) => setD({ ...d, motivation: e.target.value })}
          />
        </Field>
      )}
    </Step>
  );
}
