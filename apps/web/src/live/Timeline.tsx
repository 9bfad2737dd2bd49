import type { ReactNode } from 'react';
import { memberLabel, type MemberRef } from '../api';
import { useAction } from '../hooks';
import { Strike } from '../steps/Step';
import { groupLabel, type ParagraphView } from '../steps/types';
import { ActionStatus, submit } from '../ui';
import { AmendMotion } from './AmendMotion';
import { KIND_SV, refLabel, useLiveCtx } from './context';

/** A member, several members jointly, or a party group. */
function actorText(x: {
  member: MemberRef;
  members?: MemberRef[];
  group?: { party: string; name?: string } | null;
}) {
  if (x.group) return groupLabel(x.group);
  return (x.members?.length ? x.members : [x.member]).map(memberLabel).join(', ');
}

interface Item {
  id: string;
  what: string;
  text: string;
  struck: boolean;
  amended?: boolean;
  actions?: ReactNode;
}

/** What has happened in the paragraph, in the order of the procedure; struck entries stay, marked. */
export function timelineItems(p: ParagraphView): Item[] {
  const items: Item[] = [];
  const decided = p.decisions.some((d) => !d.struck);
  const putMotions = new Set(
    p.proceedings.flatMap((x) =>
      x.kind === 'question' && !x.struck
        ? x.puts.flatMap((r) => (r.kind === 'motion' ? [r.motionId] : []))
        : [],
    ),
  );
  for (const r of p.recusals)
    items.push({
      id: `recusal-${r.member.memberId}`,
      what: 'Jäv',
      text: `${memberLabel(r.member)}${r.reason ? ` – ${r.reason}` : ''}`,
      struck: false,
    });
  for (const m of p.motions)
    items.push({
      id: m.motionId,
      what: 'Yrkande',
      text: `${[m.proposer, ...(m.coProposers ?? [])].map(memberLabel).join(', ')} (${KIND_SV[m.kind] ?? m.kind})${m.text ? ` – ${m.text}` : ''}${m.supporters.length ? ` · instämmer: ${m.supporters.map((s) => s.name).join(', ')}` : ''}${m.withdrawn ? ' · återtaget' : ''}`,
      struck: m.struck,
      amended: Boolean((m as { amended?: boolean }).amended),
      actions:
        !m.withdrawn && !m.struck ? (
          <>
            {/* Until it counts (put or decided) it is put right; after that only struck. */}
            {!decided && !putMotions.has(m.motionId) && (
              <AmendMotion paragraphId={p.paragraphId} motionId={m.motionId} kind={m.kind} text={m.text} />
            )}
            <WithdrawButton paragraphId={p.paragraphId} motionId={m.motionId} />
          </>
        ) : undefined,
    });
  for (const x of p.proceedings) {
    if (x.kind === 'question')
      items.push({
        id: x.questionId,
        what: 'Proposition',
        text: `ordföranden finner bifall till ${refLabel(x.finding, p)}`,
        struck: x.struck,
      });
    if (x.kind === 'vote')
      items.push({
        id: x.voteId,
        what: 'Votering',
        text: `ja ${x.tally.ja}, nej ${x.tally.nej}, avstår ${x.tally.avstar}${x.castingVote ? `, utslagsröst ${x.castingVote}` : ''} – ${x.outcome} vinner`,
        struck: x.struck,
      });
  }
  for (const d of p.decisions)
    items.push({
      id: d.decisionId,
      what: 'Beslut',
      text: d.kind === 'sakbeslut' ? 'sakbeslut' : d.kind === 'aterremiss' ? 'återremiss' : 'bordläggning',
      struck: d.struck,
    });
  for (const r of p.reservations)
    items.push({
      id: r.reservationId,
      what: 'Reservation',
      text: `${actorText(r)}${r.reasons ? ` – ${r.reasons}` : ''}`,
      struck: r.struck,
    });
  for (const n of p.notes)
    items.push({
      id: n.noteId,
      what: 'Protokollsanteckning',
      text: `${actorText(n)} – ${n.text}`,
      struck: n.struck,
    });
  return items;
}

/** The paragraph's flow so far, each entry with what may still be done with it. */
export function Timeline() {
  const { p, readOnly } = useLiveCtx();
  const items = timelineItems(p);
  return (
    <section className="card timeline" aria-labelledby="entries-h">
      <h2 id="entries-h" className="step-title">
        Hittills i ärendet
      </h2>
      {items.length === 0 ? (
        <p className="meta">Inget registrerat ännu.</p>
      ) : (
        <ol className="entries" data-testid="entries">
          {items.map((i) => (
            <li key={i.id} className={i.struck ? 'struck' : undefined}>
              <strong>{i.what}:</strong> {i.struck ? <del>{i.text}</del> : i.text}{' '}
              {i.struck && <span className="badge">struken</span>}
              {i.amended && !i.struck && <span className="badge">ändrad</span>}
              {!i.struck && !readOnly && !i.id.startsWith('recusal-') && (
                <span className="entry-actions">
                  {i.actions}
                  <Strike paragraphId={p.paragraphId} entryId={i.id} what={i.what.toLowerCase()} />
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
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
