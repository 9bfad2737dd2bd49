/**
 * What the command path refuses, as errors of its own: the path knows nothing of HTTP, and
 * errors/to-problem.ts is the one place that turns these into problem+json (docs/adr/0051).
 * Messages are Swedish: a clerk reads them.
 */

/** The stream a command needs does not exist (a meeting, a paragraph). */
export class StreamMissing extends Error {
  override readonly name = 'StreamMissing';
}

/** The client asked for strict concurrency (`If-Match`) and the stream is at another revision. */
export class RevisionMismatch extends Error {
  override readonly name = 'RevisionMismatch';
  constructor(
    readonly expected: string,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Expected revision ${expected}, the stream is at ${String(actual)}`);
  }
}

/** A preview was asked of a command that puts no sentence in the protocol. */
export class PreviewNotOffered extends Error {
  override readonly name = 'PreviewNotOffered';
  constructor() {
    super('Bara en post i ett ärende kan förhandsgranskas.');
  }
}

/**
 * A retried opening (same Idempotency-Key) whose § number was released meanwhile: the
 * reservation it would replay is gone, and a new one needs a new command.
 */
export class ParagraphNumberWasReleased extends Error {
  override readonly name = 'ParagraphNumberWasReleased';
}
