import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

const POOL = Buffer.allocUnsafe(16 * 256);
let used = POOL.length;

/**
 * A time-ordered uuid v7. Its random bits come from a pool refilled once every 256 ids: the
 * uuid package asks the system for 16 random bytes per id, which was ~3 % of a command's time.
 */
export function uuidv7(): string {
  if (used === POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  const random = POOL.subarray(used, used + 16);
  used += 16;
  return v7({ random });
}
