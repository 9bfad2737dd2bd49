import { useState } from 'react';
import { check } from '../hooks';
import { parseRef, refLabel, refValue, useLiveCtx } from '../live/context';
import { VOTE_FIELDS } from '../live/fields';
import { Field, FieldErrorText, MemberSelect, submit } from '../ui';
import { RollCall, type VoteValue } from './RollCall';
import { Step } from './Step';

export function VoteStep() {
  const { base, p, motions, questions, voters, meeting } = useLiveCtx();
  const [v, setV] = useState({
    requested: '',
    namesInAppendix: false,
    question: '',
    ja: 'proposal',
    nej: '',
    kind: 'huvudvotering',
    casting: '',
  });
  const [votes, setVotes] = useState<Record<string, VoteValue>>({});
  const t = Object.values(votes);
  const tie = t.length > 0 && t.filter((x) => x === 'ja').length === t.filter((x) => x === 'nej').length;
  const questionForVote = v.question || questions.at(-1)?.questionId || '';
  const chairVote = meeting.chair ? votes[meeting.chair.memberId] : undefined;
  // The utslagsröst is the chair's own vote when the chair voted (KL 5:57).
  const casting = v.casting || (chairVote === 'ja' || chairVote === 'nej' ? chairVote : '');
  // The whole votering in one write: request, proposition and roll call, all or none (ADR 0054).
  const body = {
    ...(v.requested ? { requestedById: v.requested } : {}),
    questionId: questionForVote,
    kind: v.kind,
    ja: v.ja ? parseRef(v.ja) : undefined,
    nej: v.nej ? parseRef(v.nej) : undefined,
    votes: voters
      .filter((m) => votes[m.memberId])
      .map((m) => ({ memberId: m.memberId, vote: votes[m.memberId] })),
    ...(tie && casting ? { castingVote: casting } : {}),
    ...(v.namesInAppendix ? { namesInAppendix: true } : {}),
  };
  const complete = !!questionForVote && !!v.ja && !!v.nej && v.ja !== v.nej && t.length > 0;
  return (
    <Step
      testId="step-vote"
      title="Votering"
      button="Registrera votering"
      fields={VOTE_FIELDS}
      preview={complete ? { path: `${base}/votings`, body } : null}
      onSubmit={async () => {
        check([
          !questionForVote && ['v-question', 'Registrera propositionen som voteringen gäller först.'],
          !v.ja && ['v-ja', 'Välj vad ja står för.'],
          !v.nej && ['v-nej', 'Välj vad nej står för.'],
          v.ja && v.ja === v.nej && ['v-nej', 'Ja och nej kan inte stå för samma förslag.'],
          !t.length && ['vote-grid', 'Ange hur ledamöterna röstar.'],
        ]);
        const msg = await submit(`${base}/votings`, body, v.requested ? 'Votering' : 'Omröstning');
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
            {questions.map((x, i) => (
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
            <select id={`v-${side}`} value={v[side]} onChange={(e) => setV({ ...v, [side]: e.target.value })}>
              <option value="">— välj —</option>
              <option value="proposal">{p.proposal.proposer}s förslag</option>
              {motions.map((m) => (
                <option key={m.motionId} value={refValue({ kind: 'motion', motionId: m.motionId })}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
        ))}
      </div>
      <RollCall voters={voters} chairId={meeting.chair?.memberId} votes={votes} setVotes={setVotes} />
      <FieldErrorText id="vote-grid" />
      <label>
        <input
          id="v-names"
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
  );
}
