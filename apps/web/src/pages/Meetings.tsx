import { useEffect, useState } from 'react';
import { newId, request } from '../api';
import { useAction } from '../hooks';
import { ActionStatus, Field, knownMeetings, submit } from '../ui';
import { nameSlug } from './bodies/model';

interface MemberRow {
  memberId: string;
  name: string;
  party: string;
  role: 'ledamot' | 'ersattare';
}

/** A member id the clerk need not type: from the body and the name, letters and digits only. */
function memberIdFor(bodyId: string, name: string, taken: Set<string>): string {
  const slug = nameSlug(name);
  let id = `${bodyId}-${slug || 'ledamot'}`;
  for (let i = 2; taken.has(id); i++) id = `${bodyId}-${slug}-${i}`;
  taken.add(id);
  return id;
}

const emptyRow = (): MemberRow => ({ memberId: '', name: '', party: '', role: 'ledamot' });

/** A registered body as `GET /bodies` answers (docs/adr/0036). */
interface RegisteredBody {
  bodyId: string;
  name: string;
  shortName: string;
}

interface RosterAnswer {
  chair: string | null;
  members: MemberRow[];
}

function ScheduleForm() {
  const [body, setBody] = useState({
    id: 'ks-au',
    name: 'Kommunstyrelsens arbetsutskott',
    shortName: 'KSAU',
  });
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('09:00');
  const [place, setPlace] = useState('');
  const [secretary, setSecretary] = useState({ name: '', title: 'nämndsekreterare' });
  const [rows, setRows] = useState<MemberRow[]>([emptyRow()]);
  const [chairIndex, setChairIndex] = useState(0);
  const action = useAction();
  // Bodies kept as data: their names and, for the meeting's date, their members (the clerk adjusts).
  const [registered, setRegistered] = useState<RegisteredBody[]>([]);
  const [touched, setTouched] = useState(false);
  const [prefilled, setPrefilled] = useState<string | null>(null);
  useEffect(() => {
    request<{ bodies: RegisteredBody[] }>('/bodies')
      .then((res) => setRegistered(res.bodies))
      .catch(() => setRegistered([]));
  }, []);
  const known = registered.find((b) => b.bodyId === body.id);
  useEffect(() => {
    if (known && (known.name !== body.name || known.shortName !== body.shortName)) {
      setBody({ id: known.bodyId, name: known.name, shortName: known.shortName });
    }
  }, [known]);
  useEffect(() => {
    if (!known || !date || touched) return;
    let live = true;
    request<RosterAnswer>(`/bodies/${encodeURIComponent(known.bodyId)}/roster?date=${date}`)
      .then((roster) => {
        if (!live || roster.members.length === 0) return;
        setRows(roster.members.map((m) => ({ ...m })));
        const chair = roster.members.findIndex((m) => m.memberId === roster.chair);
        setChairIndex(Math.max(0, chair));
        setPrefilled(date);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [known, date, touched]);
  const setRow = (i: number, patch: Partial<MemberRow>) => {
    setTouched(true);
    setRows((rs) => rs.map((r, j) => (i === j ? { ...r, ...patch } : r)));
  };

  return (
    <form
      className="card"
      aria-labelledby="schedule-h"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const taken = new Set(rows.map((r) => r.memberId).filter(Boolean));
          const members = rows
            .filter((r) => r.name.trim())
            .map((r) => ({
              ...r,
              name: r.name.trim(),
              party: r.party.trim(),
              memberId: r.memberId || memberIdFor(body.id, r.name, taken),
            }));
          const chair = members[chairIndex]?.memberId ?? '';
          const meetingId = newId();
          const msg = await submit(
            '/meetings',
            {
              meetingId,
              body,
              date,
              startTime,
              place,
              chair,
              secretary: secretary.title ? secretary : { name: secretary.name },
              members,
            },
            `Sammanträde ${body.shortName} ${date}`,
          );
          knownMeetings.remember({ meetingId, label: `${body.name} ${date}` });
          window.location.hash = `#/prepare/${meetingId}`;
          return msg;
        });
      }}
    >
      <h2 id="schedule-h">Nytt sammanträde</h2>
      <div className="grid3">
        <Field label="Organets id" id="body-id" hint="Kort, utan mellanslag, t.ex. ks-au">
          <input
            id="body-id"
            list="registered-bodies"
            value={body.id}
            onChange={(e) => setBody({ ...body, id: e.target.value })}
            required
          />
        </Field>
        <Field label="Organets namn" id="body-name">
          <input
            id="body-name"
            value={body.name}
            onChange={(e) => setBody({ ...body, name: e.target.value })}
            required
          />
        </Field>
        <Field label="Förkortning" id="body-short">
          <input
            id="body-short"
            value={body.shortName}
            onChange={(e) => setBody({ ...body, shortName: e.target.value })}
            required
          />
        </Field>
        <Field label="Datum" id="date">
          <input id="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        </Field>
        <Field label="Klockan" id="start">
          <input
            id="start"
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
            required
          />
        </Field>
        <Field label="Plats" id="place">
          <input id="place" value={place} onChange={(e) => setPlace(e.target.value)} required />
        </Field>
        <Field label="Sekreterare" id="secretary">
          <input
            id="secretary"
            value={secretary.name}
            onChange={(e) => setSecretary({ ...secretary, name: e.target.value })}
            required
          />
        </Field>
        <Field label="Sekreterarens titel" id="secretary-title">
          <input
            id="secretary-title"
            value={secretary.title}
            onChange={(e) => setSecretary({ ...secretary, title: e.target.value })}
          />
        </Field>
      </div>
      <datalist id="registered-bodies">
        {registered.map((b) => (
          <option key={b.bodyId} value={b.bodyId}>
            {b.name}
          </option>
        ))}
      </datalist>
      <fieldset>
        <legend>Ledamöter och ersättare</legend>
        {prefilled && (
          <p className="hint" data-testid="roster-prefilled">
            Ledamöter och ersättare är hämtade ur organets förteckning för {prefilled}. Justera vid behov.
          </p>
        )}
        <table className="members">
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Parti</th>
              <th scope="col">Roll</th>
              <th scope="col">Ordförande</th>
              <th scope="col">
                <span className="sr-only">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`Namn, rad ${i + 1}`}
                    name="member-name"
                    value={r.name}
                    onChange={(e) => setRow(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Parti, rad ${i + 1}`}
                    name="member-party"
                    className="short"
                    value={r.party}
                    onChange={(e) => setRow(i, { party: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Roll, rad ${i + 1}`}
                    name="member-role"
                    value={r.role}
                    onChange={(e) => setRow(i, { role: e.target.value as MemberRow['role'] })}
                  >
                    <option value="ledamot">ledamot</option>
                    <option value="ersattare">ersättare</option>
                  </select>
                </td>
                <td>
                  <input
                    type="radio"
                    name="chair"
                    aria-label={`Ordförande, rad ${i + 1}`}
                    checked={chairIndex === i}
                    onChange={() => {
                      setTouched(true);
                      setChairIndex(i);
                    }}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-label={`Ta bort rad ${i + 1}`}
                    onClick={() => {
                      setTouched(true);
                      setRows((rs) => rs.filter((_, j) => j !== i));
                    }}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => {
            setTouched(true);
            setRows((rs) => [...rs, emptyRow()]);
          }}
        >
          Lägg till ledamot
        </button>
      </fieldset>
      <button type="submit" className="primary" disabled={action.busy}>
        Planera sammanträdet
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

