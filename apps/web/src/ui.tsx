import { cloneElement, createContext, isValidElement, useContext, type ReactNode } from 'react';
import { outbox, type SendResult } from './outbox';

/** Messages for the fields of the step around them, by control id (see messages.ts). */
export const FieldErrorsContext = createContext<Readonly<Record<string, string>>>({});

/**
 * A labelled control: the label is a real <label>, so screen readers and clicks find the field;
 * a refusal that concerns the field is written right under it and tied to the control.
 */
export function Field(props: { label: string; id: string; children: ReactNode; hint?: string }) {
  const error = useContext(FieldErrorsContext)[props.id];
  const describedBy = [props.hint ? `${props.id}-hint` : '', error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  const control =
    isValidElement<Record<string, unknown>>(props.children) && describedBy
      ? cloneElement(props.children, {
          'aria-describedby': describedBy,
          ...(error ? { 'aria-invalid': true } : {}),
        })
      : props.children;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {control}
      {error && (
        <p id={`${props.id}-error`} className="field-error" data-testid="field-error">
          {error}
        </p>
      )}
      {props.hint && (
        <small id={`${props.id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** The refusal for a group of controls (a fieldset) that has no single Field. */
export function FieldErrorText(props: { id: string }) {
  const error = useContext(FieldErrorsContext)[props.id];
  return error ? (
    <p id={`${props.id}-error`} className="field-error" data-testid="field-error">
      {error}
    </p>
  ) : null;
}

/**
 * The API's refusal, beside the action that caused it. Silent itself: useAction announces it
 * through the page's one assertive region (announce.tsx).
 */
export function ActionStatus(props: { error: string | null; notice?: string | null; testId?: string }) {
  return (
    <div className="action-status">
      {props.error && (
        <p className="refusal" data-testid={props.testId ?? 'refusal'}>
          {props.error}
        </p>
      )}
      {!props.error && props.notice && <p className="notice">{props.notice}</p>}
    </div>
  );
}

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Blank-line separated paragraphs; single line breaks inside one are kept as spaces. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);

/** The notice of an entry that waits in the queue; useAction replaces it once the queue is sent. */
export const QUEUED = 'i kö, skickas när anslutningen är tillbaka.';
export const SENT_FROM_QUEUE = 'skickat.';

/** Send through the queue; the message says whether it went or waits. */
export async function submit(
  path: string,
  body: unknown,
  label: string,
  as?: 'clerk' | 'justify',
): Promise<string> {
  const result: SendResult = await outbox.send(path, body, label, as);
  if (!result.sent) return `${label}: ${QUEUED}`;
  // Procedure the chair and the meeting decide is recorded with a warning, not refused.
  const warnings = (result.body as { warnings?: { message: string }[] } | null)?.warnings ?? [];
  return warnings.length
    ? `${label}: registrerat. Observera: ${warnings.map((w) => w.message).join(' ')}`
    : `${label}: registrerat.`;
}

export function MemberSelect(props: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  members: { memberId: string; name: string; party: string }[];
  placeholder?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      aria-describedby={props['aria-describedby']}
      aria-invalid={props['aria-invalid']}
    >
      <option value="">{props.placeholder ?? '— välj ledamot —'}</option>
      {props.members.map((m) => (
        <option key={m.memberId} value={m.memberId}>
          {m.name} ({m.party})
        </option>
      ))}
    </select>
  );
}

const KNOWN = 'paragraf.meetings';
export interface KnownMeeting {
  meetingId: string;
  label: string;
}
/** Meetings this browser has scheduled or opened (the API has no list of meetings yet). */
export const knownMeetings = {
  all: (): KnownMeeting[] => {
    try {
      return JSON.parse(localStorage.getItem(KNOWN) ?? '[]') as KnownMeeting[];
    } catch {
      return [];
    }
  },
  remember: (m: KnownMeeting) => {
    const rest = knownMeetings.all().filter((k) => k.meetingId !== m.meetingId);
    localStorage.setItem(KNOWN, JSON.stringify([m, ...rest]));
  },
};
