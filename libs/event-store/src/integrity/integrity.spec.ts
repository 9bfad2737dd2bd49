import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '../memory/index.js';
import type { EventData } from '../port.js';
import fc from 'fast-check';
import {
  canonicalContent,
  canonicalContentReference,
  chainEvents,
  ChainTracker,
  contentHash,
  headOf,
} from './hash.js';
import { sealStore, verifyStore } from './sealer.js';
import { SEAL_STREAM } from './verifier.js';

const event = (type: string, data: Record<string, unknown> = {}): EventData => ({
  id: randomUUID(),
  type,
  data,
  metadata: { userId: 'u', role: 'clerk', recordedAt: new Date().toISOString() },
});

describe('hash chain', () => {
  it('hashes RFC 8785 canonical JSON: key order and undefined fields do not matter', () => {
    const a = {
      id: 'x',
      streamId: 's',
      type: 'T',
      data: { b: 1, a: 'å', c: undefined },
      metadata: { z: 1, y: 2 },
    };
    const b = { id: 'x', streamId: 's', type: 'T', data: { a: 'å', b: 1 }, metadata: { y: 2, z: 1 } };
    expect(contentHash(a, null)).toBe(contentHash(b, null));
    expect(canonicalContent(b, null)).toBe(
      '{"data":{"a":"å","b":1},"id":"x","metadata":{"y":2,"z":1},"prev":null,"streamId":"s","type":"T","v":1}',
    );
    // The chain fields themselves are never hashed; the predecessor is, through `prev`.
    expect(contentHash({ ...b, metadata: { ...b.metadata, sha256: 'x', prev: 'y' } }, null)).toBe(
      contentHash(b, null),
    );
    expect(contentHash(b, 'a'.repeat(64))).not.toBe(contentHash(b, null));
  });

  it('writes exactly what the RFC 8785 library writes for the whole object, for any JSON', () => {
    const json = fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<Record<string, unknown>>;
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        json,
        json,
        fc.option(fc.stringMatching(/^[0-9a-f]{64}$/)),
        (id, streamId, type, data, metadata, prev) => {
          const e = { id, streamId, type, data, metadata };
          expect(canonicalContent(e, prev)).toBe(canonicalContentReference(e, prev));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('links each event to its predecessor in the stream', async () => {
    const store = new MemoryEventStore();
    const chain = new ChainTracker();
    await store.appendToStream('s-1', chain.chain('s-1', [event('A'), event('B')]));
    await store.appendToStream('s-1', chain.chain('s-1', [event('C')]));
    const stored = await store.readStream('s-1');
    expect(stored[0].metadata.prev).toBeNull();
    expect(stored[1].metadata.prev).toBe(stored[0].metadata.sha256);
    expect(stored[2].metadata.prev).toBe(stored[1].metadata.sha256);
    expect(headOf(stored)).toBe(chain.head('s-1'));
    expect((await verifyStore(store)).report).toMatchObject({ ok: true, checkedEvents: 3, breaks: [] });
  });
});

describe('seals and the genesis', () => {
  it('seals what was written, verifies the seal, and writes no seal over seals alone', async () => {
    const store = new MemoryEventStore();
    const chain = new ChainTracker();
    await store.appendToStream('s-1', chain.chain('s-1', [event('A'), event('B')]));
    const { verifier } = await verifyStore(store);
    expect(await sealStore(store, verifier, 'test')).toBe(1);
    expect(await sealStore(store, verifier, 'test')).toBe(0);
    await store.appendToStream('s-2', chain.chain('s-2', [event('C')]));
    expect(await sealStore(store, verifier, 'test', { maxEvents: 1 })).toBe(2);
    const { report } = await verifyStore(store);
    // Only the last two seals are not yet sealed themselves.
    expect(report).toMatchObject({ ok: true, seals: 3, unsealedEvents: 2, legacyEvents: 0 });
    const seals = await store.readStream(SEAL_STREAM);
    expect(seals[0].data).toMatchObject({
      count: 2,
      genesis: false,
      heads: { 's-1': [1, chain.head('s-1')] },
    });
  });

  it('events written before chaining are unsealed until a genesis seal covers them, then chained on', async () => {
    const store = new MemoryEventStore();
    await store.appendToStream('old-1', [event('A'), event('B')]);
    const first = await verifyStore(store);
    expect(first.report.ok).toBe(false);
    expect(first.report.breaks).toEqual([
      expect.objectContaining({ streamId: 'old-1', revision: 0, kind: 'unsealed' }),
    ]);
    expect(await sealStore(store, first.verifier, 'genesis')).toBe(1);
    expect((await store.readStream(SEAL_STREAM))[0].data).toMatchObject({ genesis: true, count: 2 });
    // The command path continues the stream from the unchained prefix's computed head.
    const head = headOf(await store.readStream('old-1'));
    await store.appendToStream('old-1', chainEvents('old-1', [event('C')], head).events);
    expect((await verifyStore(store)).report).toMatchObject({ ok: true, legacyEvents: 2 });
    // An unchained event after chaining began is a break, not legacy.
    await store.appendToStream('old-1', [event('D')]);
    expect((await verifyStore(store)).report.breaks).toContainEqual(
      expect.objectContaining({ streamId: 'old-1', revision: 3, kind: 'changed' }),
    );
  });
});
