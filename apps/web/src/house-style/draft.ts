/**
 * The house style being edited, as the editor holds it (settings as text, templates by key), and
 * the way back to the JSON document the API validates (docs/adr/0018). Pure functions.
 */

export interface StyleDocument {
  id?: unknown;
  name?: unknown;
  locale?: unknown;
  extends?: unknown;
  settings?: Record<string, unknown>;
  templates?: Record<string, unknown>;
}

export interface SettingDraft {
  readonly key: string;
  /** Plain text for a text setting; JSON for lists and objects. */
  readonly kind: 'text' | 'json';
  readonly text: string;
  /** Left out of the style when empty (the writer's default applies). */
  readonly optional?: boolean;
}

export interface Draft {
  readonly id: string;
  readonly name: string;
  readonly locale: string;
  /** A shipped style this one builds on, or ''. */
  readonly extends: string;
  readonly settings: readonly SettingDraft[];
  /** A template left undefined is taken from the style it extends. */
  readonly templates: Readonly<Record<string, string | undefined>>;
}

export interface Catalogue {
  templates: Record<string, Record<string, unknown>>;
  lineTemplates: Record<string, Record<string, unknown>>;
  /** The variables a section's heading may use, when the server names them. */
  headingVariables?: Record<string, unknown>;
  sections: string[];
  filters: string[];
  shipped: { id: string; name: string }[];
  default: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function draftOf(doc: StyleDocument, optional: readonly string[] = []): Draft {
  const present = Object.entries(doc.settings ?? {}).map(([key, value]): SettingDraft =>
    typeof value === 'string'
      ? { key, kind: 'text', text: value }
      : { key, kind: 'json', text: JSON.stringify(value, null, 2) },
  );
  const settings = [
    ...present.map((s) => (optional.includes(s.key) ? { ...s, optional: true } : s)),
    ...optional
      .filter((key) => !present.some((s) => s.key === key))
      .map((key): SettingDraft => ({ key, kind: 'text', text: '', optional: true })),
  ];
  const templates: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(doc.templates ?? {})) templates[key] = str(value);
  return {
    id: str(doc.id),
    name: str(doc.name),
    locale: str(doc.locale) || 'sv-SE',
    extends: str(doc.extends),
    settings,
    templates,
  };
}

/** A field of the editor: `id`, `name`, `settings.<key>`, `templates.<key>`, … */
export type FieldKey = string;

export interface Built {
  readonly style: StyleDocument | null;
  /** Problems found before asking the server (a setting that is not valid JSON). */
  readonly problems: Readonly<Record<FieldKey, string[]>>;
}

/** The document to send, or the problems that stop it from being sent. */
export function buildStyle(draft: Draft): Built {
  const problems: Record<FieldKey, string[]> = {};
  const settings: Record<string, unknown> = {};
  for (const s of draft.settings) {
    if (s.kind === 'text') {
      if (!(s.optional && s.text === '')) settings[s.key] = s.text;
      continue;
    }
    try {
      settings[s.key] = JSON.parse(s.text);
    } catch (error) {
      problems[`settings.${s.key}`] = [
        `Inställningen är inte giltig JSON: ${jsonProblem(error)} Kontrollera citattecken, kommatecken och klamrar.`,
      ];
    }
  }
  const templates: Record<string, string> = {};
  for (const [key, value] of Object.entries(draft.templates)) if (value !== undefined) templates[key] = value;
  if (Object.keys(problems).length > 0) return { style: null, problems };
  return {
    style: {
      id: draft.id,
      name: draft.name,
      locale: draft.locale,
      ...(draft.extends ? { extends: draft.extends } : {}),
      settings,
      templates,
    },
    problems,
  };
}

function jsonProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  return at ? `fel vid tecken ${Number(at[1]) + 1}.` : 'texten kan inte läsas.';
}

/**
 * The API's 400 names each problem by its path in the request (`style.templates.caseNumber`,
 * `style.settings.sections[2].section`). Each goes to the editor's field; a problem deeper inside
 * a setting says where, in words.
 */
export function problemsByField(
  errors: readonly { field: string; message: string }[],
  draft: Draft,
): Record<FieldKey, string[]> {
  const out: Record<FieldKey, string[]> = {};
  const add = (key: FieldKey, message: string) => (out[key] ??= []).push(message);
  for (const { field, message } of errors) {
    const path = field.replace(/^style\.?/, '');
    if (path.startsWith('templates.')) {
      const key = path.slice('templates.'.length);
      add(key in draft.templates ? `templates.${key}` : 'general', message);
      continue;
    }
    if (path.startsWith('settings.') || path.startsWith('settings[')) {
      const rest = path.slice('settings.'.length);
      const top = /^[^.[]+/.exec(rest)?.[0] ?? '';
      const inner = rest.slice(top.length);
      const where = whereInSetting(inner);
      if (draft.settings.some((s) => s.key === top))
        add(`settings.${top}`, where ? `${where}: ${message}` : message);
      else add('settings', `${top ? `Inställningen ”${top}” saknas eller är fel. ` : ''}${message}`);
      continue;
    }
    if (path === 'settings' || path === 'templates') {
      add('general', message);
      continue;
    }
    const top = /^[^.[]+/.exec(path)?.[0] ?? '';
    add(['id', 'name', 'locale', 'extends'].includes(top) ? top : 'general', message);
  }
  return out;
}

/** `[2].section` → `Post 3, ”section”`; `.protocol` → `Vid ”protocol”`. */
function whereInSetting(inner: string): string {
  if (!inner) return '';
  const parts: string[] = [];
  for (const m of inner.matchAll(/\[(\d+)\]|\.([^.[]+)/g)) {
    if (m[1] !== undefined) parts.push(`post ${Number(m[1]) + 1}`);
    else parts.push(`”${m[2]}”`);
  }
  const text = parts.join(', ');
  return text.startsWith('post') ? `P${text.slice(1)}` : `Vid ${text}`;
}

export const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);
