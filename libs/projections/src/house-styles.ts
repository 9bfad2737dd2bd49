/** A body's adopted house-style versions, read from its stream (`housestyle-<bodyId>`). */
import { houseStyleStreamId, type HouseStyleAdopted } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { AdoptedStyle, HouseStyleDocument } from '@app/protocol';
import { readStreamOrEmpty, type AsOf } from './audit.js';

/** Every adopted version, oldest first; with `asOf`, only those adopted by then (auditors' replay). */
export async function houseStyleVersions(
  store: EventStore,
  bodyId: string,
  asOf?: AsOf,
): Promise<AdoptedStyle[]> {
  const events = await readStreamOrEmpty(store, houseStyleStreamId(bodyId));
  return events
    .filter((e) => e.type === 'HouseStyleAdopted')
    .filter((e) =>
      asOf === undefined
        ? true
        : 'position' in asOf
          ? e.position.commit <= asOf.position
          : e.created.getTime() <= asOf.time.getTime(),
    )
    .map((e) => {
      const d = e.data as HouseStyleAdopted['data'];
      return {
        bodyId: d.bodyId,
        version: d.version,
        adoptedAt: d.adoptedAt,
        // Validated before it was adopted (libs/protocol validateHouseStyle).
        style: d.style as unknown as HouseStyleDocument,
      };
    });
}
