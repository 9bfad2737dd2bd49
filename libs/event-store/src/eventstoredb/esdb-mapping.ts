import { StoreUnavailableError, type JsonObject } from '../port.js';

/**
 * The client's error types (its `ErrorType` values) and gRPC status codes that mean "the
 * server cannot serve this now": no connection, no leader, a deadline passed.
 */
const TRANSIENT_TYPES = new Set(['unavailable', 'not-leader', 'deadline-exceeded', 'timeout']);
const TRANSIENT_GRPC_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

/** A transport error as the port's StoreUnavailableError; anything else unchanged. */
export function translateError(err: unknown): unknown {
  const e = err as { type?: unknown; code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return err;
  if (typeof e.type === 'string' && TRANSIENT_TYPES.has(e.type)) {
    return new StoreUnavailableError(
      `${e.type}: ${String(e.message ?? '')}`,
      e.type === 'not-leader' ? 1 : 2,
    );
  }
  if (typeof e.code === 'number' && TRANSIENT_GRPC_CODES.has(e.code)) {
    return new StoreUnavailableError(`gRPC ${e.code}: ${String(e.message ?? '')}`);
  }
  return err;
}

/**
 * EventStoreDB's system projections ($by_correlation_id and friends) read correlation and
 * causation from `$correlationId` / `$causationId`. They are written beside Paragraf's own
 * keys and removed on reading, so every adapter returns the metadata it was given.
 */
export function toEsdbMetadata(metadata: JsonObject): JsonObject {
  const { correlationId, causationId } = metadata;
  return {
    ...metadata,
    ...(typeof correlationId === 'string' ? { $correlationId: correlationId } : {}),
    ...(typeof causationId === 'string' ? { $causationId: causationId } : {}),
  };
}

export function fromEsdbMetadata(metadata: JsonObject): JsonObject {
  if (!('$correlationId' in metadata) && !('$causationId' in metadata)) return metadata;
  const { $correlationId, $causationId, ...rest } = metadata;
  // Written by another client with only the system keys: keep them under Paragraf's names.
  return {
    ...rest,
    ...(rest.correlationId === undefined && $correlationId !== undefined
      ? { correlationId: $correlationId }
      : {}),
    ...(rest.causationId === undefined && $causationId !== undefined ? { causationId: $causationId } : {}),
  };
}
