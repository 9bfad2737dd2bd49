import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AttachmentsStep } from '../steps/Attachments';
import { DecisionStep } from '../steps/DecisionStep';
import { JustifyStep } from '../steps/JustifyStep';
import { MotionStep } from '../steps/MotionStep';
import { NonParticipationStep } from '../steps/NonParticipation';
import { NoteStep } from '../steps/NoteStep';
import { QuestionStep } from '../steps/QuestionStep';
import { RecipientsStep } from '../steps/RecipientsStep';
import { RecusalStep } from '../steps/RecusalStep';
import { ReservationStep } from '../steps/ReservationStep';
import { SpeakersStep } from '../steps/Speakers';
import { SupportStep } from '../steps/SupportStep';
import { VoteStep } from '../steps/VoteStep';
import { outbox } from '../outbox';
import { useLiveCtx, type LiveCtx } from './context';
import { StepShownContext } from './Preview';

export type StepId =
  | 'speakers'
  | 'motion'
  | 'support'
  | 'question'
  | 'vote'
  | 'decision'
  | 'reservation'
  | 'note'
  | 'recusal'
  | 'non-participation'
  | 'recipients'
  | 'attachments'
  | 'justify';

/** Every step with its Alt shortcut and the control it starts in (listed on screen, never in headings). */
export const STEPS: { id: StepId; title: string; key: string; first: string }[] = [
  { id: 'speakers', title: 'Talarlista', key: 't', first: 't-member' },
  { id: 'motion', title: 'Yrkande', key: 'y', first: 'y-member' },
  { id: 'support', title: 'Instämmer', key: 'i', first: 'support-member' },
  { id: 'question', title: 'Proposition', key: 'p', first: 'q-finding' },
  { id: 'vote', title: 'Votering', key: 'v', first: 'v-requested' },
  { id: 'decision', title: 'Beslut', key: 'b', first: 'd-kind' },
  { id: 'reservation', title: 'Reservation', key: 'r', first: 'r-member' },
  { id: 'note', title: 'Protokollsanteckning', key: 'a', first: 'n-member' },
  { id: 'recusal', title: 'Jäv', key: 'j', first: 'j-member' },
  { id: 'non-participation', title: 'Deltar inte i beslutet', key: 'u', first: 'np-member' },
  { id: 'recipients', title: 'Beslutet skickas till', key: 's', first: 's-recipients' },
  { id: 'attachments', title: 'Bilagor', key: 'l', first: 'g-file' },
  { id: 'justify', title: 'Justering', key: 'k', first: 'just-immediate' },
];

/**
 * What the procedure makes likely next, first: before any yrkande the talarlista, yrkanden and
 * the proposition; after a proposition the votering and the beslut; after the beslut the
 * reservations, anteckningar and justering. Only a suggestion: the chair decides the procedure,
 * so every other step stays offered (ADR 0020: recorded with a warning, not refused).
 */
export function suggestedSteps(
  ctx: Pick<LiveCtx, 'p' | 'meeting' | 'motions' | 'questions' | 'decisions' | 'state'>,
): StepId[] {
  if (ctx.meeting.closedAt) return ['justify', 'recipients', 'attachments'];
  if (ctx.decisions.length) return ['reservation', 'note', 'recipients', 'justify'];
  const votes = ctx.p.proceedings.filter((x) => x.kind === 'vote' && !x.struck);
  if (votes.length) return ['decision', 'question', 'vote'];
  if (ctx.questions.length) return ['vote', 'decision', 'question'];
  if (ctx.motions.length) return ['motion', 'support', 'question'];
  return ['speakers', 'motion', 'support', 'question', 'recusal'];
}

/** Steps that can still be taken; after the meeting closed only what belongs to the protocol. */
export function availableSteps(ctx: Pick<LiveCtx, 'meeting' | 'state'>): StepId[] {
  if (ctx.state === 'justified') return [];
  if (ctx.meeting.closedAt) return ['justify', 'recipients', 'attachments'];
  return STEPS.map((s) => s.id);
}

