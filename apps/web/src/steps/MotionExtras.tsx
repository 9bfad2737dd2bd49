import type { MemberRef } from '../api';
import { Field } from '../ui';
import type { ParagraphView } from './types';

/** Joint movers of a yrkande and what a bifall or avslag refers to. */
export interface MotionExtras {
  coProposerIds: string[];
  /** 'proposal', 'matter' or `motion:<id>`. */
  target: string;
}

export const emptyMotionExtras = (): MotionExtras => ({ coProposerIds: [], target: 'proposal' });

/** The part of the yrkande's body these fields give. */
export function motionExtrasBody(x: MotionExtras, kind: string, proposerId: string): Record<string, unknown> {
  const co = x.coProposerIds.filter((id) => id !== proposerId);
  const refersTo =
    kind === 'bifall' || kind === 'avslag'
      ? x.target === 'matter'
        ? { kind: 'matter' }
        : x.target.startsWith('motion:')
          ? { kind: 'motion', motionId: x.target.slice(7) }
          : undefined
      : undefined;
  return { ...(co.length ? { coProposerIds: co } : {}), ...(refersTo ? { refersTo } : {}) };
}

export function MotionExtrasFields(props: {
  p: ParagraphView;
  kind: string;
  proposerId: string;
  value: MotionExtras;
  onChange: (x: MotionExtras) => void;
  members: readonly MemberRef[];
  motions: readonly { motionId: string; label: string }[];
}) {
  const { value, onChange } = props;
  const others = props.members.filter((m) => m.memberId !== props.proposerId);
  const matter = props.p.matter;
  return (
    <>
      <fieldset className="checks co-movers">
        <legend>Yrkar tillsammans med (gemensamt yrkande)</legend>
        {others.map((m) => (
          <label key={m.memberId}>
            <input
              type="checkbox"
              checked={value.coProposerIds.includes(m.memberId)}
              onChange={(e) =>
                onChange({
                  ...value,
                  coProposerIds: e.target.checked
                    ? [...value.coProposerIds, m.memberId]
                    : value.coProposerIds.filter((x) => x !== m.memberId),
                })
              }
            />{' '}
            {m.name} ({m.party})
          </label>
        ))}
      </fieldset>
      {(props.kind === 'bifall' || props.kind === 'avslag') && (
        <Field label={props.kind === 'bifall' ? 'Bifall till' : 'Avslag på'} id="y-target">
          <select
            id="y-target"
            value={value.target}
            onChange={(e) => onChange({ ...value, target: e.target.value })}
          >
            <option value="proposal">{props.p.proposal.proposer}s förslag</option>
            {matter && (
              <option value="matter">
                {matter.kind}
                {matter.title ? ` (${matter.title})` : ''} självt
              </option>
            )}
            {props.motions.map((m) => (
              <option key={m.motionId} value={`motion:${m.motionId}`}>
                {m.label}
              </option>
            ))}
          </select>
        </Field>
      )}
    </>
  );
}
