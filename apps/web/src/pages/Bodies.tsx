import { useCallback, useEffect, useState } from 'react';
import { request } from '../api';
import { useAction } from '../hooks';
import { may, useMe } from '../me';
import { ActionStatus, Field, knownMeetings, submit } from '../ui';

/** A body as the API answers (docs/adr/0036). */
interface BodyRow {
  bodyId: string;
  name: string;
  shortName: string;
  kind: string;
  preparesFor: string | null;
  numberingFormat: string;
  defaultHouseStyle: string;
}

interface Membership {
  membershipId: string;
  memberId: string;
  name: string;
  party: string;
  role: 'ledamot' | 'ersattare';
  substituteOrder?: number;
  office?: 'ordforande' | 'vice_ordforande';
  mandatePeriod: string;
  from: string;
  lastDay?: string;
  endReason?: string;
  reason?: string;
}

interface LineageStep {
  bodyName: string;
  date: string;
  label: string;
  proposesTo: { body: string; items: string[] };
}

interface IncomingMatter {
  forwardId: string;
  title: string;
  lineage: LineageStep[];
  at: string;
}

const KINDS: [string, string][] = [
  ['fullmaktige', 'fullmäktige'],
  ['styrelse', 'styrelse'],
  ['utskott', 'utskott'],
  ['namnd', 'nämnd'],
  ['beredning', 'beredning'],
];

const OFFICE: Record<string, string> = { ordforande: 'ordförande', vice_ordforande: 'vice ordförande' };

const today = () => new Date().toISOString().slice(0, 10);

/** A member id from the body and the name, so the administrator need not invent one. */
function memberIdFor(bodyId: string, name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${bodyId}-${slug || 'ledamot'}`;
}

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
      <button type="submit" className="primary" disabled={action.busy}>
        Lägg till organet
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

function Roster(props: { body: BodyRow; admin: boolean }) {
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

/** Matters other bodies sent on to this one; the clerk opens a paragraph from one. */
function Incoming(props: { body: BodyRow }) {
  const [matters, setMatters] = useState<IncomingMatter[]>([]);
  const load = useCallback(() => {
    request<{ matters: IncomingMatter[] }>(`/bodies/${props.body.bodyId}/incoming`)
      .then((res) => setMatters(res.matters))
      .catch(() => undefined);
  }, [props.body.bodyId]);
  useEffect(load, [load]);
  return (
    <section className="card" aria-labelledby="incoming-h">
      <h2 id="incoming-h">Inkomna ärenden – {props.body.name}</h2>
      {matters.length === 0 ? (
        <p>Inga ärenden väntar.</p>
      ) : (
        <ul data-testid="incoming">
          {matters.map((m) => (
            <li key={m.forwardId}>
              <strong>{m.title}</strong>
              <ul>
                {m.lineage.map((s, i) => (
                  <li key={i}>
                    {s.bodyName} {s.date} {s.label}: förslag till {s.proposesTo.body} –{' '}
                    {s.proposesTo.items.join(' ')}
                  </li>
                ))}
              </ul>
              <OpenFromIncoming bodyId={props.body.bodyId} matter={m} onDone={load} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OpenFromIncoming(props: { bodyId: string; matter: IncomingMatter; onDone: () => void }) {
  const [meetingId, setMeetingId] = useState(knownMeetings.all()[0]?.meetingId ?? '');
  const action = useAction();
  const id = `open-${props.matter.forwardId}`;
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const res = await request<{ paragraphId: string; number: number }>(
            `/bodies/${props.bodyId}/incoming/${encodeURIComponent(props.matter.forwardId)}/paragraph`,
            { method: 'POST', body: { meetingId: meetingId.trim() } },
          );
          props.onDone();
          window.location.hash = `#/prepare/${meetingId.trim()}`;
          return `Paragraf § ${res.number} upprättad.`;
        });
      }}
    >
      <label htmlFor={id}>Sammanträdets id</label>
      <input
        id={id}
        list="known-meetings"
        value={meetingId}
        onChange={(e) => setMeetingId(e.target.value)}
        pattern="[0-9a-fA-F-]{36}"
        required
      />
      <datalist id="known-meetings">
        {knownMeetings.all().map((k) => (
          <option key={k.meetingId} value={k.meetingId}>
            {k.label}
          </option>
        ))}
      </datalist>
      <button type="submit" disabled={action.busy}>
        Ta upp i sammanträdet
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}
