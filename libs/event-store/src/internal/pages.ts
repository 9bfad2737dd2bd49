import type { EventStore, Position, ReadAllPagesOptions, StoredEvent } from '../port.js';

/**
 * `readAllPages` on top of `readAll`, for adapters without read-ahead. Positions need not be
 * consecutive (EventStoreDB's are not), so each next page starts at the last event seen,
 * inclusive, and drops it.
 */
export async function* pagesFromReadAll(
  store: Pick<EventStore, 'readAll'>,
  options: ReadAllPagesOptions,
): AsyncGenerator<StoredEvent[]> {
  const size = options.pageSize;
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`pageSize must be a positive integer: ${size}`);
  let page = await store.readAll({ fromPosition: options.fromPosition ?? 'start', maxCount: size });
  for (;;) {
    if (page.length > 0) yield options.metadata === false ? withoutMetadata(page) : page;
    if (page.length < size) return;
    const last: Position = page[page.length - 1].position;
    const next = await store.readAll({ fromPosition: last, maxCount: size + 1 });
    page = next.filter((e) => after(e.position, last));
    if (page.length > size) page.length = size;
  }
}

function after(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}

/** The metadata left out but for `schemaVersion`, by which events are upcast (docs/adr/0043). */
export function withoutMetadata(page: readonly StoredEvent[]): StoredEvent[] {
  return page.map((e) => ({
    ...e,
    metadata: e.metadata.schemaVersion === undefined ? {} : { schemaVersion: e.metadata.schemaVersion },
  }));
}
