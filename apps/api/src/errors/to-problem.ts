import { HttpException } from '@nestjs/common';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedVersionError } from '@app/event-store';
import { AccessDenied } from '../auth/policy.js';
import {
  ParagraphNumberWasReleased,
  PreviewNotOffered,
  RevisionMismatch,
  StreamMissing,
} from '../commands/command-errors.js';
import { ProblemException, problems } from './problem.js';

/** A domain rule refusal: the decider's RuleViolation (stable `code`, Swedish `message`). */
interface RuleViolationLike extends Error {
  readonly code: string;
  readonly details?: Record<string, unknown>;
}

function isRuleViolation(err: unknown): err is RuleViolationLike {
  return (
    err instanceof Error &&
    err.name === 'RuleViolation' &&
    typeof (err as { code?: unknown }).code === 'string'
  );
}

/** Fastify's own client errors (body parsing, limits) carry a `code` and a 4xx `statusCode`. */
interface FastifyClientError extends Error {
  readonly code: string;
  readonly statusCode: number;
}

function isFastifyClientError(err: unknown): err is FastifyClientError {
  const e = err as { code?: unknown; statusCode?: unknown };
  return (
    err instanceof Error &&
    typeof e.code === 'string' &&
    e.code.startsWith('FST_') &&
    typeof e.statusCode === 'number' &&
    e.statusCode >= 400 &&
    e.statusCode < 500
  );
}

/**
 * Map anything thrown while serving a request to a problem. Only errors we do not recognise
 * become 500; everything a client can cause is mapped to a 4xx here.
 */
export function toProblem(err: unknown, bodyLimit: number): ProblemException {
  if (err instanceof ProblemException) return err;
  if (isRuleViolation(err))
    return problems.ruleViolation(err.code, err.message, err.details ? { details: err.details } : {});
  if (err instanceof AccessDenied) return problems.forbidden(err.detail, { ...err.extra });
  // The command path's own refusals (commands/command-errors.ts).
  if (err instanceof StreamMissing) return problems.notFound(err.message);
  if (err instanceof RevisionMismatch) return problems.preconditionFailed(err.expected, err.actual);
  if (err instanceof PreviewNotOffered)
    return problems.validation([{ field: 'Paragraf-Preview', message: err.message }]);
  if (err instanceof ParagraphNumberWasReleased) return problems.numberReleased();
  if (err instanceof WrongExpectedVersionError) return problems.conflict(err.streamId, err.actual);
  if (err instanceof StreamNotFoundError) return problems.notFound(`${err.streamId} finns inte.`);
  if (err instanceof StoreUnavailableError) return problems.storeUnavailable(err.retryAfterSeconds);
  if (isFastifyClientError(err)) {
    if (err.statusCode === 413) return problems.payloadTooLarge(bodyLimit);
    if (err.statusCode === 415) return problems.unsupportedMediaType();
    if (err.code.startsWith('FST_ERR_CTP')) return problems.malformedJson(err.message);
    return new ProblemException({
      status: err.statusCode,
      code: err.code,
      title: 'Ogiltig begäran',
      detail: err.message,
    });
  }
  if (err instanceof SyntaxError && (err as { statusCode?: number }).statusCode === 400) {
    return problems.malformedJson(err.message);
  }
  if (err instanceof HttpException) {
    // Nest wraps Fastify's own client errors (body parsing, limits); the cause says which.
    if (isFastifyClientError(err.cause)) return toProblem(err.cause, bodyLimit);
    const status = err.getStatus();
    if (status === 404) return problems.notFound('Resursen finns inte.');
    if (status === 413) return problems.payloadTooLarge(bodyLimit);
    if (status === 503) {
      // Terminus: a dependency is down; keep its report.
      return new ProblemException({
        status,
        code: 'UNAVAILABLE',
        title: 'Tjänsten är inte tillgänglig',
        detail: 'En del av systemet svarar inte.',
        health: err.getResponse(),
      });
    }
    if (status < 500) {
      const res = err.getResponse();
      const detail =
        typeof res === 'string' ? res : String((res as { message?: unknown }).message ?? err.message);
      return new ProblemException({ status, title: 'Ogiltig begäran', detail });
    }
  }
  return problems.internal();
}
