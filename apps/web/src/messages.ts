/**
 * What a clerk reads when the API refuses a command. The API's problem+json is written for
 * programs too (field paths like `proposerId`, class-validator's English, rule codes); the page
 * never shows those. A refused field is named by its label on screen and its message is put
 * beside it; a rule's refusal is the rule's Swedish message; anything else gets a plain sentence.
 * Pure (no DOM), so a test can run every refusal of the API through it.
 */

export interface ProblemLike {
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { field: string; message: string }[];
}

/** One field of a step as the clerk sees it: the control's id, its label, what to say when empty. */
export interface FieldLabel {
  readonly id: string;
  readonly label: string;
  /** E.g. "Välj ledamot som yrkar." */
  readonly missing: string;
}

/** The API's top-level body field → the field on screen. */
export type FieldMap = Readonly<Record<string, FieldLabel>>;

export interface ClerkErrors {
  /** One sentence for the step (shown under its button and announced). */
  readonly summary: string;
  /** Messages by the on-screen control's id. */
  readonly fields: Readonly<Record<string, string>>;
}

const GENERIC = 'Uppgiften kunde inte registreras. Kontrollera fälten och försök igen.';
const STALE_PAGE = 'Sidan skickade en uppgift som servern inte känner igen. Ladda om sidan och försök igen.';

/** camelCase or snake_case words, rule codes (UPPER_SNAKE), paths (`a.b`, `a[0]`), English validator text. */
export function containsIdentifier(raw: string): boolean {
  // A placeholder the clerk types ("§ {number}" in a numbering format) is syntax, not an identifier.
  const text = raw.replace(/\{[a-z]+\}/g, '');
  return (
    /\b[a-z]+[A-Z][A-Za-z0-9]*\b/.test(text) ||
    /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/.test(text) ||
    /\b[a-z]+_[a-z0-9_]+\b/.test(text) ||
    /\w\[\d+\]|\b[a-z]+\.[a-z]+\b/i.test(text.replace(/\b(t\.ex|bl\.a|m\.m|d\.v\.s|s\.k|o\.s\.v)\b/g, '')) ||
    /\b(must|should|property|characters|string|number|boolean|array)\b/.test(text)
  );
}

/** The top-level body field an error path names: `votes[0].memberId` → `votes`. */
const topField = (path: string): string => path.split(/[.[]/)[0] ?? path;

function fieldMessage(label: FieldLabel, message: string): string {
  if (
    /should not be empty|must be longer than or equal to 1 |must be a string|must be an? |should not be null/.test(
      message,
    )
  )
    return label.missing;
  const longest = /shorter than or equal to (\d+)/.exec(message);
  if (longest) return `${label.label}: högst ${longest[1]} tecken.`;
  const most = /at most (\d+)|not contain more than (\d+)/.exec(message);
  if (most) return `${label.label}: högst ${most[1] ?? most[2]}.`;
  if (/one of the following values/.test(message)) return `${label.label}: välj ett av alternativen.`;
  if (/at least|not be empty|min/.test(message)) return label.missing;
  return `${label.label}: uppgiften är felaktig.`;
}

/** The API's refusal (or a network failure) in the clerk's words, with per-field messages. */
export function clerkErrors(problem: ProblemLike, fields: FieldMap = {}): ClerkErrors {
  if (problem.code === 'VALIDATION_FAILED' || problem.code === 'MALFORMED_JSON') {
    const byId: Record<string, string> = {};
    let unknown = false;
    for (const e of problem.errors ?? []) {
      const label = fields[topField(e.field)];
      if (!label) {
        unknown = true;
        continue;
      }
      byId[label.id] ??= fieldMessage(label, e.message);
    }
    const named = Object.values(byId);
    if (named.length === 1 && !unknown) return { summary: named[0]!, fields: byId };
    if (named.length) return { summary: `Kontrollera de markerade fälten (${named.length}).`, fields: byId };
    return { summary: unknown && problem.code === 'VALIDATION_FAILED' ? STALE_PAGE : GENERIC, fields: {} };
  }
  // A rule's refusal, a conflict, a missing paragraph: the API's Swedish sentence, if it is one.
  for (const text of [problem.detail, problem.title])
    if (text && !containsIdentifier(text)) return { summary: text, fields: {} };
  return { summary: GENERIC, fields: {} };
}
