import { v5 as uuidv5 } from 'uuid';
import { uuidv7 } from '../infra/uuid.js';
import type { User } from '../auth/users.js';

/** Fixed namespace for ids derived from an Idempotency-Key (docs/adr/0007). Never change it. */
export const IDEMPOTENCY_NAMESPACE = '5b0f3c55-8f0e-4b51-9a7c-6a1f0a3e2d71';

/** Who asks and how to trace it: everything a command's event metadata records. */
export interface CommandContext {
  readonly user: User;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly requestId: string;
  /** When the command reached the server (ISO instant); the domain itself has no clock. */
  readonly recordedAt: string;
  /** Client's Idempotency-Key, scoped to the user. */
  readonly idempotencyKey?: string;
  /** `If-Match` revision, when the client asked for strict concurrency. */
  readonly ifMatch?: bigint;
  /** How the user was identified (a justering signature records it). */
  readonly signedInWith?: 'token' | 'oidc' | 'development';
  /** Decide but do not append: the answer is the sentence the entry would add (docs/adr/0045). */
  readonly preview?: boolean;
}

export function newCommandContext(args: {
  user: User;
  requestId: string;
  correlationId?: string;
  causationId?: string;
  idempotencyKey?: string;
  ifMatch?: bigint;
  preview?: boolean;
  now?: Date;
  signedInWith?: 'token' | 'oidc' | 'development';
}): CommandContext {
  const commandId = args.idempotencyKey ? derivedId(args.user, args.idempotencyKey, 'command') : uuidv7();
  return {
    user: args.user,
    commandId,
    requestId: args.requestId,
    correlationId: args.correlationId ?? args.requestId,
    causationId: args.causationId ?? commandId,
    recordedAt: (args.now ?? new Date()).toISOString(),
    idempotencyKey: args.idempotencyKey,
    ifMatch: args.ifMatch,
    ...(args.signedInWith ? { signedInWith: args.signedInWith } : {}),
    ...(args.preview ? { preview: true } : {}),
  };
}

function derivedId(user: User, key: string, name: string): string {
  // The user is part of the name: two clients may well choose the same key.
  return uuidv5(`${user.id}:${key}:${name}`, IDEMPOTENCY_NAMESPACE);
}

/**
 * Id of a new thing (meeting, paragraph, motion …) or event. With an Idempotency-Key it is
 * derived from the key, so a retry produces the very same ids; otherwise a time-ordered v7.
 */
export function newId(ctx: CommandContext, name: string): string {
  return ctx.idempotencyKey ? derivedId(ctx.user, ctx.idempotencyKey, name) : uuidv7();
}

/** Who, when, which command and request: each event adds its type's `schemaVersion`. */
export function eventMetadata(ctx: CommandContext): Record<string, unknown> {
  return {
    userId: ctx.user.id,
    role: ctx.user.role,
    recordedAt: ctx.recordedAt,
    commandId: ctx.commandId,
    correlationId: ctx.correlationId,
    causationId: ctx.causationId,
    requestId: ctx.requestId,
  };
}
