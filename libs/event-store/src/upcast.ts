import type { JsonObject, StoredEvent } from './port.js';

/**
 * Upcasting on read (docs/adr/0043). Every event records the schema version of its `data`
 * (metadata `schemaVersion`; an event without one is version 1). An adapter given an upcaster
 * brings each event it reads to the current version of its type, on every read path (stream
 * reads, `$all`, catch-up pages including the read-ahead thread's, subscriptions), so no reader
 * sees an old shape. The catalogue of versions and the upcasters are the domain's
 * (libs/domain/src/upcasting.ts); this library knows only this interface.
 */
export interface EventUpcaster {
  /** The current schema version of `type` (1 for a type the catalogue does not know). */
  currentVersion(type: string): number;
  /** `data` stored at `version`, in the shape of the current version. */
  upcast(type: string, version: number, data: JsonObject): JsonObject;
}

/**
 * What an upcast event keeps of what is stored, in its metadata: the stored data and version.
 * The hash chain is over the stored event (hash.ts restores it), and an auditor sees both.
 */
export interface UpcastFrom {
  readonly schemaVersion: number | null;
  readonly data: JsonObject;
}

export const UPCAST_FROM = 'upcastFrom';

/** The schema version an event was stored with. */
export function storedSchemaVersion(metadata: JsonObject | undefined): number {
  const v = metadata?.schemaVersion;
  return typeof v === 'number' ? v : 1;
}

/** The event in its type's current shape; the same object when it already is. */
export function upcastEvent(event: StoredEvent, upcaster: EventUpcaster | undefined): StoredEvent {
  if (!upcaster) return event;
  const current = upcaster.currentVersion(event.type);
  const stored = storedSchemaVersion(event.metadata);
  if (stored >= current) return event;
  const from: UpcastFrom = {
    schemaVersion: typeof event.metadata.schemaVersion === 'number' ? event.metadata.schemaVersion : null,
    data: event.data,
  };
  return {
    ...event,
    data: upcaster.upcast(event.type, stored, event.data),
    metadata: { ...event.metadata, schemaVersion: current, [UPCAST_FROM]: from as unknown as JsonObject },
  };
}

/** The event as it is stored: an upcast event's stored data and metadata. */
export function asStored<E extends { readonly data: JsonObject; readonly metadata?: JsonObject }>(
  event: E,
): E {
  const from = event.metadata?.[UPCAST_FROM] as UpcastFrom | undefined;
  if (!from) return event;
  const { [UPCAST_FROM]: _from, schemaVersion: _version, ...rest } = event.metadata!;
  return {
    ...event,
    data: from.data,
    metadata: from.schemaVersion === null ? rest : { ...rest, schemaVersion: from.schemaVersion },
  };
}
