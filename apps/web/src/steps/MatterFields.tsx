import { Field } from '../ui';

/** The matter a paragraph handles (a motion …) and an earlier paragraph outside Paragraf. */
export interface MatterDraft {
  kind: string;
  title: string;
  refBody: string;
  refDate: string;
  refParagraph: string;
  refCaseNumber: string;
  refOutcome: '' | 'aterremiss' | 'bordlaggning';
}

export const emptyMatter = (): MatterDraft => ({
  kind: '',
  title: '',
  refBody: '',
  refDate: '',
  refParagraph: '',
  refCaseNumber: '',
  refOutcome: '',
});

/** The part of OpenParagraph these fields give; throws a clerk's sentence when half filled in. */
export function matterBody(m: MatterDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (m.kind.trim()) {
    out.matter = { kind: m.kind.trim(), ...(m.title.trim() ? { title: m.title.trim() } : {}) };
  } else if (m.title.trim()) {
    throw new Error('Ange vad ärendet är (t.ex. motion) eller lämna rubriken för motionen tom.');
  }
  const ref = [m.refBody, m.refDate, m.refParagraph, m.refCaseNumber, m.refOutcome].some((x) => x.trim());
  if (ref) {
    if (!m.refBody.trim() || !m.refParagraph.trim())
      throw new Error('Ange både organ och § för den tidigare behandlingen.');
    out.earlierReference = {
      body: m.refBody.trim(),
      paragraph: m.refParagraph.trim(),
      ...(m.refDate ? { date: m.refDate } : {}),
      ...(m.refCaseNumber.trim() ? { caseNumber: m.refCaseNumber.trim() } : {}),
      ...(m.refOutcome ? { outcome: m.refOutcome } : {}),
    };
  }
  return out;
}

/** Shown folded: most paragraphs need neither. */
export function MatterFields(props: { value: MatterDraft; onChange: (m: MatterDraft) => void }) {
  const m = props.value;
  const set = (k: keyof MatterDraft) => (e: { target: { value: string } }) =>
    props.onChange({ ...m, [k]: e.target.value });
  return (
    <details className="matter" open={Boolean(m.kind || m.refBody)}>
      <summary>Motion, medborgarförslag eller tidigare behandling</summary>
      <fieldset>
        <legend>Ärendet gäller</legend>
        <div className="grid2">
          <Field label="Slag av ärende" id="p-matter-kind" hint="t.ex. motion eller medborgarförslag">
            <input id="p-matter-kind" list="p-matter-kinds" value={m.kind} onChange={set('kind')} />
            <datalist id="p-matter-kinds">
              <option value="motion" />
              <option value="medborgarförslag" />
              <option value="e-förslag" />
              <option value="interpellation" />
            </datalist>
          </Field>
          <Field label="Motionens eller förslagets rubrik" id="p-matter-title">
            <input id="p-matter-title" value={m.title} onChange={set('title')} />
          </Field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Tidigare behandlat (paragraf som inte finns i Paragraf)</legend>
        <div className="grid3">
          <Field label="Organ" id="p-ref-body" hint="t.ex. Kommunstyrelsen">
            <input id="p-ref-body" value={m.refBody} onChange={set('refBody')} />
          </Field>
          <Field label="Datum" id="p-ref-date">
            <input id="p-ref-date" type="date" value={m.refDate} onChange={set('refDate')} />
          </Field>
          <Field label="§ som den skrevs" id="p-ref-paragraph" hint="t.ex. § 52">
            <input id="p-ref-paragraph" value={m.refParagraph} onChange={set('refParagraph')} />
          </Field>
          <Field label="Dnr" id="p-ref-dnr">
            <input id="p-ref-dnr" value={m.refCaseNumber} onChange={set('refCaseNumber')} />
          </Field>
          <Field label="Utfall" id="p-ref-outcome">
            <select id="p-ref-outcome" value={m.refOutcome} onChange={set('refOutcome')}>
              <option value="">—</option>
              <option value="aterremiss">återremitterades</option>
              <option value="bordlaggning">bordlades</option>
            </select>
          </Field>
        </div>
      </fieldset>
    </details>
  );
}
