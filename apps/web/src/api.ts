/**
 * The API as the web app sees it: same origin, the session cookie (a bearer token only where a
 * page passes one), problem+json errors turned into ApiError with the API's Swedish `detail`
 * and stable `code`.
 */

export interface Problem {
  readonly status: number;
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

/** The network did not answer at all (server down, offline): the request may be retried. */
export class NetworkError extends Error {
  constructor(message = 'Ingen anslutning till servern.') {
    super(message);
    this.name = 'NetworkError';
  }
}

const TOKEN_KEY = 'paragraf.token';
const JUSTIFY_TOKEN_KEY = 'paragraf.justifyToken';

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  setToken: (token: string | null) =>
    token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY),
  /** The chair's or a justerare's token, for justering on the clerk's screen. */
  justifyToken: (): string | null => sessionStorage.getItem(JUSTIFY_TOKEN_KEY),
  setJustifyToken: (token: string | null) =>
    token ? sessionStorage.setItem(JUSTIFY_TOKEN_KEY, token) : sessionStorage.removeItem(JUSTIFY_TOKEN_KEY),
};

/**
 * The session's CSRF token (docs/adr/0039): set at sign-in in a cookie the page can read, sent
 * back as X-CSRF-Token on every write; the server compares it with the session's own.
 */
export function csrfHeaders(): Record<string, string> {
  const m = /(?:^|;\s*)(?:__Host-)?paragraf-csrf=([^;]+)/.exec(document.cookie);
  return m ? { 'x-csrf-token': decodeURIComponent(m[1]) } : {};
}

type Listener = (ok: boolean) => void;
const reachability = new Set<Listener>();

/** Every request reports whether the server answered; the connection banner listens. */
export function onReachability(listener: Listener): () => void {
  reachability.add(listener);
  return () => reachability.delete(listener);
}
function report(ok: boolean): void {
  for (const l of reachability) l(ok);
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly body?: unknown;
  readonly accept?: string;
  readonly idempotencyKey?: string;
  readonly token?: string | null;
  readonly signal?: AbortSignal;
  /** Extra headers, e.g. `paragraf-preview` for the live screen's previews. */
  readonly headers?: Readonly<Record<string, string>>;
}

export async function request<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json', ...opts.headers };
  const token = opts.token === undefined ? session.token() : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  if ((opts.method ?? 'GET') !== 'GET') Object.assign(headers, csrfHeaders());
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      cache: 'no-store',
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    report(false);
    throw new NetworkError();
  }
  // A proxy or a restarting server answers 502/503/504: as good as no answer.
  if (res.status === 502 || res.status === 503 || res.status === 504) {
    report(false);
    throw new NetworkError(`Servern svarar inte (${res.status}).`);
  }
  report(true);
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    let problem: Problem = { status: res.status };
    if (type.includes('json')) problem = { ...(await res.json()), status: res.status };
    throw new ApiError(problem);
  }
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as T;
}

export const newId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

// ─── the views the API answers: libs/protocol's own types, imported for their shape only ───
export type { Member, MemberRef, ProposalRef } from '@app/domain';
export type { MeetingView, ParagraphView } from '@app/protocol';
import type { MemberRef } from '@app/domain';
import { attendanceIdsOf, whoServes } from '@app/domain/serving';
import type { MeetingView, ParagraphView } from '@app/protocol';

/** A row of GET /meetings/:id (apps/api's QueryService), with the sekretess mark of the register. */
export interface ParagraphSummary {
  readonly paragraphId: string;
  readonly number: number;
  readonly caseNumber: string | null;
  readonly title: string | null;
  readonly status: 'open' | 'decided' | 'justified' | null;
  readonly revision: number;
  /** The OSL provision cited when the paragraph is marked as containing sekretess (docs/adr/0030). */
  readonly confidential?: string | null;
}
export interface MeetingWithParagraphs {
  readonly revision: number;
  readonly meeting: MeetingView;
  readonly paragraphs: readonly ParagraphSummary[];
}

export const getMeeting = (id: string) => request<MeetingWithParagraphs>(`/meetings/${id}`);
export const getParagraph = (id: string) =>
  request<{ revision: number; paragraph: ParagraphView }>(`/paragraphs/${id}`);
export const getExtract = (id: string, token?: string | null) =>
  request<string>(`/paragraphs/${id}/extract`, { accept: 'text/plain', token });

/** Who takes part now: the domain's rule of who serves, minus those who declared jäv. */
export function serving(meeting: MeetingView, paragraph?: ParagraphView | null): MemberRef[] {
  const att = meeting.attendance.at(-1);
  if (!att) return [];
  const role = new Map(meeting.members.map((m) => [m.memberId, m.role]));
  const recused = new Set((paragraph?.recusals ?? []).map((r) => r.member.memberId));
  return whoServes(att.present, attendanceIdsOf(att), (id) => role.get(id)).filter(
    (m) => !recused.has(m.memberId),
  );
}

export const memberLabel = (m: MemberRef): string => (m.party ? `${m.name} (${m.party})` : m.name);
