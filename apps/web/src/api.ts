/**
 * The API as the web app sees it: same origin, bearer token from sessionStorage, problem+json
 * errors turned into ApiError with the API's Swedish `detail` and stable `code`.
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
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  readonly accept?: string;
  readonly idempotencyKey?: string;
  readonly token?: string | null;
  readonly signal?: AbortSignal;
}

export async function request<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  const token = opts.token === undefined ? session.token() : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
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

// ─── the views the API answers (libs/protocol's MeetingView / ParagraphView, as used here) ───

export interface MemberRef {
  memberId: string;
  name: string;
  party: string;
}
export interface Member extends MemberRef {
  role: 'ledamot' | 'ersattare';
}
export interface Attendance {
  effectiveFrom: string;
  present: MemberRef[];
  absent: MemberRef[];
  servingSubstitutes: { substitute: MemberRef; forMember: MemberRef }[];
  others: { name: string; title?: string }[];
}
export interface MeetingView {
  meetingId: string;
  body: { id: string; name: string; shortName: string };
  date: string;
  startTime: string;
  place: string;
  chair: MemberRef | null;
  secretary: { name: string; title?: string };
  members: Member[];
  attendance: Attendance[];
  adjusters: MemberRef[];
  justeringAt: string | null;
  justeringPlace: string | null;
  openedAt: string | null;
  closedAt: string | null;
  justified: { by: MemberRef[]; at: string } | null;
  announced: { announcedOn: string; appealEndsOn: string; protocolKeptAt: string } | null;
}
export interface ParagraphSummary {
  paragraphId: string;
  number: number;
  caseNumber: string | null;
  title: string | null;
  status: 'open' | 'decided' | 'justified' | null;
  /** The OSL provision cited when the paragraph is marked as containing sekretess (docs/adr/0030). */
  confidential?: string | null;
}
export interface MeetingWithParagraphs {
  revision: number;
  meeting: MeetingView;
  paragraphs: ParagraphSummary[];
}

export type ProposalRef = { kind: 'proposal' } | { kind: 'motion'; motionId: string };
export interface DecisionContent {
  proposesTo?: { body: string; items: string[] };
  ownDecisions?: string[];
}
export interface Motion {
  motionId: string;
  proposer: MemberRef;
  kind: string;
  text: string | null;
  supporters: MemberRef[];
  withdrawn: boolean;
  struck: boolean;
}
export type Proceeding =
  | {
      kind: 'question';
      questionId: string;
      puts: ProposalRef[];
      finding: ProposalRef | 'rejected';
      struck: boolean;
    }
  | { kind: 'voteRequested'; voteId: string; questionId: string; requestedBy: MemberRef; struck: boolean }
  | { kind: 'voteProposition'; voteId: string; ja: ProposalRef; nej: ProposalRef; struck: boolean }
  | {
      kind: 'vote';
      voteId: string;
      tally: { ja: number; nej: number; avstar: number };
      castingVote: 'ja' | 'nej' | null;
      outcome: 'ja' | 'nej';
      struck: boolean;
    };
export interface Decision {
  decisionId: string;
  kind: 'sakbeslut' | 'aterremiss' | 'bordlaggning';
  content: DecisionContent | null;
  struck: boolean;
}
export interface ParagraphView {
  paragraphId: string;
  meetingId: string;
  number: number;
  caseNumber: string;
  title: string;
  summary: string[];
  basisDocuments: string[];
  proposal: { proposer: string; document: string | null; decision: DecisionContent };
  recusals: { member: MemberRef; reason: string | null }[];
  motions: Motion[];
  proceedings: Proceeding[];
  decisions: Decision[];
  reservations: {
    reservationId: string;
    member: MemberRef;
    decisionId: string;
    reasons: string | null;
    /** Written reasons handed in after the meeting, before justering. */
    writtenReasons: string | null;
    struck: boolean;
  }[];
  notes: { noteId: string; member: MemberRef; text: string; struck: boolean }[];
  recipients: string[];
  dispatches: { recipient: string; at: string }[];
  justering: { by: MemberRef[]; at: string; immediate: boolean } | null;
  corrections: { correctionId: string; field: string; from: string; to: string; why: string }[];
  certifications: { by: { name: string; title?: string }; at: string }[];
  strikes: { entryId: string; reason: string }[];
  status: 'open' | 'decided' | 'justified';
}

export const getMeeting = (id: string) => request<MeetingWithParagraphs>(`/meetings/${id}`);
export const getParagraph = (id: string) =>
  request<{ revision: number; paragraph: ParagraphView }>(`/paragraphs/${id}`);
export const getExtract = (id: string, token?: string | null) =>
  request<string>(`/paragraphs/${id}/extract`, { accept: 'text/plain', token });

/** Who takes part now: present ledamöter not replaced, and serving ersättare; minus jäv. */
export function serving(meeting: MeetingView, paragraph?: ParagraphView | null): MemberRef[] {
  const att = meeting.attendance.at(-1);
  if (!att) return [];
  const role = new Map(meeting.members.map((m) => [m.memberId, m.role]));
  const substitutes = new Set(att.servingSubstitutes.map((s) => s.substitute.memberId));
  const replaced = new Set(att.servingSubstitutes.map((s) => s.forMember.memberId));
  const recused = new Set((paragraph?.recusals ?? []).map((r) => r.member.memberId));
  return att.present.filter(
    (m) =>
      !recused.has(m.memberId) &&
      (substitutes.has(m.memberId) || (role.get(m.memberId) !== 'ersattare' && !replaced.has(m.memberId))),
  );
}

export const memberLabel = (m: MemberRef): string => (m.party ? `${m.name} (${m.party})` : m.name);
