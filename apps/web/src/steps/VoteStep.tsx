import { useState } from 'react';
import { newId } from '../api';
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
  const [progress, setProgress] = useState<{ voteId: string; done: number } | null>(null);
  const t = Object.values(votes);
  const tie = t.length > 0 && t.filter((x) => x === 'ja').length === t.filter((x) => x === 'nej').length;
  const questionForVote = v.question || questions.at(-1)?.questionId || '';
  const chairVote = meeting.chair ? votes[meeting.chair.memberId] : undefined;
  // The utslagsröst is the chair's own vote when the chair voted (KL 5:57).
  const casting = v.casting || (chairVote === 'ja' || chairVote === 'nej' ? chairVote : '');
  return (
    <Step
      testId="step-vote"
      title="Votering"
      button="Registrera votering"
      fields={VOTE_FIELDS}
      onSubmit={async () => {
        check([
          !questionForVote && ['v-question', 'Registrera propositionen som voteringen gäller först.'],
          !v.ja && ['v-ja', 'Välj vad ja står för.'],
          !v.nej && ['v-nej', 'Välj vad nej står för.'],
          v.ja && v.ja === v.nej && ['v-nej', 'Ja och nej kan inte stå för samma förslag.'],
          !t.length && ['vote-grid', 'Ange hur ledamöterna röstar.'],
        ]);
        // Three commands; if the roll call is refused (say, a missing utslagsröst), a retry
        // sends only what is left, for the same votering.
        const now = progress ?? { voteId: newId(), done: 0 };
        setProgress(now);
        const { voteId } = now;
        const steps: [string, unknown, string][] = [
          [
            `${base}/votes`,
            { voteId, ...(v.requested ? { requestedById: v.requested } : {}), questionId: questionForVote },
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
        for (let i = now.done; i < steps.length; i++) {
          msg = await submit(...steps[i]!);
          setProgress({ voteId, done: i + 1 });
        }
        setProgress(null);
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
