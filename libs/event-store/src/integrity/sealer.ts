import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError, type EventStore } from '../port.js';
import { chainEvents } from './hash.js';
import { SEAL_EVENT, SEAL_STREAM, Verifier, type VerifyReport } from './verifier.js';

/** Events per seal at most, so a genesis over a large history stays a set of moderate events. */
export const SEAL_MAX_EVENTS = 5000;
const PAGE = 2000;

/** Feed the verifier every event after the last one it has seen. Returns how many were read. */
export async function catchUp(store: EventStore, verifier: Verifier): Promise<number> {
  const after = verifier.position;
  let n = 0;
  const from = after ?? 'start';
  // The stored text where the adapter has it: hashed as read, not parsed (docs/adr/0050).
  const pages = store.readAllRawPages
    ? store.readAllRawPages({ fromPosition: from, pageSize: PAGE })
    : store.readAllPages({ fromPosition: from, pageSize: PAGE });
  for await (const page of pages) {
    for (const e of page) {
      // readAllPages starts at the given position inclusive: skip what was already fed.
      if (after && e.position.commit <= after.commit) continue;
      verifier.feed(e);
      n++;
    }
  }
  return n;
}

/** Verify the whole store from position 0 (the CLI, the server's first pass). */
export async function verifyStore(store: EventStore): Promise<{ verifier: Verifier; report: VerifyReport }> {
  const verifier = new Verifier();
  await catchUp(store, verifier);
  return { verifier, report: verifier.result() };
}

/**
 * Seal everything written so far (in seals of at most SEAL_MAX_EVENTS events): catch the verifier
 * up, append the seal it drafts with the seal stream's expected revision, repeat. Another writer
 * sealing in between makes the append fail on the revision; the loop then reads that seal and
 * goes on from it. Returns the seals written.
 */
export async function sealStore(
  store: EventStore,
  verifier: Verifier,
  reason: string,
  options: { now?: () => Date; actor?: string; maxEvents?: number } = {},
): Promise<number> {
  const now = options.now ?? (() => new Date());
  let written = 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    await catchUp(store, verifier);
    const at = now().toISOString();
    const draft = verifier.draftSeal(reason, at, options.maxEvents ?? SEAL_MAX_EVENTS);
    if (!draft) return written;
    const { events } = chainEvents(
      SEAL_STREAM,
      [
        {
          id: randomUUID(),
          type: SEAL_EVENT,
          data: draft.data,
          metadata: { userId: options.actor ?? 'system', role: 'system', recordedAt: at },
        },
      ],
      draft.prev,
    );
    try {
      await store.appendToStream(SEAL_STREAM, events, { expectedRevision: draft.expectedRevision });
      written++;
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError)) throw err;
    }
  }
  throw new Error('sealStore: the seal stream kept moving; giving up');
}
