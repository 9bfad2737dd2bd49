/**
 * Delay before re-deciding after a concurrency conflict with another process (in-process
 * commands are already serialised per stream). "Full jitter": a random wait up to an
 * exponentially growing cap, so writers that collided do not retry in lockstep and collide
 * again. Attempt 0 waits up to 4 ms, then 8, 16 … at most 250 ms.
 */
export function conflictBackoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(250, 4 * 2 ** attempt);
  return Math.floor(random() * cap);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
