import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  getMeeting,
  getParagraph,
  memberLabel,
  newId,
  serving,
  session,
  type MeetingWithParagraphs,
  type MemberRef,
  type ParagraphView,
  type ProposalRef,
} from '../api';
import { AttendanceEditor } from '../attendance';
import { DocumentView, getDocumentHtml, PdfButton } from '../document';
import { useAction, useLive, useOutbox } from '../hooks';
import { ActorPicker, actorBody, actorProblem, emptyActor, type Actor } from '../steps/ActorPicker';
import { AttachmentsStep } from '../steps/Attachments';
import {
  emptyMotionExtras,
  MotionExtrasFields,
  motionExtrasBody,
  type MotionExtras,
} from '../steps/MotionExtras';
import { NonParticipationStep } from '../steps/NonParticipation';
import { SpeakersStep } from '../steps/Speakers';
import { Step, Strike } from '../steps/Step';
import { groupLabel, takingPart, type ParagraphViewWithSteps } from '../steps/types';
import { ActionStatus, Field, lines, MemberSelect, paragraphs, submit } from '../ui';

/** Alt + key focuses a step's first field; documented on screen. */
const SHORTCUTS: [string, string, string][] = [
  ['t', 't-member', 'Talarlista'],
  ['y', 'y-member', 'Yrkande'],
  ['i', 'support-member', 'Instämmer'],
  ['p', 'q-finding', 'Proposition'],
  ['v', 'v-requested', 'Votering'],
  ['b', 'd-kind', 'Beslut'],
  ['r', 'r-member', 'Reservation'],
  ['a', 'n-member', 'Protokollsanteckning'],
  ['j', 'j-member', 'Jäv'],
  ['u', 'np-member', 'Deltar inte i beslutet'],
  ['s', 's-recipients', 'Beslutet skickas till'],
  ['l', 'g-file', 'Bilagor'],
  ['n', 'att-summary', 'Närvaro'],
];

const KIND_SV: Record<string, string> = {
  bifall: 'bifall',
  avslag: 'avslag',
  andring: 'ändring',
  tillagg: 'tillägg',
  aterremiss: 'återremiss',
  bordlaggning: 'bordläggning',
  fritt: 'fritt yrkande',
};

function refLabel(ref: ProposalRef | 'rejected', p: ParagraphView): string {
  if (ref === 'rejected') return 'avslag';
  if (ref.kind === 'proposal') return `${p.proposal.proposer}s förslag`;
  const m = p.motions.find((x) => x.motionId === ref.motionId);
  return m ? `${memberLabel(m.proposer)} yrkande` : 'yrkande';
}
const refValue = (r: ProposalRef) => (r.kind === 'proposal' ? 'proposal' : `motion:${r.motionId}`);
const parseRef = (v: string): ProposalRef =>
  v.startsWith('motion:') ? { kind: 'motion', motionId: v.slice(7) } : { kind: 'proposal' };

