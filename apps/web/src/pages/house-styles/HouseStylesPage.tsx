import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, newId, request } from '../../api';
import { StyleField } from '../../house-style/StyleField';
import '../../house-style/house-style.css';
import {
  type Catalogue,
  type Draft,
  type StyleDocument,
  buildStyle,
  draftOf,
  problemsByField,
  sameDraft,
} from '../../house-style/draft';
import {
  groupTemplates,
  optionalSettings,
  settingChoices,
  settingLabel,
  templateLabel,
} from '../../house-style/labels';
import { may, useMe } from '../../me';
import { Field } from '../../ui';
import { StyleOrigin } from './StyleOrigin';
import { StylePreview } from './StylePreview';
import { BasicField, FieldProblems, SettingChoice, jumpTo } from './controls';
import { BODY_ID, PREVIEW_DELAY_MS, type Source, type Version } from './model';

/**
 * The house style of a body (docs/adr/0018): load the style in force or a shipped one, edit its
 * settings and templates with each template's variables beside it, see the sample paragraph
 * worded by the draft beside the editor, and (administrators) adopt it as the body's next version.
 */
export function HouseStylesPage() {
  const me = useMe();
  const isAdmin = may(me, 'administer');
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [bodies, setBodies] = useState<{ id: string; name: string }[]>([]);
  const [bodyId, setBodyId] = useState('ks-au');
  const [bodyProblem, setBodyProblem] = useState<string | null>(null);
  const [shippedId, setShippedId] = useState('default-sv');
  const [source, setSource] = useState<Source | null>(null);
  const [loaded, setLoaded] = useState<Draft | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [versions, setVersions] = useState<{ bodyId: string; list: Version[] } | null>(null);
  const [serverProblems, setServerProblems] = useState<Record<string, string[]>>({});
  const [format, setFormat] = useState<'html' | 'text'>('html');
  const [preview, setPreview] = useState<{ format: 'html' | 'text'; document: string } | null>(null);
  const [status, setStatus] = useState('Hämtar husstilen …');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adoptError, setAdoptError] = useState<string | null>(null);
  const [adopting, setAdopting] = useState(false);
  const [adopted, setAdopted] = useState<number | null>(null);

  const built = useMemo(() => (draft ? buildStyle(draft) : null), [draft]);
  const problems = useMemo(() => {
    const all: Record<string, string[]> = {};
    for (const src of [serverProblems, built?.problems ?? {}])
      for (const [k, v] of Object.entries(src)) all[k] = [...(all[k] ?? []), ...v];
    return all;
  }, [serverProblems, built]);
  const problemCount = Object.values(problems).reduce((n, p) => n + p.length, 0);

  const loadVersions = useCallback(async (id: string) => {
    const v = await request<{ versions: Version[] }>(`/bodies/${id}/house-style/versions`);
    setVersions({ bodyId: id, list: v.versions });
  }, []);

  const start = useCallback((doc: StyleDocument, from: Source) => {
    const d = draftOf(doc, optionalSettings);
    setLoaded(d);
    setDraft(d);
    setSource(from);
    setServerProblems({});
    setAdopted(null);
    setAdoptError(null);
  }, []);

  const confirmDiscard = () =>
    !draft ||
    !loaded ||
    sameDraft(draft, loaded) ||
    window.confirm('Ändringarna i utkastet försvinner. Fortsätta?');

  const loadBody = useCallback(
    async (id: string) => {
      setLoadError(null);
      if (!BODY_ID.test(id)) {
        setBodyProblem('Ange organets id med små bokstäver a–z, siffror och bindestreck, t.ex. ks-au.');
        return;
      }
      setBodyProblem(null);
      try {
        const current = await request<{ version: number; style: StyleDocument }>(`/bodies/${id}/house-style`);
        start(current.style, {
          kind: 'body',
          bodyId: id,
          version: current.version,
          name: String(current.style.name ?? ''),
        });
        await loadVersions(id);
        setStatus(
          current.version === 0
            ? `Organet ${id} har ingen egen husstil än; den levererade standardstilen är hämtad.`
            : `Organets ${id} husstil version ${current.version} är hämtad.`,
        );
      } catch (error) {
        setLoadError((error as Error).message);
      }
    },
    [start, loadVersions],
  );

  const loadShipped = async (id: string) => {
    setLoadError(null);
    try {
      const doc = await request<StyleDocument>(`/house-styles/shipped/${encodeURIComponent(id)}`);
      start(doc, { kind: 'shipped', id, name: String(doc.name ?? id) });
      setStatus(`Den levererade husstilen ${String(doc.name ?? id)} är hämtad som utgångspunkt.`);
    } catch (error) {
      setLoadError((error as Error).message);
    }
  };

  // The catalogue, the bodies known from the meetings, and the default body's style.
  useEffect(() => {
    void request<Catalogue>('/house-styles/catalogue')
      .then((c) => {
        setCatalogue(c);
        setShippedId(c.default);
      })
      .catch((error: Error) => setLoadError(error.message));
    void request<{ items: { body: { id: string; name: string } }[] }>('/meetings')
      .then((r) => {
        const seen = new Map<string, string>();
        for (const m of r.items) seen.set(m.body.id, m.body.name);
        setBodies([...seen].map(([id, name]) => ({ id, name })));
      })
      .catch(() => undefined);
    void loadBody('ks-au');
  }, [loadBody]);

  // The live preview: the draft goes to the server a moment after the last keystroke.
  const seq = useRef(0);
  useEffect(() => {
    if (!built) return;
    if (!built.style) {
      setStatus(
        'Utkastet har fel som måste rättas innan det kan förhandsvisas. Förhandsvisningen visar det senaste giltiga utkastet.',
      );
      return;
    }
    const style = built.style;
    const mine = ++seq.current;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      request<{ document: string }>('/house-styles/preview', {
        method: 'POST',
        body: { style, format },
        signal: abort.signal,
      })
        .then((r) => {
          if (mine !== seq.current) return;
          setServerProblems({});
          setPreview({ format, document: r.document });
          setStatus('Förhandsvisningen är uppdaterad.');
        })
        .catch((error: unknown) => {
          if (mine !== seq.current || (error as Error).name === 'AbortError') return;
          if (error instanceof ApiError && error.status === 400 && error.problem.errors && draft) {
            const byField = problemsByField(error.problem.errors, draft);
            setServerProblems(byField);
            const n = error.problem.errors.length;
            setStatus(
              `Utkastet har ${n} ${n === 1 ? 'fel' : 'fel'}, se markeringarna vid fälten. Förhandsvisningen visar det senaste giltiga utkastet.`,
            );
          } else {
            setStatus(`Förhandsvisningen kunde inte hämtas: ${(error as Error).message}`);
          }
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // `draft` is read only to place the problems; `built` changes with it.
  }, [built, format]);

  const adopt = async () => {
    if (!built?.style || !source) return;
    setAdoptError(null);
    const target = source.kind === 'body' ? source.bodyId : bodyId;
    if (!BODY_ID.test(target)) {
      setBodyProblem('Ange organets id med små bokstäver a–z, siffror och bindestreck, t.ex. ks-au.');
      return;
    }
    setAdopting(true);
    try {
      const { version } = await request<{ version: number }>(`/bodies/${target}/house-style`, {
        method: 'POST',
        body: { style: built.style },
        idempotencyKey: newId(),
      });
      setAdopted(version);
      setLoaded(draft);
      setSource({ kind: 'body', bodyId: target, version, name: String(built.style.name ?? '') });
      await loadVersions(target);
      setStatus(`Husstilen är antagen för organet ${target} som version ${version}.`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem.errors && draft) {
        setServerProblems(problemsByField(error.problem.errors, draft));
        setAdoptError('Husstilen kunde inte antas: rätta felen som är markerade vid fälten.');
      } else {
        setAdoptError(`Husstilen kunde inte antas: ${(error as Error).message}`);
      }
    } finally {
      setAdopting(false);
    }
  };

  const setTemplate = (key: string, value: string | undefined) =>
    setDraft((d) => (d ? { ...d, templates: { ...d.templates, [key]: value } } : d));
  const setSetting = (key: string, text: string) =>
    setDraft((d) =>
      d ? { ...d, settings: d.settings.map((s) => (s.key === key ? { ...s, text } : s)) } : d,
    );
  const setBasic = (key: 'id' | 'name' | 'locale' | 'extends', value: string) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));

  const templateKeys = useMemo(() => {
    const keys = Object.keys(catalogue?.templates ?? {});
    for (const k of Object.keys(draft?.templates ?? {})) if (!keys.includes(k)) keys.push(k);
    return keys;
  }, [catalogue, draft]);
  const groups = useMemo(() => groupTemplates(templateKeys), [templateKeys]);
  const target = source?.kind === 'body' ? source.bodyId : bodyId;
  const changed = Boolean(draft && loaded && !sameDraft(draft, loaded));

  return (
    <div className="house-styles">
      <h1>Husstil</h1>
      <p className="lead">
        Husstilen bestämmer hur protokoll och utdrag skrivs: avsnittens ordning och rubriker och formuleringen
        av varje mening. Ändra inställningar och mallar och se en provparagraf skrivas om medan du skriver.{' '}
        {isAdmin
          ? 'När husstilen är klar antar du den för organet; den gäller då från och med nu, och redan justerade protokoll behåller sin version.'
          : 'Du kan förhandsvisa här; bara en administratör kan anta en husstil.'}
      </p>

      <section className="card" aria-labelledby="style-source-h">
        <h2 id="style-source-h">Välj husstil att utgå från</h2>
        <div className="style-source">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (confirmDiscard()) void loadBody(bodyId.trim());
            }}
          >
            <Field label="Organ (id)" id="style-body" hint="Till exempel ks-au.">
              <input
                id="style-body"
                list="style-bodies"
                value={bodyId}
                autoComplete="off"
                aria-invalid={bodyProblem ? true : undefined}
                aria-describedby={`style-body-hint${bodyProblem ? ' style-body-problem' : ''}`}
                onChange={(e) => setBodyId(e.target.value)}
              />
              <datalist id="style-bodies">
                {bodies.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </datalist>
              {bodyProblem && (
                <p id="style-body-problem" className="field-problem">
                  {bodyProblem}
                </p>
              )}
            </Field>
            <button type="submit" className="primary">
              Hämta organets husstil
            </button>
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (confirmDiscard()) void loadShipped(shippedId);
            }}
          >
            <Field label="Levererad husstil" id="style-shipped">
              <select id="style-shipped" value={shippedId} onChange={(e) => setShippedId(e.target.value)}>
                {(catalogue?.shipped ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
            <button type="submit">Börja från den levererade husstilen</button>
          </form>
        </div>
        {loadError && (
          <p className="refusal" role="alert">
            {loadError}
          </p>
        )}
        <StyleOrigin source={source} bodyId={bodyId} versions={versions} />
      </section>

      {draft && (
        <div className="style-workspace">
          <form
            className="style-editor card"
            aria-labelledby="style-editor-h"
            onSubmit={(e) => e.preventDefault()}
          >
            <h2 id="style-editor-h">Utkast</h2>
            <nav className="style-toc" aria-label="Utkastets delar">
              <ul>
                {groups.map((g) => (
                  <li key={g.id}>
                    <a href={`#style-group-${g.id}`} onClick={jumpTo(`style-group-${g.id}`)}>
                      {g.heading}
                    </a>
                  </li>
                ))}
                <li>
                  <a href="#style-settings-h" onClick={jumpTo('style-settings-h')}>
                    Inställningar
                  </a>
                </li>
                <li>
                  <a href="#style-preview-h" onClick={jumpTo('style-preview-h')}>
                    Förhandsvisning{isAdmin ? ' och antagande' : ''}
                  </a>
                </li>
              </ul>
            </nav>
            {problems.general && (
              <ul className="field-problems" data-testid="problems-general">
                {problems.general.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
            <div className="grid2">
              <BasicField
                id="style-id"
                label="Husstilens id"
                hint="Små bokstäver, siffror och bindestreck."
                value={draft.id}
                problems={problems.id}
                onChange={(v) => setBasic('id', v)}
              />
              <BasicField
                id="style-name"
                label="Husstilens namn"
                value={draft.name}
                problems={problems.name}
                onChange={(v) => setBasic('name', v)}
              />
              <BasicField
                id="style-locale"
                label="Språk"
                hint="Språkkod, t.ex. sv-SE."
                value={draft.locale}
                problems={problems.locale}
                onChange={(v) => setBasic('locale', v)}
              />
              <div className="field">
                <label htmlFor="style-extends">Bygger på</label>
                <select
                  id="style-extends"
                  value={draft.extends}
                  aria-describedby="style-extends-hint"
                  onChange={(e) => setBasic('extends', e.target.value)}
                >
                  <option value="">Ingen (alla mallar anges här)</option>
                  {(catalogue?.shipped ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <small id="style-extends-hint" className="hint">
                  Det som lämnas tomt tas från den husstil som anges här.
                </small>
                {problems.extends && <FieldProblems id="style-extends" problems={problems.extends} />}
              </div>
            </div>

            <p className="hint filters">
              Mallarna skrivs i Liquid: <code>{'{{ variabel }}'}</code> skriver ut ett värde,{' '}
              <code>{'{% if villkor %}…{% endif %}'}</code> skriver något bara ibland. Filter för svenska:{' '}
              {(catalogue?.filters ?? []).map((f, i) => (
                <span key={f}>
                  {i > 0 && ', '}
                  <code>{f}</code>
                </span>
              ))}{' '}
              (t.ex. <code>{'{{ proposer | genitive }}'}</code>).
            </p>

            {groups.map((g) => (
              <section key={g.id} aria-labelledby={`style-group-${g.id}`} className="style-group">
                <h2 id={`style-group-${g.id}`}>{g.heading}</h2>
                {g.keys.map((key) => (
                  <StyleField
                    key={key}
                    field={`templates.${key}`}
                    label={templateLabel(key)}
                    technicalName={key}
                    value={draft.templates[key] ?? ''}
                    variables={catalogue?.templates[key]}
                    problems={problems[`templates.${key}`]}
                    inheritedFrom={
                      draft.templates[key] === undefined && draft.extends ? draft.extends : undefined
                    }
                    changed={draft.templates[key] !== loaded?.templates[key]}
                    onReset={() => setTemplate(key, loaded?.templates[key])}
                    onChange={(v) => setTemplate(key, v === '' && draft.extends ? undefined : v)}
                  />
                ))}
              </section>
            ))}
            <section aria-labelledby="style-settings-h" className="style-group">
              <h2 id="style-settings-h">Inställningar</h2>
              {problems.settings && (
                <ul className="field-problems" data-testid="problems-settings">
                  {problems.settings.map((p, i) => (
                    <li key={i}>{p}</li>
                  ))}
                </ul>
              )}
              {draft.settings.map((s) =>
                settingChoices[s.key] && s.kind === 'text' ? (
                  <SettingChoice
                    key={s.key}
                    settingKey={s.key}
                    value={s.text}
                    optional={Boolean(s.optional)}
                    problems={problems[`settings.${s.key}`]}
                    onChange={(v) => setSetting(s.key, v)}
                  />
                ) : (
                  <StyleField
                    key={s.key}
                    field={`settings.${s.key}`}
                    label={settingLabel(s.key)}
                    technicalName={s.key}
                    value={s.text}
                    rows={s.kind === 'text' ? 1 : undefined}
                    hint={
                      s.kind === 'json'
                        ? s.key === 'sections'
                          ? `JSON. Avsnitt: ${(catalogue?.sections ?? []).join(', ')}.`
                          : 'JSON.'
                        : undefined
                    }
                    variables={
                      s.key === 'sections' ? catalogue?.headingVariables : catalogue?.lineTemplates[s.key]
                    }
                    problems={problems[`settings.${s.key}`]}
                    changed={loaded?.settings.find((l) => l.key === s.key)?.text !== s.text}
                    onReset={() =>
                      setSetting(s.key, loaded?.settings.find((l) => l.key === s.key)?.text ?? '')
                    }
                    onChange={(v) => setSetting(s.key, v)}
                  />
                ),
              )}
            </section>
          </form>

          <StylePreview
            format={format}
            setFormat={setFormat}
            status={status}
            preview={preview}
            isAdmin={isAdmin}
            adopt={adopt}
            adopting={adopting}
            built={built}
            problemCount={problemCount}
            target={target}
            changed={changed}
            adopted={adopted}
            adoptError={adoptError}
          />
        </div>
      )}
    </div>
  );
}
