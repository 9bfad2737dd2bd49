import { useCallback, useEffect, useState } from 'react';
import {
  ApiError,
  getMeeting,
  getParagraph,
  memberLabel,
  request,
  type MeetingWithParagraphs,
  type MemberRef,
  type ParagraphView,
} from '../api';
import { may, useMe } from '../me';
import { DocumentView, getDocumentHtml, PdfButton } from '../document';
import { useAction, useLive } from '../hooks';
import { ActionStatus, Field, submit } from '../ui';

/**
 * After the meeting: the whole protocol for justering, the worklist (not justified, not sent)
 * and the decision register. Worklist and register are computed here from the paragraphs
 * until the projections' query endpoints exist.
 */
export function AfterPage(props: { meetingId: string }) {
  const [data, setData] = useState<MeetingWithParagraphs | null>(null);
  const [views, setViews] = useState<ParagraphView[]>([]);
  const [protocol, setProtocol] = useState('');
  const load = useCallback(() => {
    getMeeting(props.meetingId)
      .then(async (d) => {
        setData(d);
        setViews(
          (await Promise.all(d.paragraphs.map((p) => getParagraph(p.paragraphId).catch(() => null))))
            .filter((x) => x !== null)
            .map((x) => x.paragraph),
        );
      })
      .catch(() => undefined);
    getDocumentHtml(`/meetings/${props.meetingId}/protocol`)
      .then(setProtocol)
      .catch(() => undefined);
  }, [props.meetingId]);
  useEffect(load, [load]);
  useLive(props.meetingId, load);
  const [announce, setAnnounce] = useState({ on: '', keptAt: '' });
  const ann = useAction();
  if (!data) return <p role="status">Hämtar …</p>;
  const m = data.meeting;
  // A paragraph is justerad on its own (omedelbar justering) or with the whole protocol.
  const isJustified = (p: ParagraphView) => p.status === 'justified' || m.justified !== null;
  const work = views.flatMap((p) => {
    const out: string[] = [];
    if (!isJustified(p)) out.push('ej justerad');
    const sent = new Set(p.dispatches.map((x) => x.recipient));
    const unsent = p.recipients.filter((r) => !sent.has(r));
    if (unsent.length) out.push(`ej expedierad till ${unsent.join(', ')}`);
    return out.length ? [{ p, out, unsent }] : [];
  });
  return (
    <>
      <h1>
        Efter sammanträdet – {m.body.name} {m.date}
      </h1>
      <div className="two-col">
        <section className="card" aria-labelledby="work-h">
          <h2 id="work-h">Arbetslista</h2>
          {work.length === 0 ? (
            <p>Allt är justerat och expedierat.</p>
          ) : (
            <ul data-testid="worklist">
              {work.map(({ p, out, unsent }) => (
                <li key={p.paragraphId}>
                  §{p.number} {p.title}: {out.join('; ')}
                  {isJustified(p) &&
                    unsent.map((r) => <DispatchButton key={r} paragraphId={p.paragraphId} recipient={r} />)}
                </li>
              ))}
            </ul>
          )}
          <h2>Justering av protokollet</h2>
          {m.justified ? (
            <p>
              Justerat {new Date(m.justified.at).toLocaleString('sv-SE')} av{' '}
              {m.justified.by.map((x) => x.name).join(', ')}.
            </p>
          ) : (
            <JusteringSignatures meetingId={m.meetingId} onChange={load} />
          )}
          {m.justified && !m.announced && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void ann.run(() =>
                  submit(
                    `/meetings/${m.meetingId}/announce`,
                    { announcedOn: announce.on, protocolKeptAt: announce.keptAt },
                    'Anslag',
                  ),
                );
              }}
            >
              <Field label="Anslaget den" id="ann-on">
                <input
                  id="ann-on"
                  type="date"
                  value={announce.on}
                  onChange={(e) => setAnnounce({ ...announce, on: e.target.value })}
                  required
                />
              </Field>
              <Field label="Protokollet förvaras" id="ann-kept">
                <input
                  id="ann-kept"
                  value={announce.keptAt}
                  onChange={(e) => setAnnounce({ ...announce, keptAt: e.target.value })}
                  required
                />
              </Field>
              <button type="submit">Anslå</button>
              <ActionStatus error={ann.error} notice={ann.notice} />
            </form>
          )}
          {m.announced && (
            <p>
              Anslaget {m.announced.announcedOn}; överklagandetiden går ut {m.announced.appealEndsOn}.
            </p>
          )}
        </section>
        <section className="card" aria-labelledby="reg-h">
          <h2 id="reg-h">Beslutsregister</h2>
          <table className="register" data-testid="register">
            <thead>
              <tr>
                <th scope="col">§</th>
                <th scope="col">Dnr</th>
                <th scope="col">Ärende</th>
                <th scope="col">Beslut</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {views.map((p) => {
                const d = p.decisions.filter((x) => !x.struck).at(-1);
                return (
                  <tr key={p.paragraphId}>
                    <td>{p.number}</td>
                    <td>{p.caseNumber}</td>
                    <td>{p.title}</td>
                    <td>{d ? d.kind : '—'}</td>
                    <td>{isJustified(p) ? 'justerad' : p.status === 'decided' ? 'beslutad' : 'öppen'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      </div>
      <section className="card" aria-labelledby="par-h">
        <h2 id="par-h">Paragraferna</h2>
        {views.map((p) => (
          <ParagraphAfter
            key={p.paragraphId}
            paragraph={p}
            justified={isJustified(p)}
            secretary={m.secretary}
          />
        ))}
      </section>
      <section className="card" aria-labelledby="proto-h">
        <h2 id="proto-h">Protokollet</h2>
        <p className="document-actions">
          <PdfButton path={`/meetings/${m.meetingId}/protocol`} label="Ladda ner protokollet (PDF)" />{' '}
          <PdfButton
            path={`/meetings/${m.meetingId}/voting-appendix`}
            label="Ladda ner omröstningsbilagan (PDF)"
          />
        </p>
        <DocumentView html={protocol} testId="protocol" printable />
      </section>
    </>
  );
}

function DispatchButton(props: { paragraphId: string; recipient: string }) {
  const action = useAction();
  return (
    <>
      {' '}
      <button
        type="button"
        onClick={() =>
          void action.run(() =>
            submit(
              `/paragraphs/${props.paragraphId}/dispatch`,
              { recipient: props.recipient },
              `Expedierat till ${props.recipient}`,
            ),
          )
        }
      >
        Expediera till {props.recipient}
      </button>
      <ActionStatus error={action.error} />
    </>
  );
}

const CORRECTABLE: readonly [string, string][] = [
  ['title', 'Rubrik'],
  ['caseNumber', 'Diarienummer'],
  ['summary', 'Sammanfattning'],
  ['basisDocuments', 'Beslutsunderlag'],
  ['proposal', 'Förslag till beslut'],
  ['decision', 'Beslut'],
];

/**
 * What is left to do on one paragraph after the meeting: written reasons for a reservation
 * (until justering); after justering only rättelse, utdragsbestyrkande and expediering.
 */
function ParagraphAfter(props: {
  paragraph: ParagraphView;
  justified: boolean;
  secretary: { name: string; title?: string };
}) {
  const p = props.paragraph;
  const pending = p.reservations.filter((r) => !r.struck && r.writtenReasons === null);
  return (
    <div className="paragraph-after" data-testid={`after-${p.number}`}>
      <h3>
        §{p.number} {p.title}
      </h3>
      {!props.justified &&
        pending.map((r) => <ReasonsForm key={r.reservationId} paragraphId={p.paragraphId} reservation={r} />)}
      {props.justified && (
        <>
          <CertifyButton paragraph={p} secretary={props.secretary} />
          <CorrectionForm paragraphId={p.paragraphId} secretary={props.secretary} />
          {p.corrections.length > 0 && (
            <ul>
              {p.corrections.map((c) => (
                <li key={c.correctionId}>
                  Rättelse ({CORRECTABLE.find(([f]) => f === c.field)?.[1] ?? c.field}): ”{c.from}” → ”{c.to}”
                  – {c.why}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <ForwardButton paragraph={p} />
      {!props.justified && pending.length === 0 && <p>Inget att göra före justeringen.</p>}
    </div>
  );
}

/** A beslut that is a förslag to another body is sent on to its incoming matters (docs/adr/0037). */
function ForwardButton(props: { paragraph: ParagraphView }) {
  const action = useAction();
  const decision = props.paragraph.decisions.filter((d) => !d.struck).at(-1);
  const to = decision?.kind === 'sakbeslut' ? decision.content?.proposesTo?.body : undefined;
  if (!to) return null;
  return (
    <div>
      <button
        type="button"
        onClick={() =>
          void action.run(() =>
            submit(
              `/paragraphs/${props.paragraph.paragraphId}/forward`,
              {},
              `Förslaget skickat vidare till ${to}`,
            ),
          )
        }
      >
        Skicka förslaget vidare till {to}
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </div>
  );
}

function ReasonsForm(props: { paragraphId: string; reservation: ParagraphView['reservations'][number] }) {
  const [reasons, setReasons] = useState('');
  const action = useAction();
  const id = `reasons-${props.reservation.reservationId}`;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() =>
          submit(
            `/paragraphs/${props.paragraphId}/reservations/${props.reservation.reservationId}/reasons`,
            { reasons },
            'Skriftlig motivering',
          ),
        );
      }}
    >
      <Field
        label={`Skriftlig motivering till reservationen av ${memberLabel(props.reservation.member)}`}
        id={id}
      >
        <textarea id={id} value={reasons} onChange={(e) => setReasons(e.target.value)} required rows={3} />
      </Field>
      <button type="submit">Lämna motiveringen</button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

function CertifyButton(props: { paragraph: ParagraphView; secretary: { name: string; title?: string } }) {
  const action = useAction();
  const last = props.paragraph.certifications.at(-1);
  return (
    <p>
      {last && `Utdraget bestyrkt ${new Date(last.at).toLocaleString('sv-SE')} av ${last.by.name}. `}
      <button
        type="button"
        onClick={() =>
          void action.run(() =>
            submit(
              `/paragraphs/${props.paragraph.paragraphId}/certify`,
              { by: props.secretary },
              'Utdragsbestyrkande',
            ),
          )
        }
      >
        Bestyrk utdraget
      </button>
      <ActionStatus error={action.error} notice={action.notice} />
    </p>
  );
}

/** Rättelse of an obvious error (skrivfel, räknefel): what, from, to and why; nothing else changes. */
function CorrectionForm(props: { paragraphId: string; secretary: { name: string; title?: string } }) {
  const [c, setC] = useState({ field: 'title', from: '', to: '', why: '' });
  const action = useAction();
  const id = (x: string) => `corr-${x}-${props.paragraphId}`;
  return (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() =>
          submit(`/paragraphs/${props.paragraphId}/corrections`, { ...c, by: props.secretary }, 'Rättelse'),
        );
      }}
    >
      <Field label="Rätta" id={id('field')}>
        <select id={id('field')} value={c.field} onChange={(e) => setC({ ...c, field: e.target.value })}>
          {CORRECTABLE.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Från (felaktig text)" id={id('from')}>
        <input
          id={id('from')}
          value={c.from}
          onChange={(e) => setC({ ...c, from: e.target.value })}
          required
        />
      </Field>
      <Field label="Till" id={id('to')}>
        <input id={id('to')} value={c.to} onChange={(e) => setC({ ...c, to: e.target.value })} required />
      </Field>
      <Field label="Skäl (uppenbart fel)" id={id('why')}>
        <input id={id('why')} value={c.why} onChange={(e) => setC({ ...c, why: e.target.value })} required />
      </Field>
      <button type="submit">Registrera rättelse</button>
      <ActionStatus error={action.error} notice={action.notice} />
    </form>
  );
}

interface JusteringStatus {
  requested: boolean;
  complete: boolean;
  required: MemberRef[];
  signatures: { member: MemberRef; at: string }[];
  missing: MemberRef[];
}

/**
 * Justering signed by the people (docs/adr/0026): the clerk sends the protocol; the chair and
 * each justerare, signed in as themselves, sign the protocol text the server serves them now.
 */
function JusteringSignatures(props: { meetingId: string; onChange: () => void }) {
  const me = useMe();
  const [status, setStatus] = useState<JusteringStatus | null>(null);
  const action = useAction();
  const path = `/meetings/${props.meetingId}/justering`;
  const reload = useCallback(() => {
    request<JusteringStatus>(path)
      .then(setStatus)
      .catch(() => undefined);
  }, [path]);
  useEffect(reload, [reload]);
  useLive(props.meetingId, reload);
  if (!status) return <p role="status">Hämtar justeringen …</p>;
  const mine = me?.memberId ? status.missing.find((x) => x.memberId === me.memberId) : undefined;
  return (
    <div data-testid="justering">
      {!status.requested ? (
        may(me, 'record') ? (
          <button
            type="button"
            onClick={() =>
              void action.run(async () => {
                await request(path, { method: 'POST' });
                reload();
                return 'Protokollet är skickat för justering.';
              })
            }
          >
            Skicka protokollet för justering
          </button>
        ) : (
          <p>Protokollet är inte skickat för justering än.</p>
        )
      ) : (
        <ul>
          {status.required.map((r) => {
            const signed = status.signatures.find((x) => x.member.memberId === r.memberId);
            return (
              <li key={r.memberId}>
                {memberLabel(r)}:{' '}
                {signed ? `underskrivet ${new Date(signed.at).toLocaleString('sv-SE')}` : 'väntar'}
              </li>
            );
          })}
        </ul>
      )}
      {mine && (
        <button
          type="button"
          className="primary"
          onClick={() =>
            void action.run(async () => {
              // Sign exactly the text the server serves now: its hash is in the answer's header.
              const res = await fetch(`/meetings/${props.meetingId}/protocol`, {
                headers: { accept: 'text/plain' },
                cache: 'no-store',
              });
              const documentSha256 = res.headers.get('paragraf-document-sha256');
              if (!res.ok || !documentSha256) throw new ApiError({ status: res.status });
              const after = await request<JusteringStatus>(`${path}/signatures`, {
                method: 'POST',
                body: { documentSha256 },
              });
              setStatus(after);
              props.onChange();
              return after.complete ? 'Protokollet är justerat.' : 'Din underskrift är registrerad.';
            })
          }
        >
          Skriv under justeringen som {mine.name}
        </button>
      )}
      <ActionStatus error={action.error} notice={action.notice} />
    </div>
  );
}