function VoteGrid(props: {
  voters: MemberRef[];
  chairId: string | undefined;
  votes: Record<string, 'ja' | 'nej' | 'avstar'>;
  setVote: (id: string, v: 'ja' | 'nej' | 'avstar') => void;
}) {
  const tally = { ja: 0, nej: 0, avstar: 0 };
  for (const v of Object.values(props.votes)) tally[v]++;
  return (
    <>
      <table className="vote-grid" data-testid="vote-grid">
        <caption className="sr-only">Upprop: ja, nej eller avstår för varje tjänstgörande ledamot</caption>
        <thead>
          <tr>
            <th scope="col">Ledamot</th>
            <th scope="col">Ja</th>
            <th scope="col">Nej</th>
            <th scope="col">Avstår</th>
          </tr>
        </thead>
        <tbody>
          {props.voters.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">
                {memberLabel(m)}
                {m.memberId === props.chairId ? ' – ordförande' : ''}
              </th>
              {(['ja', 'nej', 'avstar'] as const).map((v) => (
                <td key={v}>
                  <input
                    type="radio"
                    name={`vote-${m.memberId}`}
                    aria-label={`${m.name} ${v === 'avstar' ? 'avstår' : v}`}
                    checked={props.votes[m.memberId] === v}
                    onChange={() => props.setVote(m.memberId, v)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="tally" aria-live="polite" data-testid="tally">
        Ja {tally.ja} · Nej {tally.nej} · Avstår {tally.avstar} · Ej röstat{' '}
        {props.voters.length - Object.keys(props.votes).length}
      </p>
    </>
  );
}

function ParagraphSteps(props: { data: MeetingWithParagraphs; p: ParagraphView }) {
  const { data, p } = props;
  const meeting = data.meeting;
  const pid = p.paragraphId;
  const base = `/paragraphs/${pid}`;
  const voters = useMemo(() => {
    const list = takingPart(serving(meeting, p), p as ParagraphViewWithSteps);
    // The chair votes last in an upprop.
    return [
      ...list.filter((m) => m.memberId !== meeting.chair?.memberId),
      ...list.filter((m) => m.memberId === meeting.chair?.memberId),
    ];
  }, [meeting, p]);
  const present = meeting.attendance.at(-1)?.present ?? meeting.members;
  const { pending } = useOutbox();
  // Yrkanden still in the queue can be referred to already: their ids are ours.
  const queuedMotions = pending
    .filter((e) => e.path === `${base}/motions`)
    .map((e) => {
      const b = e.body as { motionId: string; proposerId: string };
      const who = meeting.members.find((m) => m.memberId === b.proposerId);
      return { motionId: b.motionId, label: `${who ? memberLabel(who) : b.proposerId} yrkande (i kö)` };
    });
  const liveMotions = [
    ...p.motions
      .filter((m) => !m.struck && !m.withdrawn)
      .map((m) => ({ motionId: m.motionId, label: `${memberLabel(m.proposer)} yrkande` })),
    ...queuedMotions,
  ];
  const liveQuestions = p.proceedings.filter((x) => x.kind === 'question' && !x.struck) as Extract<
    ParagraphView['proceedings'][number],
    { kind: 'question' }
  >[];
  const liveDecisions = p.decisions.filter((d) => !d.struck);

  const [y, setY] = useState({ member: '', kind: 'fritt', text: '' });
  const [yx, setYx] = useState<MotionExtras>(emptyMotionExtras());
  const [sup, setSup] = useState({ motion: '', member: '' });
  const [q, setQ] = useState<{ puts: string[]; finding: string }>({
    puts: ['proposal'],
    finding: 'proposal',
  });
  const [v, setV] = useState({
    requested: '',
    namesInAppendix: false,
    question: '',
    ja: 'proposal',
    nej: '',
    kind: 'huvudvotering',
    casting: '',
  });
  const [votes, setVotes] = useState<Record<string, 'ja' | 'nej' | 'avstar'>>({});
  const [voteProgress, setVoteProgress] = useState<{ voteId: string; done: number } | null>(null);
  const [d, setD] = useState({
    kind: 'sakbeslut',
    toBody: '',
    items: '',
    own: '',
    motivation: '',
    verbatim: false,
    text: '',
  });
  const [r, setR] = useState({ decision: '', reasons: '' });
  const [rActor, setRActor] = useState<Actor>(emptyActor());
  const [n, setN] = useState({ text: '' });
  const [nActor, setNActor] = useState<Actor>(emptyActor());
  const [j, setJ] = useState({ member: '', reason: '' });
  const [recipients, setRecipients] = useState('');
  const [just, setJust] = useState<{ by: string[]; immediate: boolean; token: string }>({
    by: [],
    immediate: true,
    token: '',
  });

  // A new paragraph starts from its own proposal; the justering defaults to chair + justerare.
  useEffect(() => {
    const to = p.proposal.decision.proposesTo;
    setD({
      kind: 'sakbeslut',
      toBody: to?.body ?? '',
      items: (to?.items ?? []).join('\n'),
      own: (p.proposal.decision.ownDecisions ?? []).join('\n'),
      motivation: '',
      verbatim: false,
      text: '',
    });
    setRecipients(p.recipients.join('\n'));
    setJust({
      by: [meeting.chair?.memberId, ...meeting.adjusters.map((a) => a.memberId)].filter(
        (x): x is string => !!x,
      ),
      immediate: true,
      token: '',
    });
    setVotes({});
    setVoteProgress(null);
  }, [pid]);

  const tie = (() => {
    const t = Object.values(votes);
    return t.filter((x) => x === 'ja').length === t.filter((x) => x === 'nej').length && t.length > 0;
  })();
  const questionForVote = v.question || liveQuestions.at(-1)?.questionId || '';
  const chairVote = meeting.chair ? votes[meeting.chair.memberId] : undefined;
  // The utslagsröst is the chair's own vote when the chair voted (KL 5:57).
  const casting = v.casting || (chairVote === 'ja' || chairVote === 'nej' ? chairVote : '');

  return (
    <div className="steps">
      <SpeakersStep p={p as ParagraphViewWithSteps} present={present} />

      <Step
        testId="step-motion"
        title="Yrkande"
        shortcut="y"
        button="Registrera yrkande"
        onSubmit={async () => {
          const msg = await submit(
            `${base}/motions`,
            {
              motionId: newId(),
              proposerId: y.member,
              kind: y.kind,
              ...(y.text.trim() ? { text: y.text.trim() } : {}),
              ...motionExtrasBody(yx, y.kind, y.member),
            },
            yx.coProposerIds.length ? 'Gemensamt yrkande' : 'Yrkande',
          );
          setY({ ...y, text: '' });
          setYx(emptyMotionExtras());
          return msg;
        }}
      >
        <div className="grid2">
          <Field label="Ledamot" id="y-member">
            <MemberSelect
              id="y-member"
              value={y.member}
              onChange={(member) => setY({ ...y, member })}
              members={voters}
            />
          </Field>
          <Field label="Slag" id="y-kind">
            <select id="y-kind" value={y.kind} onChange={(e) => setY({ ...y, kind: e.target.value })}>
              {Object.entries(KIND_SV).map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Yrkandets text" id="y-text">
          <textarea
            id="y-text"
            rows={3}
            value={y.text}
            onChange={(e) => setY({ ...y, text: e.target.value })}
          />
        </Field>
        <MotionExtrasFields
          p={p as ParagraphViewWithSteps}
          kind={y.kind}
          proposerId={y.member}
          value={yx}
          onChange={setYx}
          members={voters}
          motions={liveMotions}
        />
      </Step>

      <Step
        testId="step-support"
        title="Instämmer"
        shortcut="i"
        button="Registrera instämmande"
        onSubmit={() =>
          sup.motion === 'proposal'
            ? submit(`${base}/proposal/support`, { memberId: sup.member }, 'Instämmande i förslaget')
            : submit(
                `${base}/motions/${sup.motion || liveMotions.at(-1)?.motionId}/support`,
                { memberId: sup.member },
                'Instämmande',
              )
        }
      >
        <div className="grid2">
          <Field label="Ledamot som instämmer" id="support-member">
            <MemberSelect
              id="support-member"
              value={sup.member}
              onChange={(member) => setSup({ ...sup, member })}
              members={voters}
            />
          </Field>
          <Field label="I yrkande" id="support-motion">
            <select
              id="support-motion"
              value={sup.motion}
              onChange={(e) => setSup({ ...sup, motion: e.target.value })}
            >
              <option value="">senaste yrkandet</option>
              <option value="proposal">{p.proposal.proposer}s förslag</option>
              {liveMotions.map((m) => (
                <option key={m.motionId} value={m.motionId}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </Step>

      <Step
        testId="step-question"
        title="Proposition"
        shortcut="p"
        button="Registrera proposition"
        onSubmit={async () => {
          const finding = q.finding === 'rejected' ? { kind: 'rejected' } : parseRef(q.finding);
          return submit(
            `${base}/questions`,
            { questionId: newId(), puts: q.puts.map(parseRef), finding },
            'Proposition',
          );
        }}
      >
        <fieldset className="checks">
          <legend>Ordföranden ställer under proposition</legend>
          {[
            { value: 'proposal', label: `${p.proposal.proposer}s förslag` },
            ...liveMotions.map((m) => ({ value: `motion:${m.motionId}`, label: m.label })),
          ].map((o) => (
            <label key={o.value}>
              <input
                type="checkbox"
                checked={q.puts.includes(o.value)}
                onChange={(e) =>
                  setQ({
                    ...q,
                    puts: e.target.checked ? [...q.puts, o.value] : q.puts.filter((x) => x !== o.value),
                  })
                }
              />{' '}
              {o.label}
            </label>
          ))}
        </fieldset>
        <Field label="Och finner bifall till" id="q-finding">
          <select id="q-finding" value={q.finding} onChange={(e) => setQ({ ...q, finding: e.target.value })}>
            <option value="proposal">{p.proposal.proposer}s förslag</option>
            {liveMotions.map((m) => (
              <option key={m.motionId} value={`motion:${m.motionId}`}>
                {m.label}
              </option>
            ))}
            <option value="rejected">avslag</option>
          </select>
        </Field>
      </Step>

      <Step
        testId="step-vote"
        title="Votering"
        shortcut="v"
        button="Registrera votering"
        onSubmit={async () => {
          // Three commands; if the roll call is refused (say, a missing utslagsröst), a retry
          // sends only what is left, for the same votering.
          const progress = voteProgress ?? { voteId: newId(), done: 0 };
          setVoteProgress(progress);
          const { voteId } = progress;
          const steps: [string, unknown, string][] = [
            [
              `${base}/votes`,
              {
                voteId,
                ...(v.requested ? { requestedById: v.requested } : {}),
                questionId: questionForVote,
              },
              v.requested ? 'Votering begärd' : 'Omröstning begärs',
            ],
            [
              `${base}/votes/${voteId}/proposition`,
              { kind: v.kind, ja: parseRef(v.ja), nej: parseRef(v.nej) },
              'Voteringsproposition',
            ],
            [
              `${base}/votes/${voteId}/roll-call`,
              {
                votes: voters
                  .filter((m) => votes[m.memberId])
                  .map((m) => ({ memberId: m.memberId, vote: votes[m.memberId] })),
                ...(tie && casting ? { castingVote: casting } : {}),
                ...(v.namesInAppendix ? { namesInAppendix: true } : {}),
              },
              'Upprop',
            ],
          ];
          let msg = '';
          for (let i = progress.done; i < steps.length; i++) {
            msg = await submit(...steps[i]);
            setVoteProgress({ voteId, done: i + 1 });
          }
          setVoteProgress(null);
          setVotes({});
          return msg;
        }}
      >
        <div className="grid3">
          <Field label="Begärd av" id="v-requested">
            <MemberSelect
              id="v-requested"
              value={v.requested}
              onChange={(requested) => setV({ ...v, requested })}
              members={voters}
              placeholder="ingen namngiven (Omröstning begärs)"
            />
          </Field>
          <Field label="Om propositionen" id="v-question">
            <select
              id="v-question"
              value={v.question}
              onChange={(e) => setV({ ...v, question: e.target.value })}
            >
              <option value="">senaste</option>
              {liveQuestions.map((x, i) => (
                <option key={x.questionId} value={x.questionId}>
                  {i + 1}. finner {refLabel(x.finding, p)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Omröstning" id="v-kind">
            <select id="v-kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
              <option value="huvudvotering">huvudvotering</option>
              <option value="kontraproposition">kontraproposition</option>
            </select>
          </Field>
          {(['ja', 'nej'] as const).map((side) => (
            <Field key={side} label={`${side === 'ja' ? 'Ja' : 'Nej'} för`} id={`v-${side}`}>
              <select
                id={`v-${side}`}
                value={v[side]}
                onChange={(e) => setV({ ...v, [side]: e.target.value })}
              >
                <option value="">— välj —</option>
                <option value="proposal">{p.proposal.proposer}s förslag</option>
                {liveMotions.map((m) => (
                  <option key={m.motionId} value={refValue({ kind: 'motion', motionId: m.motionId })}>
                    {m.label}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </div>
        <VoteGrid
          voters={voters}
          chairId={meeting.chair?.memberId}
          votes={votes}
          setVote={(id, x) => setVotes({ ...votes, [id]: x })}
        />
        <label>
          <input
            type="checkbox"
            checked={v.namesInAppendix}
            onChange={(e) => setV({ ...v, namesInAppendix: e.target.checked })}
          />{' '}
          Namnen bara i omröstningsbilagan (paragrafen visar antalet röster)
        </label>
        {tie && (
          <Field label="Lika röstetal – ordförandens utslagsröst" id="v-casting">
            <select id="v-casting" value={casting} onChange={(e) => setV({ ...v, casting: e.target.value })}>
              <option value="">— välj —</option>
              <option value="ja">ja</option>
              <option value="nej">nej</option>
            </select>
          </Field>
        )}
      </Step>

      <Step
        testId="step-decision"
        title="Beslut"
        shortcut="b"
        button="Registrera beslut"
        onSubmit={() => {
          // Verbatim: the clerk's own words, printed as given, without the generated frame.
          const content = d.verbatim
            ? { text: paragraphs(d.text), verbatim: true }
            : {
                ...(d.toBody.trim() && lines(d.items).length
                  ? { proposesTo: { body: d.toBody.trim(), items: lines(d.items) } }
                  : {}),
                ...(lines(d.own).length ? { ownDecisions: lines(d.own) } : {}),
              };
          return submit(
            `${base}/decision`,
            {
              decisionId: newId(),
              kind: d.kind,
              ...(d.kind === 'sakbeslut' || d.verbatim ? { content } : {}),
              ...(d.motivation.trim() ? { motivation: d.motivation.trim() } : {}),
            },
            'Beslut',
          );
        }}
      >
        <Field label="Slag av beslut" id="d-kind">
          <select id="d-kind" value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value })}>
            <option value="sakbeslut">sakbeslut</option>
            <option value="aterremiss">återremiss</option>
            <option value="bordlaggning">bordläggning</option>
          </select>
        </Field>
        <>
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
        </>
        {d.verbatim ? null : d.kind === 'sakbeslut' ? (
          <>
            <Field label="Föreslår till organ" id="d-tobody">
              <input
                id="d-tobody"
                value={d.toBody}
                onChange={(e) => setD({ ...d, toBody: e.target.value })}
              />
            </Field>
            <Field label="Beslutspunkter till organet (en per rad)" id="d-items">
              <textarea
                id="d-items"
                rows={3}
                value={d.items}
                onChange={(e) => setD({ ...d, items: e.target.value })}
              />
            </Field>
            <Field label={`${meeting.body.name} beslutar för egen del (en punkt per rad)`} id="d-own">
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

      <Step
        testId="step-reservation"
        title="Reservation"
        shortcut="r"
        button="Registrera reservation"
        onSubmit={async () => {
          const problem = actorProblem(rActor);
          if (problem) throw new Error(problem);
          const msg = await submit(
            `${base}/reservations`,
            {
              reservationId: newId(),
              ...actorBody(rActor),
              decisionId: r.decision || liveDecisions.at(-1)?.decisionId || '',
              ...(r.reasons.trim() ? { reasons: r.reasons.trim() } : {}),
            },
            rActor.mode === 'member' ? 'Reservation' : 'Gemensam reservation',
          );
          setRActor(emptyActor());
          return msg;
        }}
      >
        <ActorPicker
          idPrefix="r"
          legend="Vem reserverar sig"
          actor={rActor}
          setActor={setRActor}
          members={voters}
        />
        <div className="grid2">
          <Field label="Mot beslutet" id="r-decision">
            <select
              id="r-decision"
              value={r.decision}
              onChange={(e) => setR({ ...r, decision: e.target.value })}
            >
              <option value="">senaste beslutet</option>
              {liveDecisions.map((x, i) => (
                <option key={x.decisionId} value={x.decisionId}>
                  Beslut {i + 1} ({x.kind})
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Skäl" id="r-reasons" hint="t.ex. till förmån för eget yrkande">
          <input id="r-reasons" value={r.reasons} onChange={(e) => setR({ ...r, reasons: e.target.value })} />
        </Field>
      </Step>

      <Step
        testId="step-note"
        title="Protokollsanteckning"
        shortcut="a"
        button="Registrera anteckning"
        onSubmit={async () => {
          const problem = actorProblem(nActor);
          if (problem) throw new Error(problem);
          const msg = await submit(
            `${base}/notes`,
            { noteId: newId(), ...actorBody(nActor), text: n.text.trim() },
            'Protokollsanteckning',
          );
          setN({ ...n, text: '' });
          setNActor(emptyActor());
          return msg;
        }}
      >
        <ActorPicker
          idPrefix="n"
          legend="Vem lämnar anteckningen"
          actor={nActor}
          setActor={setNActor}
          members={present}
        />
        <Field label="Text" id="n-text">
          <textarea
            id="n-text"
            rows={2}
            value={n.text}
            onChange={(e) => setN({ ...n, text: e.target.value })}
          />
        </Field>
      </Step>

      <Step
        testId="step-recusal"
        title="Jäv"
        shortcut="j"
        button="Registrera jäv"
        onSubmit={() =>
          submit(
            `${base}/recusals`,
            { memberId: j.member, ...(j.reason.trim() ? { reason: j.reason.trim() } : {}) },
            'Jäv',
          )
        }
      >
        <div className="grid2">
          <Field label="Ledamot" id="j-member">
            <MemberSelect
              id="j-member"
              value={j.member}
              onChange={(member) => setJ({ ...j, member })}
              members={present}
            />
          </Field>
          <Field label="Skäl" id="j-reason">
            <input id="j-reason" value={j.reason} onChange={(e) => setJ({ ...j, reason: e.target.value })} />
          </Field>
        </div>
      </Step>

      <NonParticipationStep p={p as ParagraphViewWithSteps} serving={serving(meeting, p)} />

      <Step
        testId="step-recipients"
        title="Beslutet skickas till"
        shortcut="s"
        button="Spara sändlista"
        onSubmit={() => submit(`${base}/recipients`, { recipients: lines(recipients) }, 'Sändlista')}
      >
        <Field label="Mottagare (en per rad)" id="s-recipients">
          <textarea
            id="s-recipients"
            rows={3}
            value={recipients}
            onChange={(e) => setRecipients(e.target.value)}
          />
        </Field>
      </Step>

      <AttachmentsStep p={p as ParagraphViewWithSteps} />

      <Step
        testId="step-justify"
        title="Justering av paragrafen"
        button="Justera paragrafen"
        onSubmit={() => {
          if (just.token.trim()) session.setJustifyToken(just.token.trim());
          return submit(
            `${base}/justify`,
            { byMemberIds: just.by, immediate: just.immediate },
            just.immediate ? 'Omedelbar justering' : 'Justering',
            'justify',
          );
        }}
      >
        <label>
          <input
            type="checkbox"
            checked={just.immediate}
            onChange={(e) => setJust({ ...just, immediate: e.target.checked })}
          />{' '}
          Omedelbar justering (vid sammanträdet)
        </label>
        <fieldset className="checks">
          <legend>Justeras av</legend>
          {meeting.members.map((m) => (
            <label key={m.memberId}>
              <input
                type="checkbox"
                checked={just.by.includes(m.memberId)}
                onChange={(e) =>
                  setJust({
                    ...just,
                    by: e.target.checked ? [...just.by, m.memberId] : just.by.filter((x) => x !== m.memberId),
                  })
                }
              />{' '}
              {memberLabel(m)}
            </label>
          ))}
        </fieldset>
        <Field
          label="Ordförandens eller justerarens token"
          id="just-token"
          hint="Justering kräver ordförandens eller en justerares behörighet; sparas bara under sessionen."
        >
          <input
            id="just-token"
            type="password"
            autoComplete="off"
            value={just.token}
            onChange={(e) => setJust({ ...just, token: e.target.value })}
          />
        </Field>
      </Step>
    </div>
  );
}

/** A member, several members jointly, or a party group. */
function actorText(x: {
  member: MemberRef;
  members?: MemberRef[];
  group?: { party: string; name?: string } | null;
}) {
  if (x.group) return groupLabel(x.group);
  return (x.members?.length ? x.members : [x.member]).map(memberLabel).join(', ');
}

/** What is recorded on the paragraph so far, each with its strike button (never deleted). */
function Entries(props: { p: ParagraphView }) {
  const { p } = props;
  const items: { id: string; text: string; struck: boolean; actions?: ReactNode }[] = [];
  for (const m of p.motions)
    items.push({
      id: m.motionId,
      text: `Yrkande: ${[m.proposer, ...((m as ParagraphViewWithSteps['motions'][number]).coProposers ?? [])].map(memberLabel).join(', ')} (${KIND_SV[m.kind] ?? m.kind})${m.text ? ` – ${m.text}` : ''}${m.supporters.length ? ` · instämmer: ${m.supporters.map((s) => s.name).join(', ')}` : ''}${m.withdrawn ? ' · återtaget' : ''}`,
      struck: m.struck,
      actions:
        !m.withdrawn && !m.struck ? (
          <WithdrawButton paragraphId={p.paragraphId} motionId={m.motionId} />
        ) : undefined,
    });
  for (const x of p.proceedings) {
    if (x.kind === 'question')
      items.push({
        id: x.questionId,
        text: `Proposition: finner ${refLabel(x.finding, p)}`,
        struck: x.struck,
      });
    if (x.kind === 'vote')
      items.push({
        id: x.voteId,
        text: `Votering: ja ${x.tally.ja}, nej ${x.tally.nej}, avstår ${x.tally.avstar}${x.castingVote ? `, utslagsröst ${x.castingVote}` : ''} – ${x.outcome} vinner`,
        struck: x.struck,
      });
  }
  for (const d of p.decisions) items.push({ id: d.decisionId, text: `Beslut (${d.kind})`, struck: d.struck });
  for (const r of p.reservations)
    items.push({
      id: r.reservationId,
      text: `Reservation: ${actorText(r)}${r.reasons ? ` – ${r.reasons}` : ''}`,
      struck: r.struck,
    });
  for (const n of p.notes)
    items.push({
      id: n.noteId,
      text: `Protokollsanteckning: ${actorText(n)} – ${n.text}`,
      struck: n.struck,
    });
  if (!items.length) return null;
  return (
    <section className="card" aria-labelledby="entries-h">
      <h2 id="entries-h" className="step-title">
        Registrerat i ärendet
      </h2>
      <ul className="entries" data-testid="entries">
        {items.map((i) => (
          <li key={i.id} className={i.struck ? 'struck' : undefined}>
            {i.struck ? <del>{i.text}</del> : i.text} {i.struck && <span className="badge">struken</span>}
            {!i.struck && p.status !== 'justified' && (
              <>
                {i.actions}{' '}
                <Strike
                  paragraphId={p.paragraphId}
                  entryId={i.id}
                  what={i.text.split(':')[0].toLowerCase()}
                />
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function WithdrawButton(props: { paragraphId: string; motionId: string }) {
  const action = useAction();
  return (
    <>
      <button
        type="button"
        className="link"
        onClick={() =>
          void action.run(() =>
            submit(
              `/paragraphs/${props.paragraphId}/motions/${props.motionId}/withdraw`,
              {},
              'Yrkandet återtaget',
            ),
          )
        }
      >
        Återta
      </button>
      <ActionStatus error={action.error} />
    </>
  );
}

export function LivePage(props: { meetingId: string; paragraphId?: string }) {
  const [data, setData] = useState<MeetingWithParagraphs | null>(null);
  const [paragraph, setParagraph] = useState<ParagraphView | null>(null);
  const [extract, setExtract] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current =
    props.paragraphId ??
    data?.paragraphs.find((x) => x.status !== 'justified')?.paragraphId ??
    data?.paragraphs[0]?.paragraphId;

  const load = useCallback(() => {
    getMeeting(props.meetingId)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
    if (current) {
      getParagraph(current)
        .then((r) => setParagraph(r.paragraph))
        .catch(() => undefined);
      getDocumentHtml(`/paragraphs/${current}/extract`)
        .then(setExtract)
        .catch(() => undefined);
    }
  }, [props.meetingId, current]);
  useEffect(load, [load]);
  const mode = useLive(props.meetingId, load);
  const close = useAction();

  // Alt+key: jump to a step; Alt+↑/↓: previous/next paragraph.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const hit = SHORTCUTS.find(([k]) => e.key.toLowerCase() === k || e.code === `Key${k.toUpperCase()}`);
      if (hit) {
        const el = document.getElementById(hit[1]);
        if (el) {
          e.preventDefault();
          if (el.tabIndex < 0 && !['SELECT', 'INPUT', 'TEXTAREA'].includes(el.tagName)) el.tabIndex = -1;
          el.scrollIntoView({ block: 'center' });
          el.focus();
        }
        return;
      }
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && data) {
        const i = data.paragraphs.findIndex((x) => x.paragraphId === current);
        const next = data.paragraphs[i + (e.key === 'ArrowDown' ? 1 : -1)];
        if (next) {
          e.preventDefault();
          window.location.hash = `#/live/${props.meetingId}/${next.paragraphId}`;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [data, current, props.meetingId]);

  if (!data) return <p role="status">{error ?? 'Hämtar sammanträdet …'}</p>;
  const m = data.meeting;
  const p = paragraph && paragraph.paragraphId === current ? paragraph : null;
  return (
    <div className="live">
      <aside className="agenda-pane" aria-labelledby="live-agenda-h">
        <h2 id="live-agenda-h">Föredragningslista</h2>
        <ol className="agenda">
          {data.paragraphs.map((x) => (
            <li key={x.paragraphId}>
              <a
                href={`#/live/${m.meetingId}/${x.paragraphId}`}
                aria-current={x.paragraphId === current ? 'true' : undefined}
              >
                §{x.number} {x.title}
              </a>
              <span className={`badge ${x.status ?? ''}`}>
                {x.status === 'justified' ? 'justerad' : x.status === 'decided' ? 'beslutad' : 'pågår'}
              </span>
            </li>
          ))}
        </ol>
        <a href={`#/prepare/${m.meetingId}`}>+ Förbered ärende</a>
        <details className="shortcuts" open>
          <summary>Kortkommandon</summary>
          <dl>
            {SHORTCUTS.map(([k, , label]) => (
              <div key={k}>
                <dt>
                  <kbd>Alt+{k.toUpperCase()}</kbd>
                </dt>
                <dd>{label}</dd>
              </div>
            ))}
            <div>
              <dt>
                <kbd>Alt+↑/↓</kbd>
              </dt>
              <dd>Föregående/nästa ärende</dd>
            </div>
            <div>
              <dt>
                <kbd>Ctrl+Enter</kbd>
              </dt>
              <dd>Registrera steget</dd>
            </div>
          </dl>
        </details>
        <details>
          <summary id="att-summary">Närvaro och ersättare</summary>
          <AttendanceEditor meeting={m} />
        </details>
        {!m.closedAt && (
          <button
            type="button"
            onClick={() =>
              void close.run(() => submit(`/meetings/${m.meetingId}/close`, {}, 'Sammanträdet avslutat'))
            }
          >
            Avsluta sammanträdet
          </button>
        )}
        <ActionStatus error={close.error} notice={close.notice} />
      </aside>
      <section className="record-pane" aria-labelledby="current-h">
        {p ? (
          <>
            <h1 id="current-h">
              §{p.number} {p.title}
            </h1>
            <p className="meta">
              Dnr {p.caseNumber} ·{' '}
              {p.status === 'justified'
                ? 'justerad'
                : p.status === 'decided'
                  ? 'beslutad, ej justerad'
                  : 'öppen'}{' '}
              · tjänstgörande: {serving(m, p).length}
            </p>
            <ParagraphSteps key={p.paragraphId} data={data} p={p} />
            <Entries p={p} />
          </>
        ) : (
          <h1 id="current-h">{current ? 'Hämtar ärendet …' : 'Inga ärenden – förbered ett först.'}</h1>
        )}
      </section>
      <section className="extract-pane" aria-labelledby="extract-h">
        <h2 id="extract-h">
          Protokollsutdrag <small>({mode === 'sse' ? 'live' : 'uppdateras var 3:e sekund'})</small>
        </h2>
        {current && <PdfButton path={`/paragraphs/${current}/extract`} />}
        <DocumentView html={extract} testId="extract" live printable />
      </section>
    </div>
  );
}
