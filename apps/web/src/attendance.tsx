import { useEffect, useState } from 'react';
import type { MeetingView } from './api';
import { useAction } from './hooks';
import { ATTENDANCE_FIELDS } from './live/fields';
import { ActionStatus, lines, submit } from './ui';

/**
 * Närvaro: who is present and which ersättare serves for whom. Recorded again whenever it
 * changes during the meeting (an ersättare stepping in); the last record holds from its time.
 */
export function AttendanceEditor(props: { meeting: MeetingView }) {
  const { meeting } = props;
  const last = meeting.attendance.at(-1);
  const [present, setPresent] = useState<Set<string>>(new Set());
  const [serves, setServes] = useState<Record<string, string>>({});
  const [others, setOthers] = useState('');
  const action = useAction(ATTENDANCE_FIELDS);
  useEffect(() => {
    setPresent(
      new Set((last?.present ?? meeting.members.filter((m) => m.role === 'ledamot')).map((m) => m.memberId)),
    );
    setServes(
      Object.fromEntries(
        (last?.servingSubstitutes ?? []).map((s) => [s.substitute.memberId, s.forMember.memberId]),
      ),
    );
    setOthers((last?.others ?? []).map((o) => (o.title ? `${o.name}, ${o.title}` : o.name)).join('\n'));
    // Reset only when a new attendance record arrives, not on every refetch.
  }, [meeting.meetingId, meeting.attendance.length]);
  // Nothing is recorded until the clerk confirms; until then the form says so, plainly.
  const recordedPresent = new Set((last?.present ?? []).map((m) => m.memberId));
  const recordedServes = Object.fromEntries(
    (last?.servingSubstitutes ?? []).map((s) => [s.substitute.memberId, s.forMember.memberId]),
  );
  const dirty =
    !last ||
    present.size !== recordedPresent.size ||
    [...present].some((id) => !recordedPresent.has(id)) ||
    Object.entries(serves).some(([sub, forId]) => present.has(sub) && (recordedServes[sub] ?? '') !== forId);
  const absentLedamoter = meeting.members.filter((m) => m.role === 'ledamot' && !present.has(m.memberId));
  return (
    <form
      aria-labelledby="att-h"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => {
          const servingSubstitutes = Object.entries(serves)
            .filter(([sub, forId]) => forId && present.has(sub))
            .map(([substituteId, forMemberId]) => ({ substituteId, forMemberId }));
          return submit(
            `/meetings/${meeting.meetingId}/attendance`,
            {
              present: meeting.members.filter((m) => present.has(m.memberId)).map((m) => m.memberId),
              absent: meeting.members.filter((m) => !present.has(m.memberId)).map((m) => m.memberId),
              servingSubstitutes,
              others: lines(others).map((l) => {
                const [name, ...title] = l.split(',');
                return title.length
                  ? { name: name.trim(), title: title.join(',').trim() }
                  : { name: name.trim() };
              }),
            },
            'Närvaro',
          );
        });
      }}
    >
      <h3 id="att-h">Närvaro</h3>
      <p className={dirty ? 'unsaved' : 'meta'} data-testid="attendance-state">
        {!last
          ? 'Ej registrerad: kontrollera och tryck ”Registrera närvaro”.'
          : dirty
            ? 'Ändrad men inte sparad: tryck ”Registrera närvaro”.'
            : `Registrerad${last.effectiveFrom ? ` ${last.effectiveFrom.slice(11, 16)}` : ''}.`}
      </p>
      <table className="attendance">
        <thead>
          <tr>
            <th scope="col">Ledamot</th>
            <th scope="col">Roll</th>
            <th scope="col">Närvarande</th>
            <th scope="col">Tjänstgör för</th>
          </tr>
        </thead>
        <tbody>
          {meeting.members.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">
                {m.name} ({m.party})
              </th>
              <td>{m.role === 'ersattare' ? 'ersättare' : 'ledamot'}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${m.name} närvarande`}
                  checked={present.has(m.memberId)}
                  onChange={(e) => {
                    const next = new Set(present);
                    if (e.target.checked) next.add(m.memberId);
                    else next.delete(m.memberId);
                    setPresent(next);
                  }}
                />
              </td>
              <td>
                {m.role === 'ersattare' && present.has(m.memberId) && (
                  <select
                    aria-label={`${m.name} tjänstgör för`}
                    value={serves[m.memberId] ?? ''}
                    onChange={(e) => setServes({ ...serves, [m.memberId]: e.target.value })}
                  >
                    <option value="">— tjänstgör inte —</option>
                    {absentLedamoter.map((l) => (
                      <option key={l.memberId} value={l.memberId}>
                        {l.name} ({l.party})
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label htmlFor="att-others">Övriga närvarande (namn, titel – en per rad)</label>
      <textarea id="att-others" rows={2} value={others} onChange={(e) => setOthers(e.target.value)} />
      <button type="submit" disabled={action.busy}>
        Registrera närvaro
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}
