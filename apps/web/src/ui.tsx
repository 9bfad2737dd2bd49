import type { ReactNode } from 'react';
import { outbox, type SendResult } from './outbox';

/** A labelled control: the label is a real <label>, so screen readers and clicks find the field. */
export function Field(props: { label: string; id: string; children: ReactNode; hint?: string }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <small id={`${props.id}-hint`} className="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

/** The API's refusal, beside the action that caused it; announced to screen readers. */
export function ActionStatus(props: { error: string | null; notice?: string | null; testId?: string }) {
  return (
    <div aria-live="assertive" className="action-status">
      {props.error && (
        <p role="alert" className="refusal" data-testid={props.testId ?? 'refusal'}>
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

/** Send through the queue; the message says whether it went or waits. */
export async function submit(
  path: string,
  body: unknown,
  label: string,
  as?: 'clerk' | 'justify',
): Promise<string> {
  const result: SendResult = await outbox.send(path, body, label, as);
  if (!result.sent) return `${label}: i kö, skickas när anslutningen är tillbaka.`;
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
}) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
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
