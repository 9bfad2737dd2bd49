import { useCallback, useEffect, useState } from 'react';
import { getMeeting, newId, type MeetingWithParagraphs, type ParagraphSummary } from '../api';
import { AttendanceEditor } from '../attendance';
import { AgendaList } from './AgendaList';
import { useAction, useLive } from '../hooks';
import { ProtocolAttachments } from '../steps/Attachments';
import { emptyMatter, MatterFields, matterBody } from '../steps/MatterFields';
import type { AttachmentView } from '../steps/types';
import { ActionStatus, Field, knownMeetings, lines, paragraphs, submit } from '../ui';

function ParagraphForm(props: { meetingId: string; bodyName: string }) {
  const empty = {
    number: '',
    caseNumber: '',
    title: '',
    summary: '',
    basis: '',
    proposer: 'kommunstyrelsekontoret',
    document: 'tjänsteutlåtande',
    toBody: '',
    items: '',
    own: '',
  };
  const [f, setF] = useState(empty);
  const [matter, setMatter] = useState(emptyMatter());
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const action = useAction();
  return (
    <form
      className="card"
      aria-labelledby="par-h"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const decision = {
            ...(f.toBody.trim() ? { proposesTo: { body: f.toBody.trim(), items: lines(f.items) } } : {}),
            ...(lines(f.own).length ? { ownDecisions: lines(f.own) } : {}),
          };
          const matterPart = matterBody(matter);
          const msg = await submit(
            `/meetings/${props.meetingId}/paragraphs`,
            {
              paragraphId: newId(),
              ...(f.number ? { number: Number(f.number) } : {}),
              // Formalia (val av justerare, dagordningen, anmälningar) have no Dnr.
              ...(f.caseNumber.trim() ? { caseNumber: f.caseNumber.trim() } : {}),
              title: f.title.trim(),
              summary: paragraphs(f.summary),
              basisDocuments: lines(f.basis),
              proposal: {
                proposer: f.proposer.trim(),
                ...(f.document.trim() ? { document: f.document.trim() } : {}),
                decision,
              },
              ...matterPart,
            },
            `Ärende ${f.number ? `§${f.number} ` : ''}${f.title}`,
          );
          setF(empty);
          setMatter(emptyMatter());
          return msg;
        });
      }}
    >
      <h2 id="par-h">Förbered ärende</h2>
      <div className="grid3">
        <Field label="§ (tomt: nästa lediga)" id="p-number">
          <input
            id="p-number"
            inputMode="numeric"
            pattern="[0-9]*"
            value={f.number}
            onChange={set('number')}
          />
        </Field>
        <Field label="Dnr" id="p-dnr" hint="Tomt för formalia, t.ex. val av justerare.">
          <input id="p-dnr" value={f.caseNumber} onChange={set('caseNumber')} />
        </Field>
        <Field label="Rubrik" id="p-title">
          <input id="p-title" value={f.title} onChange={set('title')} required />
        </Field>
      </div>
      <Field label="Sammanfattning av ärendet" id="p-summary" hint="Stycken skiljs med en tom rad.">
        <textarea id="p-summary" rows={6} value={f.summary} onChange={set('summary')} />
      </Field>
      <Field label="Beslutsunderlag" id="p-basis" hint="En handling per rad.">
        <textarea id="p-basis" rows={3} value={f.basis} onChange={set('basis')} />
      </Field>
      <MatterFields value={matter} onChange={setMatter} />
      <fieldset>
        <legend>Förslag till beslut</legend>
        <div className="grid3">
          <Field label="Förslagsställare (grundform)" id="p-proposer" hint="t.ex. kommunstyrelsekontoret">
            <input id="p-proposer" value={f.proposer} onChange={set('proposer')} required />
          </Field>
          <Field label="Handling" id="p-document" hint="t.ex. tjänsteutlåtande">
            <input id="p-document" value={f.document} onChange={set('document')} />
          </Field>
          <Field
            label="Föreslår till organ"
            id="p-tobody"
            hint={`t.ex. Kommunstyrelsen (från ${props.bodyName})`}
          >
            <input id="p-tobody" value={f.toBody} onChange={set('toBody')} />
          </Field>
        </div>
        <Field label="Beslutspunkter till organet" id="p-items" hint="En punkt per rad.">
          <textarea id="p-items" rows={3} value={f.items} onChange={set('items')} />
        </Field>
        <Field label="Beslut för egen del" id="p-own" hint="En punkt per rad.">
          <textarea id="p-own" rows={2} value={f.own} onChange={set('own')} />
        </Field>
      </fieldset>
      <button type="submit" className="primary" disabled={action.busy}>
        Lägg till ärendet
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

function AdjustersForm(props: { data: MeetingWithParagraphs }) {
  const m = props.data.meeting;
  const [chosen, setChosen] = useState<string[]>([]);
  const [at, setAt] = useState('');
  const [place, setPlace] = useState('');
  const action = useAction();
  return (
    <form
      aria-labelledby="adj-h"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() =>
          submit(
            `/meetings/${m.meetingId}/adjusters`,
            { adjusters: chosen, justeringAt: new Date(at).toISOString(), justeringPlace: place },
            'Justerare',
          ),
        );
      }}
    >
      <h3 id="adj-h">Justerare</h3>
      <p>Nu: {m.adjusters.map((a) => a.name).join(', ') || 'inga utsedda'}</p>
      <fieldset className="checks">
        <legend>Välj justerare</legend>
        {m.members.map((x) => (
          <label key={x.memberId}>
            <input
              type="checkbox"
              checked={chosen.includes(x.memberId)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, x.memberId] : chosen.filter((c) => c !== x.memberId))
              }
            />{' '}
            {x.name} ({x.party})
          </label>
        ))}
      </fieldset>
      <div className="grid3">
        <Field label="Justering, tid" id="adj-at">
          <input
            id="adj-at"
            type="datetime-local"
            value={at}
            onChange={(e) => setAt(e.target.value)}
            required
          />
        </Field>
        <Field label="Justering, plats" id="adj-place">
          <input id="adj-place" value={place} onChange={(e) => setPlace(e.target.value)} required />
        </Field>
      </div>
      <button type="submit" disabled={action.busy}>
        Utse justerare
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

