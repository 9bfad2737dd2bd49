/**
 * RFC 9457 problem details. Every error the API answers is one of these, rendered by
 * ProblemFilter; `title`/`detail` are Swedish where a clerk reads them.
 */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

interface ProblemFields {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  /** Stable machine-readable code (domain rule codes, or the API's own). */
  readonly code?: string;
  readonly errors?: readonly FieldError[];
  /** The stream's revision now (null: the stream does not exist). */
  readonly currentRevision?: number | null;
}

/** RFC 9457 members plus extension members. */
export type ProblemInit = ProblemFields & Readonly<Record<string, unknown>>;
export type ProblemBody = ProblemInit & { readonly type: string };

const TYPE_BASE = 'https://paragraf.se/problems/';

export class ProblemException extends Error {
  constructor(readonly problem: ProblemInit) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }

  get status(): number {
    return this.problem.status;
  }

  body(instance?: string): ProblemBody {
    const type = this.problem.type ?? `${TYPE_BASE}${slug(this.problem.code ?? String(this.problem.status))}`;
    return { ...this.problem, type, ...(instance ? { instance } : {}) };
  }
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

// The API's own problems, one constructor each so titles and codes stay consistent.
export const problems = {
  validation: (errors: FieldError[]) =>
    new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Ogiltig begäran',
      detail:
        errors.length === 1
          ? `Fältet ${errors[0].field} är felaktigt: ${errors[0].message}`
          : `${errors.length} fält är felaktiga.`,
      errors,
    }),
  malformedJson: (message: string) =>
    new ProblemException({
      status: 400,
      code: 'MALFORMED_JSON',
      title: 'Ogiltig begäran',
      detail: 'Begärans innehåll är inte giltig JSON.',
      errors: [{ field: 'body', message }],
    }),
  unsupportedMediaType: () =>
    new ProblemException({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      title: 'Innehållstypen stöds inte',
      detail: 'Begärans innehåll måste skickas som application/json.',
    }),
  unauthenticated: (detail = 'Ange en giltig bearer-token i Authorization-huvudet.') =>
    new ProblemException({ status: 401, code: 'UNAUTHENTICATED', title: 'Inloggning krävs', detail }),
  tooManyAuthFailures: (retryAfterSeconds: number) =>
    new ProblemException({
      status: 429,
      code: 'TOO_MANY_AUTH_FAILURES',
      title: 'För många misslyckade inloggningar',
      detail: `För många försök med ogiltig token från din adress. Försök igen om ${retryAfterSeconds} sekunder.`,
    }),
  csrf: () =>
    new ProblemException({
      status: 403,
      code: 'CSRF_REJECTED',
      title: 'Begäran avvisad',
      detail:
        'Begäran kom inte från Paragrafs egen sida (CSRF-token saknas, är fel eller begäran kom från en annan webbplats). Ladda om sidan och försök igen.',
    }),
  forbidden: (detail: string, extra: Record<string, unknown> = {}) =>
    new ProblemException({
      status: 403,
      code: 'FORBIDDEN',
      title: 'Åtgärden är inte tillåten',
      detail,
      ...extra,
    }),
  notFound: (detail: string) =>
    new ProblemException({ status: 404, code: 'NOT_FOUND', title: 'Hittades inte', detail }),
  notAcceptable: (offered: readonly string[]) =>
    new ProblemException({
      status: 406,
      code: 'NOT_ACCEPTABLE',
      title: 'Formatet kan inte levereras',
      detail: `Tillgängliga format: ${offered.join(', ')}.`,
    }),
  conflict: (streamId: string, currentRevision: bigint | 'no_stream') =>
    new ProblemException({
      status: 409,
      code: 'CONCURRENCY_CONFLICT',
      title: 'Samtidig ändring',
      detail: 'Någon annan ändrade samma ärende samtidigt. Läs om och försök igen.',
      stream: streamId,
      currentRevision: currentRevision === 'no_stream' ? null : Number(currentRevision),
    }),
  preconditionFailed: (expected: string, currentRevision: bigint | 'no_stream') =>
    new ProblemException({
      status: 412,
      code: 'PRECONDITION_FAILED',
      title: 'Versionen stämmer inte',
      detail: `If-Match angav version ${expected}, men aktuell version är ${currentRevision === 'no_stream' ? 'ingen' : String(currentRevision)}.`,
      currentRevision: currentRevision === 'no_stream' ? null : Number(currentRevision),
    }),
  badIfMatch: (value: string) =>
    problems.validation([{ field: 'If-Match', message: `must be a revision number, got "${value}"` }]),
  payloadTooLarge: (limit: number) =>
    new ProblemException({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      title: 'Begäran är för stor',
      detail: `Begärans innehåll får vara högst ${Math.round(limit / 1024)} kB.`,
    }),
  idempotencyKeyReused: () =>
    new ProblemException({
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      title: 'Idempotency-Key återanvänd',
      detail: 'Nyckeln har redan använts för en annan begäran. Använd en ny nyckel för en ny begäran.',
    }),
  numberReleased: () =>
    new ProblemException({
      status: 409,
      code: 'PARAGRAPH_NUMBER_RELEASED',
      title: 'Paragrafnumret är släppt',
      detail:
        'Öppnandet avbröts och dess paragrafnummer gavs tillbaka. Öppna ärendet igen med en ny Idempotency-Key.',
    }),
  readModelsBehind: () =>
    new ProblemException({
      status: 503,
      code: 'READ_MODELS_BEHIND',
      title: 'Protokollet är inte uppdaterat än',
      detail: 'Protokollet har ännu inte hunnit ikapp de senaste ändringarna. Försök igen om en stund.',
    }),
  idempotencyInFlight: () =>
    new ProblemException({
      status: 409,
      code: 'IDEMPOTENCY_KEY_IN_FLIGHT',
      title: 'Begäran pågår redan',
      detail: 'En begäran med samma Idempotency-Key behandlas just nu. Försök igen om en stund.',
    }),
  ruleViolation: (code: string, message: string, extra: Record<string, unknown> = {}) =>
    new ProblemException({
      status: 422,
      code,
      title: 'Regeln tillåter inte åtgärden',
      detail: message,
      ...extra,
    }),
  storeUnavailable: (retryAfter: number) =>
    new ProblemException({
      status: 503,
      code: 'STORE_UNAVAILABLE',
      title: 'Tjänsten är inte tillgänglig',
      detail: `Händelselagret svarar inte just nu. Inget har registrerats. Försök igen om ${retryAfter} sekunder.`,
      retryAfter,
    }),
  internal: () =>
    new ProblemException({
      status: 500,
      code: 'INTERNAL',
      title: 'Internt fel',
      detail: 'Ett oväntat fel inträffade. Felet är loggat.',
    }),
};