export function MeetingsPage() {
  const [listed, setListed] = useState<{ meetingId: string; label: string }[] | null>(null);
  const [openId, setOpenId] = useState('');
  useEffect(() => {
    // The API may grow a list of meetings (projections); until then, this browser's own list.
    request<unknown>('/meetings')
      .then((res) => {
        const items = Array.isArray(res) ? res : (res as { items?: unknown[] }).items;
        if (Array.isArray(items)) {
          setListed(
            items.map((m) => {
              const x = m as { meetingId: string; body?: { name?: string }; date?: string };
              return { meetingId: x.meetingId, label: `${x.body?.name ?? ''} ${x.date ?? ''}`.trim() };
            }),
          );
        }
      })
      .catch(() => setListed(null));
  }, []);
  const meetings = listed ?? knownMeetings.all();
  return (
    <>
      <h1>Sammanträden</h1>
      <section className="card" aria-labelledby="list-h">
        <h2 id="list-h">{listed ? 'Alla sammanträden' : 'Sammanträden i den här webbläsaren'}</h2>
        {meetings.length === 0 ? (
          <p>Inga sammanträden ännu.</p>
        ) : (
          <ul className="meeting-list">
            {meetings.map((m) => (
              <li key={m.meetingId}>
                <span>{m.label}</span> <a href={`#/prepare/${m.meetingId}`}>Förbered</a>{' '}
                <a href={`#/live/${m.meetingId}`}>Sammanträdet</a>{' '}
                <a href={`#/after/${m.meetingId}`}>Efter mötet</a>
              </li>
            ))}
          </ul>
        )}
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            window.location.hash = `#/prepare/${openId.trim()}`;
          }}
        >
          <Field label="Öppna sammanträde med id" id="open-id">
            <input
              id="open-id"
              value={openId}
              onChange={(e) => setOpenId(e.target.value)}
              pattern="[0-9a-fA-F-]{36}"
              required
            />
          </Field>
          <button type="submit">Öppna</button>
        </form>
      </section>
      <ScheduleForm />
    </>
  );
}