/**
 * Sekretess (docs/adr/0030): the clerk marks a paragraph whose content is covered by
 * offentlighets- och sekretesslagen; the public then sees its heading and beslut only.
 */
function ConfidentialControl(props: { paragraph: ParagraphSummary }) {
  const p = props.paragraph;
  const [editing, setEditing] = useState(false);
  const [provision, setProvision] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const id = `conf-${p.paragraphId}`;
  if (p.confidential) {
    return (
      <span className="confidential">
        {' '}
        <strong>Sekretess</strong> enligt {p.confidential} OSL{' '}
        <button
          type="button"
          disabled={action.busy}
          onClick={() => {
            const why = window.prompt('Varför hävs sekretessmarkeringen?');
            if (why?.trim()) {
              void action.run(() =>
                submit(
                  `/paragraphs/${p.paragraphId}/confidential/lift`,
                  { reason: why.trim() },
                  `Sekretess hävd för §${p.number}`,
                ),
              );
            }
          }}
        >
          Häv sekretess
        </button>
        <ActionStatus error={action.error} notice={action.notice} />
      </span>
    );
  }
  if (!editing) {
    return (
      <>
        {' '}
        <button type="button" onClick={() => setEditing(true)} disabled={!p.title}>
          Markera sekretess
        </button>
        <ActionStatus error={action.error} notice={action.notice} />
      </>
    );
  }
  return (
    <form
      className="inline"
      aria-label={`Sekretess för §${p.number}`}
      onSubmit={(e) => {
        e.preventDefault();
        void action
          .run(() =>
            submit(
              `/paragraphs/${p.paragraphId}/confidential`,
              { provision: provision.trim(), ...(reason.trim() ? { reason: reason.trim() } : {}) },
              `Sekretess för §${p.number}`,
            ),
          )
          .then((ok) => ok && setEditing(false));
      }}
    >
      <Field label="Bestämmelse i offentlighets- och sekretesslagen (kap. och §)" id={`${id}-prov`}>
        <input
          id={`${id}-prov`}
          value={provision}
          placeholder="26 kap. 1 §"
          onChange={(e) => setProvision(e.target.value)}
          required
        />
      </Field>
      <Field label="Skäl (visas inte för allmänheten)" id={`${id}-reason`}>
        <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <button type="submit" disabled={action.busy}>
        Markera
      </button>{' '}
      <button type="button" onClick={() => setEditing(false)}>
        Avbryt
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

export function PreparePage(props: { meetingId: string }) {
  const [data, setData] = useState<MeetingWithParagraphs | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(() => {
    getMeeting(props.meetingId)
      .then((d) => {
        setData(d);
        setLoadError(null);
        knownMeetings.remember({
          meetingId: d.meeting.meetingId,
          label: `${d.meeting.body.name} ${d.meeting.date}`,
        });
      })
      .catch((err: Error) => setLoadError(err.message));
  }, [props.meetingId]);
  useEffect(load, [load]);
  useLive(props.meetingId, load);
  const open = useAction();
  if (!data) return <p role="status">{loadError ?? 'Hämtar sammanträdet …'}</p>;
  const m = data.meeting;
  return (
    <>
      <h1>
        {m.body.name} {m.date} kl. {m.startTime}
      </h1>
      <p>
        {m.place} · ordförande {m.chair?.name ?? '—'} · sekreterare {m.secretary.name} ·{' '}
        <span data-testid="meeting-state">
          {m.closedAt ? 'avslutat' : m.openedAt ? 'pågår' : 'ej öppnat'}
        </span>
      </p>
      <div className="two-col">
        <section className="card" aria-labelledby="agenda-h">
          <h2 id="agenda-h">Föredragningslista</h2>
          {data.paragraphs.length === 0 ? (
            <p>Inga ärenden ännu.</p>
          ) : (
            <AgendaList
              meetingId={m.meetingId}
              paragraphs={data.paragraphs}
              extra={(p) => <ConfidentialControl paragraph={p} />}
            />
          )}
          {!m.openedAt && (
            <button
              type="button"
              className="primary"
              onClick={() =>
                void open.run(() => submit(`/meetings/${m.meetingId}/open`, {}, 'Sammanträdet öppnat'))
              }
            >
              Öppna sammanträdet
            </button>
          )}
          {m.openedAt && (
            <a className="button primary" href={`#/live/${m.meetingId}`}>
              Till sammanträdet
            </a>
          )}
          <ActionStatus error={open.error} notice={open.notice} />
        </section>
        <section className="card">
          <AttendanceEditor meeting={m} />
          <AdjustersForm data={data} />
        </section>
      </div>
      <ParagraphForm meetingId={m.meetingId} bodyName={m.body.name} />
      <div className="card">
        <ProtocolAttachments
          meetingId={m.meetingId}
          attachments={(m as { attachments?: AttachmentView[] }).attachments ?? []}
        />
      </div>
    </>
  );
}
