import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import { FanOut, type FromFanOut, type WireFrame } from './live-fanout.js';

/** A socket whose client reads at once; `stall` makes it stop reading. */
class Sink extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  writableEnded = false;
  text = '';
  stalled = false;
  write(chunk: string | Buffer) {
    this.text += chunk.toString();
    if (this.stalled) this.writableLength += Buffer.byteLength(chunk);
    return !this.stalled;
  }
  drain() {
    this.stalled = false;
    this.writableLength = 0;
    this.emit('drain');
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
  }
  ids() {
    return [...this.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
  }
}

const frame = (p: number): WireFrame => [String(p), `id: ${p}\nevent: E\ndata: {}\n\n`];
const until = async (done: () => boolean) => {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

describe('FanOut', () => {
  it('replays the history after Last-Event-ID without hidden frames, then live frames exactly once', async () => {
    const told: FromFanOut[] = [];
    const fanOut = new FanOut({ maxBufferedBytes: 1 << 20, heartbeatMs: 60_000 }, (m) => told.push(m));
    const sink = new Sink();
    sink.stalled = true; // the replay waits for the client to read
    fanOut.handle(
      { t: 'attach', id: 1, meetingId: 'm', head: 'HTTP/1.1 200 OK\r\n\r\n', position: '2' },
      sink as unknown as Socket,
    );
    fanOut.handle({ t: 'history', meetingId: 'm', frames: [1, 2, 3, 4, 5].map(frame) });
    fanOut.handle({ t: 'hide', meetingId: 'm', positions: ['4'] });
    fanOut.handle({ t: 'replay', id: 1, from: '2' });
    // Live frames while the replay is held: they join the history and are sent from it.
    fanOut.handle({ t: 'frames', meetingId: 'm', frames: [frame(6), frame(7)] });
    sink.drain();
    await until(() => sink.ids().includes(7));
    fanOut.handle({ t: 'frames', meetingId: 'm', frames: [frame(8)] });
    await until(() => sink.ids().includes(8));
    expect(sink.ids()).toEqual([3, 5, 6, 7, 8]);
    expect(sink.text.startsWith('HTTP/1.1 200 OK')).toBe(true);
    fanOut.handle({ t: 'close' });
    expect(told).toEqual([{ t: 'detached', id: 1, dropped: false }, { t: 'closed' }]);
  });

  it('drops a viewer that stops reading, and says so', async () => {
    const told: FromFanOut[] = [];
    const fanOut = new FanOut({ maxBufferedBytes: 200, heartbeatMs: 60_000 }, (m) => told.push(m));
    const sink = new Sink();
    fanOut.handle(
      { t: 'attach', id: 9, meetingId: 'm', head: '', ready: 'id: 0\n\n', position: '0' },
      sink as unknown as Socket,
    );
    sink.stalled = true;
    for (let p = 1; p <= 10 && !sink.destroyed; p++) {
      fanOut.handle({ t: 'frames', meetingId: 'm', frames: [frame(p)] });
      await until(() => sink.ids().includes(p) || sink.destroyed);
    }
    expect(sink.destroyed).toBe(true);
    expect(told).toEqual([{ t: 'detached', id: 9, dropped: true }]);
    fanOut.handle({ t: 'close' });
  });
});
