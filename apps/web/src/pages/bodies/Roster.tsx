import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api';
import { useAction } from '../../hooks';
import { ActionStatus, Field, submit } from '../../ui';
import { type BodyRow, type Membership, OFFICE, memberIdFor, today } from './model';

export function Roster(props: { body: BodyRow; admin: boolean }) {
  const { body } = props;
  const [date, setDate] = useState(today());
  const [all, setAll] = useState<Membership[]>([]);
  const [onDate, setOnDate] = useState<Membership[]>([]);
  const load = useCallback(() => {
    request<{ memberships: Membership[] }>(`/bodies/${body.bodyId}`)
      .then((res) => setAll(res.memberships))
      .catch(() => undefined);
    request<{ memberships: Membership[] }>(`/bodies/${body.bodyId}/roster?date=${date}`)
      .then((res) => setOnDate(res.memberships))
      .catch(() => undefined);
  }, [body.bodyId, date]);
  useEffect(load, [load]);
  const serving = new Set(onDate.map((m) => m.membershipId));
  return (
    <section className="card" aria-labelledby="roster-h">
      <h2 id="roster-h">Ledamöter och ersättare – {body.name}</h2>
      <Field label="Förteckningen den" id="roster-date">
        <input id="roster-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <table className="register" data-testid="roster">
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Parti</th>
            <th scope="col">Roll</th>
            <th scope="col">Mandatperiod</th>
            <th scope="col">Från</th>
            <th scope="col">Till</th>
            <th scope="col">
              <span className="sr-only">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {all.map((m) => (
            <tr key={m.membershipId} className={serving.has(m.membershipId) ? undefined : 'muted'}>
              <td>{m.name}</td>
              <td>{m.party}</td>
              <td>
                {m.office ? `${OFFICE[m.office]}, ` : ''}
                {m.role === 'ersattare'
                  ? `ersättare${m.substituteOrder ? ` (${m.substituteOrder})` : ''}`
                  : 'ledamot'}
              </td>
              <td>{m.mandatePeriod}</td>
              <td>
                {m.from}
                {m.reason ? ` (${m.reason})` : ''}
              </td>
              <td>
                {m.lastDay ?? '—'}
                {m.endReason ? ` (${m.endReason})` : ''}
              </td>
              <td>
                {props.admin && m.endReason === undefined && (
                  <EndMembershipForm bodyId={body.bodyId} membership={m} onDone={load} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {onDate.length} i förteckningen den {date}. Ett nytt sammanträde hämtar ledamöterna för sitt datum;
        sammanträden som redan är planerade behåller sina.
      </p>
      {props.admin && <StartMembershipForm bodyId={body.bodyId} onDone={load} />}
    </section>
  );
}

function EndMembershipForm(props: { bodyId: string; membership: Membership; onDone: () => void }) {
  const [lastDay, setLastDay] = useState('');
  const [reason, setReason] = useState('entledigad');
  const action = useAction();
  const id = `end-${props.membership.membershipId}`;
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const msg = await submit(
            `/bodies/${props.bodyId}/memberships/${encodeURIComponent(props.membership.membershipId)}/end`,
            { lastDay, ...(reason ? { reason } : {}) },
            `Uppdraget för ${props.membership.name} upphör`,
          );
          props.onDone();
          return msg;
        });
      }}
    >
      <label htmlFor={id} className="sr-only">
        Sista dag för {props.membership.name}
      </label>
      <input id={id} type="date" value={lastDay} onChange={(e) => setLastDay(e.target.value)} required />
      <input
        aria-label={`Skäl för ${props.membership.name}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={action.busy}>
        Upphör
      </button>
      <ActionStatus error={action.error} />
    </form>
  );
}

function StartMembershipForm(props: { bodyId: string; onDone: () => void }) {
  const [form, setForm] = useState({
    name: '',
    party: '',
    role: 'ledamot' as 'ledamot' | 'ersattare',
    office: '',
    substituteOrder: '',
    mandatePeriod: '2023-2026',
    from: today(),
    until: '',
    reason: 'val',
    memberId: '',
  });
  const action = useAction();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  return (
    <form
      aria-labelledby="new-member-h"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const msg = await submit(
            `/bodies/${props.bodyId}/memberships`,
            {
              memberId: form.memberId.trim() || memberIdFor(props.bodyId, form.name),
              name: form.name.trim(),
              party: form.party.trim(),
              role: form.role,
              ...(form.office ? { office: form.office } : {}),
              ...(form.role === 'ersattare' && form.substituteOrder
                ? { substituteOrder: Number(form.substituteOrder) }
                : {}),
              mandatePeriod: form.mandatePeriod,
              from: form.from,
              ...(form.until ? { until: form.until } : {}),
              ...(form.reason ? { reason: form.reason } : {}),
            },
            `Uppdrag för ${form.name}`,
          );
          props.onDone();
          return msg;
        });
      }}
    >
      <h3 id="new-member-h">Nytt uppdrag (val, fyllnadsval)</h3>
      <div className="grid3">
        <Field label="Namn" id="nm-name">
          <input id="nm-name" value={form.name} onChange={(e) => set({ name: e.target.value })} required />
        </Field>
        <Field label="Parti" id="nm-party">
          <input id="nm-party" value={form.party} onChange={(e) => set({ party: e.target.value })} required />
        </Field>
        <Field label="Roll" id="nm-role">
          <select
            id="nm-role"
            value={form.role}
            onChange={(e) => set({ role: e.target.value as 'ledamot' | 'ersattare', office: '' })}
          >
            <option value="ledamot">ledamot</option>
            <option value="ersattare">ersättare</option>
          </select>
        </Field>
        {form.role === 'ledamot' ? (
          <Field label="Uppdrag i presidiet" id="nm-office">
            <select id="nm-office" value={form.office} onChange={(e) => set({ office: e.target.value })}>
              <option value="">inget</option>
              <option value="ordforande">ordförande</option>
              <option value="vice_ordforande">vice ordförande</option>
            </select>
          </Field>
        ) : (
          <Field label="Ersättarens ordning" id="nm-order">
            <input
              id="nm-order"
              type="number"
              min={1}
              value={form.substituteOrder}
              onChange={(e) => set({ substituteOrder: e.target.value })}
            />
          </Field>
        )}
        <Field label="Mandatperiod" id="nm-period" hint="ÅÅÅÅ-ÅÅÅÅ">
          <input
            id="nm-period"
            value={form.mandatePeriod}
            onChange={(e) => set({ mandatePeriod: e.target.value })}
            required
          />
        </Field>
        <Field label="Från och med" id="nm-from">
          <input
            id="nm-from"
            type="date"
            value={form.from}
            onChange={(e) => set({ from: e.target.value })}
            required
          />
        </Field>
        <Field label="Till och med" id="nm-until" hint="Om det är känt, t.ex. mandatperiodens slut">
          <input
            id="nm-until"
            type="date"
            value={form.until}
            onChange={(e) => set({ until: e.target.value })}
          />
        </Field>
        <Field label="Grund" id="nm-reason" hint="t.ex. val eller fyllnadsval">
          <input id="nm-reason" value={form.reason} onChange={(e) => set({ reason: e.target.value })} />
        </Field>
        <Field
          label="Ledamots-id"
          id="nm-member-id"
          hint="Samma person i flera organ: samma id. Tomt: skapas av namnet."
        >
          <input
            id="nm-member-id"
            value={form.memberId}
            onChange={(e) => set({ memberId: e.target.value })}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={action.busy}>
        Lägg till uppdraget
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}
