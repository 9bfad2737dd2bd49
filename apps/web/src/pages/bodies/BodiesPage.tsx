import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api';
import { useAction } from '../../hooks';
import { may, useMe } from '../../me';
import { ActionStatus, Field, submit } from '../../ui';
import { Incoming } from './Incoming';
import { Roster } from './Roster';
import { type BodyRow, KINDS } from './model';

/**
 * Organ: the municipality's bodies and their rosters per mandatperiod (administrators keep
 * them), and each body's incoming matters (clerks open a paragraph from one).
 */
export function BodiesPage() {
  const me = useMe();
  const admin = may(me, 'administer');
  const [bodies, setBodies] = useState<BodyRow[]>([]);
  const [selected, setSelected] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(() => {
    request<{ bodies: BodyRow[] }>('/bodies')
      .then((res) => {
        setBodies(res.bodies);
        setSelected((s) => s || res.bodies[0]?.bodyId || '');
      })
      .catch((err: Error) => setLoadError(err.message));
  }, []);
  useEffect(load, [load]);
  const body = bodies.find((b) => b.bodyId === selected);
  return (
    <>
      <h1>Organ</h1>
      {loadError && <p className="refusal">{loadError}</p>}
      <section className="card" aria-labelledby="bodies-h">
        <h2 id="bodies-h">Organen</h2>
        {bodies.length === 0 ? (
          <p>
            Inga organ ännu.{admin ? ' Lägg till det första nedan.' : ' En administratör lägger till dem.'}
          </p>
        ) : (
          <table className="register" data-testid="bodies">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Namn</th>
                <th scope="col">Förkortning</th>
                <th scope="col">Slag</th>
                <th scope="col">Bereder för</th>
                <th scope="col">Omedelbar justering</th>
                <th scope="col">
                  <span className="sr-only">Välj</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => (
                <tr key={b.bodyId} aria-current={b.bodyId === selected ? 'true' : undefined}>
                  <td>{b.bodyId}</td>
                  <td>{b.name}</td>
                  <td>{b.shortName}</td>
                  <td>{KINDS.find(([k]) => k === b.kind)?.[1] ?? b.kind}</td>
                  <td>{bodies.find((x) => x.bodyId === b.preparesFor)?.name ?? '—'}</td>
                  <td>
                    <JusteringDefault body={b} admin={admin} onDone={load} />
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(b.bodyId)}>
                      Visa ledamöter
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {admin && <NewBodyForm bodies={bodies} onDone={load} />}
      </section>
      {body && <Roster key={body.bodyId} body={body} admin={admin} />}
      {body && <Incoming key={`in-${body.bodyId}`} body={body} />}
    </>
  );
}

function NewBodyForm(props: { bodies: BodyRow[]; onDone: () => void }) {
  const [form, setForm] = useState({
    bodyId: '',
    name: '',
    shortName: '',
    kind: 'namnd',
    preparesFor: '',
    numberingFormat: '§ {number}',
    immediateJusteringByDefault: false,
  });
  const action = useAction();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  return (
    <form
      aria-labelledby="new-body-h"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const msg = await submit(
            '/bodies',
            { ...form, preparesFor: form.preparesFor || null },
            `Organet ${form.name}`,
          );
          props.onDone();
          return msg;
        });
      }}
    >
      <h3 id="new-body-h">Nytt organ</h3>
      <div className="grid3">
        <Field label="Id" id="nb-id" hint="Små bokstäver, siffror och bindestreck, t.ex. bmn">
          <input id="nb-id" value={form.bodyId} onChange={(e) => set({ bodyId: e.target.value })} required />
        </Field>
        <Field label="Namn (som det skrivs)" id="nb-name">
          <input id="nb-name" value={form.name} onChange={(e) => set({ name: e.target.value })} required />
        </Field>
        <Field label="Förkortning" id="nb-short">
          <input
            id="nb-short"
            value={form.shortName}
            onChange={(e) => set({ shortName: e.target.value })}
            required
          />
        </Field>
        <Field label="Slag" id="nb-kind">
          <select id="nb-kind" value={form.kind} onChange={(e) => set({ kind: e.target.value })}>
            {KINDS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Bereder ärenden för" id="nb-prepares">
          <select
            id="nb-prepares"
            value={form.preparesFor}
            onChange={(e) => set({ preparesFor: e.target.value })}
          >
            <option value="">inget organ</option>
            {props.bodies.map((b) => (
              <option key={b.bodyId} value={b.bodyId}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Paragrafnumrering" id="nb-numbering" hint="{number} och gärna {year}">
          <input
            id="nb-numbering"
            value={form.numberingFormat}
            onChange={(e) => set({ numberingFormat: e.target.value })}
            required
          />
        </Field>
      </div>
      <label>
        <input
          id="nb-immediate"
          type="checkbox"
          checked={form.immediateJusteringByDefault}
          onChange={(e) => set({ immediateJusteringByDefault: e.target.checked })}
        />{' '}
        Justerar paragraferna vid sammanträdet (omedelbar justering förvald)
      </label>
      <button type="submit" className="primary" disabled={action.busy}>
        Lägg till organet
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

/**
 * Whether the live screen offers omedelbar justering ticked for the body (docs/adr/0053): shown
 * to all, changed by an administrator.
 */
function JusteringDefault(props: { body: BodyRow; admin: boolean; onDone: () => void }) {
  const { body } = props;
  const on = body.immediateJusteringByDefault === true;
  const action = useAction();
  if (!props.admin) return <>{on ? 'förvald' : 'nej'}</>;
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={on}
          disabled={action.busy}
          onChange={(e) =>
            void action.run(async () => {
              const checked = e.target.checked;
              await request(`/bodies/${encodeURIComponent(body.bodyId)}`, {
                method: 'PUT',
                body: {
                  name: body.name,
                  shortName: body.shortName,
                  kind: body.kind,
                  immediateJusteringByDefault: checked,
                },
              });
              const msg = `${body.name}: omedelbar justering ${checked ? 'förvald' : 'inte förvald'}.`;
              props.onDone();
              return msg;
            })
          }
        />{' '}
        förvald<span className="sr-only"> för {body.name}</span>
      </label>
      <ActionStatus error={action.error} notice={action.notice} />
    </>
  );
}
