import { useState } from 'react';
import { check } from '../hooks';
import { useLiveCtx } from '../live/context';
import { RECUSAL_FIELDS } from '../live/fields';
import { Field, MemberSelect, submit } from '../ui';
import { Step } from './Step';

export function RecusalStep() {
  const { base, present } = useLiveCtx();
  const [j, setJ] = useState({ member: '', reason: '' });
  return (
    <Step
      testId="step-recusal"
      title="Jäv"
      button="Registrera jäv"
      fields={RECUSAL_FIELDS}
      preview={
        j.member
          ? {
              path: `${base}/recusals`,
              body: { memberId: j.member, ...(j.reason.trim() ? { reason: j.reason.trim() } : {}) },
            }
          : null
      }
      onSubmit={async () => {
        check([!j.member && ['j-member', 'Välj den ledamot som är jävig.']]);
        const msg = await submit(
          `${base}/recusals`,
          { memberId: j.member, ...(j.reason.trim() ? { reason: j.reason.trim() } : {}) },
          'Jäv',
        );
        setJ({ member: '', reason: '' });
        return msg;
      }}
    >
      <div className="grid2">
        <Field label="Jävig ledamot" id="j-member">
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
  );
}
