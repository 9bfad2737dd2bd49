import { describe, expect, it } from '@jest/globals';
import type { Writes } from '../projection.js';
import { RowCache } from './cache.js';

/** A cache of capacity 1 (it evicts at every flush) over a "file" that counts its reads; `retainedFlushes` from the sink. */
function cacheKeeping(retainedFlushes: number) {
  const file = new Map<string, number>();
  const loads: string[] = [];
  const writes: Writes = { retainedFlushes, run: () => undefined };
  const cache = new RowCache<number>(
    writes,
    (key) => {
      loads.push(key);
      return file.get(key);
    },
    (key, row) => file.set(key, row),
    1,
  );
  return { cache, loads };
}

/** Flush k writes key `k`; returns which keys had to be read back from the file afterwards. */
function readBackAfterFlushes(retainedFlushes: number): string[] {
  const { cache, loads } = cacheKeeping(retainedFlushes);
  for (const key of ['a', 'b', 'c', 'd']) {
    cache.set(key, 1);
    cache.flush();
  }
  loads.length = 0;
  for (const key of ['a', 'b', 'c', 'd']) cache.get(key);
  return loads;
}

describe('RowCache keeps the rows of the flushes its sink says may not be in the file yet', () => {
  it('with write-behind (2 flushes: one batch in flight, one being built) the last two stay cached', () => {
    expect(readBackAfterFlushes(2)).toEqual(['a', 'b']);
  });

  it('inline (1 flush) only the last stays cached', () => {
    expect(readBackAfterFlushes(1)).toEqual(['a', 'b', 'c']);
  });

  it('a deeper pipeline (3 flushes) keeps three', () => {
    expect(readBackAfterFlushes(3)).toEqual(['a']);
  });
});
