import { useState } from 'react';
import { check } from '../hooks';
import { useLiveCtx } from '../live/context';
import { SUPPORT_FIELDS } from '../live/fields';
import { Field, MemberSelect, submit } from '../ui';
import { Step } from './Step';

export function SupportStep() {
  const { base, voters, p, motions } = useLiveCtx();
  const [sup, setSup] = useState({ motion: '', member: '' });
  const supportPath = (target: string) =>
    target === 'proposal' ? `${base}/proposal/support` : `${base}/motions/${target}/support`;
  return (
    <Step
      testId="step-support"
      title="Instämmer"
      button="Registrera instämmande"
      fields={SUPPORT_FIELDS}
      preview={
        sup.member
          ? {
              path: supportPath(sup.motion || motions.at(-1)?.motionId || 'proposal'),
              body: { memberId: sup.member },
            }
          : null
      }
      onSubmit={async () => {
        // "senaste yrkandet"; with none yet, the proposal is what there is to support.
        const target = sup.motion || motions.at(-1)?.motionId || 'proposal';
        check([!sup.member && ['support-member', 'Välj ledamot som instämmer.']]);
        const msg = await submit(
          supportPath(target),
          { memberId: sup.member },
          target === 'proposal' ? 'Instämmande i förslaget' : 'Instämmande',
        );
        setSup({ ...sup, member: '' });
        return msg;
      }}
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
            {motions.map((m) => (
              <option key={m.motionId} value={m.motionId}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </Step>
  );
}