function StepBody(props: { id: StepId }): ReactNode {
  const { p, present, serving } = useLiveCtx();
  switch (props.id) {
    case 'speakers':
      return <SpeakersStep p={p} present={present} />;
    case 'motion':
      return <MotionStep />;
    case 'support':
      return <SupportStep />;
    case 'question':
      return <QuestionStep />;
    case 'vote':
      return <VoteStep />;
    case 'decision':
      return <DecisionStep />;
    case 'reservation':
      return <ReservationStep />;
    case 'note':
      return <NoteStep />;
    case 'recusal':
      return <RecusalStep />;
    case 'non-participation':
      return <NonParticipationStep p={p} serving={serving} />;
    case 'recipients':
      return <RecipientsStep />;
    case 'attachments':
      return <AttachmentsStep p={p} />;
    case 'justify':
      return <JustifyStep />;
  }
}

/**
 * One composer for the next entry: the likely next steps first, every other a tap or an
 * Alt+key away. Only the chosen step's form is shown; the others stay mounted (hidden), so
 * what was typed in one survives a look at another.
 */
export function Composer() {
  const ctx = useLiveCtx();
  const suggested = suggestedSteps(ctx);
  const available = availableSteps(ctx);
  const phase = suggested.join(',');
  const [active, setActive] = useState<StepId>(suggested[0] ?? 'motion');
  const focusNext = useRef<string | null>(null);
  // The outbox's count of sent entries when the clerk last chose a step (Alt+key or a tap).
  const chosenAfter = useRef(-1);
  // When the procedure moves on (our entry or another's), offer its next step; but a step the
  // clerk chose after their last entry was sent stays: the update that arrives a moment later
  // (theirs, or another's) must not take the form from under the cursor.
  useEffect(() => {
    if (chosenAfter.current === outbox.sent) return;
    setActive((a) => (suggested.includes(a) ? a : (suggested[0] ?? a)));
  }, [phase]);
  useEffect(() => {
    if (!focusNext.current) return;
    const el = document.getElementById(focusNext.current);
    // Not shown yet (its step still hidden in this render): try again after the next one.
    if (!el || el.closest('[hidden]')) return;
    focusNext.current = null;
    if (el.tabIndex < 0 && !['SELECT', 'INPUT', 'TEXTAREA'].includes(el.tagName)) el.tabIndex = -1;
    el.focus();
  });
  // A render after every choice, also of the step already shown, so the focus moves.
  const [, setTick] = useState(0);
  const choose = (id: StepId, focus: boolean) => {
    chosenAfter.current = outbox.sent;
    setActive(id);
    if (focus) focusNext.current = STEPS.find((s) => s.id === id)?.first ?? null;
    setTick((t) => t + 1);
  };
  // Alt+key chooses a step and puts the cursor in its first field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const hit = STEPS.find((s) => e.key.toLowerCase() === s.key || e.code === `Key${s.key.toUpperCase()}`);
      if (hit && available.includes(hit.id)) {
        e.preventDefault();
        choose(hit.id, true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const rest = useMemo(() => available.filter((id) => !suggested.includes(id)), [available, suggested]);
  if (!available.length) return null;
  const button = (id: StepId, primary: boolean) => {
    const s = STEPS.find((x) => x.id === id)!;
    return (
      <button
        key={id}
        type="button"
        className={`step-choice${primary ? ' suggested' : ''}`}
        aria-pressed={active === id}
        aria-keyshortcuts={`Alt+${s.key.toUpperCase()}`}
        onClick={() => choose(id, true)}
      >
        {s.title}
      </button>
    );
  };
  return (
    <section className="composer" aria-label="Registrera nästa steg">
      <div className="step-chooser" role="group" aria-label="Nästa steg" data-testid="step-chooser">
        <div className="suggested-steps">
          {suggested.filter((id) => available.includes(id)).map((id) => button(id, true))}
        </div>
        <div className="other-steps">{rest.map((id) => button(id, false))}</div>
      </div>
      {available.map((id) => (
        <div key={id} hidden={active !== id} data-step={id}>
          <StepShownContext.Provider value={active === id}>
            <StepBody id={id} />
          </StepShownContext.Provider>
        </div>
      ))}
    </section>
  );
}
