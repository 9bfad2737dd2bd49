import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { Subject } from 'rxjs';
import { MemoryEventStore } from '@app/event-store';
import {
  ALL_PROJECTIONS,
  openReadModelDb,
  type CommittedEvent,
  type LiveProjections,
} from '@app/projections';
import { LiveHub } from './live-hub.js';

/** A response whose client never reads: everything written stays buffered. */
class StuckResponse extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  writableEnded = false;
  text = '';
  write(chunk: string) {
    this.writableLength += Buffer.byteLength(chunk);
    this.text += chunk;
    return false;
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
  }
}

function setUp(maxBufferedBytes: number, maxPerAddress = 10) {
  const committed = new Subject<{ position: bigint; events: CommittedEvent[] }>();
  const runner = { committed, position: 0n } as unknown as LiveProjections;
  const db = openReadModelDb(':memory:');
  for (const p of ALL_PROJECTIONS) p.migrate(db);
  const hub = new LiveHub(runner, new MemoryEventStore(), db, {
    maxClients: 10,
    maxPerAddress,
    maxBufferedBytes,
    heartbeatMs: 60_000,
  });
  let position = 0n;
  const publish = (meetingId: string, n: number) =>
    committed.next({
      position: position + BigInt(n),
      events: Array.from({ length: n }, () => ({
        position: ++position,
        streamId: `meeting-${meetingId}`,
        type: 'AttendanceRecorded',
        data: { meetingId, present: ['x'.repeat(200)] },
        created: new Date(),
      })),
    });
  return { hub, publish };
}

/** Frames are flushed on a short timer: wait for the condition, with a generous limit. */
async function until(done: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
const count = (r: StuckResponse) => r.text.match(/^event: AttendanceRecorded$/gm)?.length ?? 0;

describe('LiveHub', () => {
  it('drops a client that does not read once its buffer passes the bound; a reading one stays', async () => {
    const { hub, publish } = setUp(4096);
    const stuck = new StuckResponse();
    const reading = new StuckResponse();
    reading.write = (chunk: string) => {
      reading.text += chunk; // read at once: nothing stays buffered
      return true;
    };
    await hub.attach('m1', stuck as unknown as Socket, 'a', 'r1');
    await hub.attach('m1', reading as unknown as Socket, 'b', 'r2');
    expect(hub.size).toBe(2);
    for (let i = 0; i < 20; i++) {
      publish('m1', 2);
      await until(() => count(reading) === 2 * (i + 1)); // each batch flushed before the next
    }
    expect(stuck.destroyed).toBe(true);
    expect(reading.destroyed).toBe(false);
    expect(hub.size).toBe(1);
    expect(hub.dropped).toBe(1);
    expect(count(reading)).toBe(40);
    expect(reading.text.startsWith('HTTP/1.1 200 OK\r\ncontent-type: text/event-stream')).toBe(true);
    await hub.closeAll();
    expect(reading.writableEnded).toBe(true);
  });

  it('admits up to the caps per address and in total; none once closed', async () => {
    const { hub } = setUp(4096, 3);
    const attach = (address: string) =>
      hub.attach('m1', new StuckResponse() as unknown as Socket, address, 'r');
    for (let i = 0; i < 3; i++) await attach('same');
    expect(hub.admit('same')).toEqual({ ok: false, reason: 'address' });
    for (let i = 0; i < 7; i++) {
      expect(hub.admit(`other-${i}`)).toEqual({ ok: true });
      await attach(`other-${i}`);
    }
    expect(hub.admit('new')).toEqual({ ok: false, reason: 'total' });
    await hub.closeAll();
    expect(hub.size).toBe(0);
    expect(hub.admit('new')).toEqual({ ok: false, reason: 'total' });
  });
});
