/**
 * The live stream's fan-out (docs/adr/0033): the part of the public stream that writes to the
 * viewers' sockets. It knows nothing of events or rules — the hub (live-hub.ts) decides what is
 * public and serialises each frame once; the fan-out holds the sockets, a meeting's frames for
 * replays, and writes. It runs in a process of its own (live-fanout.process.ts) so that writing
 * one batch to thousands of sockets does not hold up the event loop that serves commands; the
 * same class runs inside the API process when PARAGRAF_LIVE_FANOUT=inline (tests, one viewer).
 *
 * Only Node built-ins here: the fan-out process loads nothing else.
 */
import type { Duplex } from 'node:stream';

/** One frame: global position, the serialised SSE text, whether it is no longer public. */
export type WireFrame = [position: string, text: string];

/** Hub → fan-out. Messages arrive in the order sent (one IPC channel, or direct calls). */
export type ToFanOut =
  /** A new viewer (its socket comes with the message); `ready` is the first frame, if fresh. */
  | {
      readonly t: 'attach';
      readonly id: number;
      readonly meetingId: string;
      readonly head: string;
      readonly ready?: string;
      readonly position: string;
    }
  /** The meeting's public frames so far, once, before the first replay of it. */
  | { readonly t: 'history'; readonly meetingId: string; readonly frames: WireFrame[] }
  /** Send a viewer the meeting's frames after `from`, at its pace, then live ones. */
  | { readonly t: 'replay'; readonly id: number; readonly from: string }
  /** A committed batch's public frames of one meeting, in position order. */
  | { readonly t: 'frames'; readonly meetingId: string; readonly frames: WireFrame[] }
  /** Frames that are no longer public (their entry was struck): never replayed again. */
  | { readonly t: 'hide'; readonly meetingId: string; readonly positions: string[] }
  /** The hub could not read the meeting's history: end this viewer's stream (it reconnects). */
  | { readonly t: 'kick'; readonly id: number }
  /** The hub forgets the meeting's history (nobody watched it for a while). */
  | { readonly t: 'drop'; readonly meetingId: string }
  /** Shutdown: end every stream. */
  | { readonly t: 'close' };

/** Fan-out → hub. */
export type FromFanOut =
  { readonly t: 'detached'; readonly id: number; readonly dropped: boolean } | { readonly t: 'closed' };

export interface FanOutOptions {
  readonly maxBufferedBytes: number;
  readonly heartbeatMs: number;
}

/** A viewer's connection: a socket (fan-out process) or the raw socket of a hijacked reply. */
type Sink = Pick<
  Duplex,
  'write' | 'end' | 'destroy' | 'on' | 'once' | 'writableLength' | 'destroyed' | 'writableEnded'
>;

interface Viewer {
  readonly id: number;
  readonly sink: Sink;
  readonly channel: Channel;
  /** Highest position sent; nothing at or below it is sent again. */
  last: bigint;
}

interface Channel {
  readonly meetingId: string;
  readonly viewers: Set<Viewer>;
  /** The meeting's public frames (text only), kept for replays while the hub keeps them. */
  history: Frame[] | null;
  /** Frames waiting for the next flush. */
  pending: Frame[];
}

interface Frame {
  readonly position: bigint;
  readonly text: string;
  hidden: boolean;
}

/** Held back until its replay is sent: the live feed skips it meanwhile. */
const HELD = 1n << 62n;

export class FanOut {
  private readonly channels = new Map<string, Channel>();
  private readonly viewers = new Map<number, Viewer>();
  private readonly heartbeat: NodeJS.Timeout;
  private flushTimer: NodeJS.Immediate | null = null;
  private readonly dirty = new Set<Channel>();
  private closed = false;

  constructor(
    private readonly options: FanOutOptions,
    private readonly tell: (message: FromFanOut) => void,
  ) {
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs);
    this.heartbeat.unref();
  }

  handle(message: ToFanOut, sink?: Sink): void {
    switch (message.t) {
      case 'attach':
        return this.attach(message, sink);
      case 'history': {
        const channel = this.channel(message.meetingId);
        channel.history = message.frames.map(([p, text]) => ({ position: BigInt(p), text, hidden: false }));
        return;
      }
      case 'replay': {
        const viewer = this.viewers.get(message.id);
        if (viewer) void this.replay(viewer, BigInt(message.from));
        return;
      }
      case 'frames':
        return this.frames(message.meetingId, message.frames);
      case 'kick':
        this.viewers.get(message.id)?.sink.destroy();
        return;
      case 'hide': {
        const history = this.channels.get(message.meetingId)?.history;
        if (!history) return;
        const hidden = new Set(message.positions);
        for (const f of history) if (hidden.has(String(f.position))) f.hidden = true;
        return;
      }
      case 'drop': {
        const channel = this.channels.get(message.meetingId);
        if (!channel) return;
        channel.history = null;
        if (channel.viewers.size === 0) this.channels.delete(message.meetingId);
        return;
      }
      case 'close':
        return this.closeAll();
    }
  }

  private attach(message: Extract<ToFanOut, { t: 'attach' }>, sink?: Sink): void {
    if (!sink) return;
    if (this.closed) {
      sink.destroy();
      return;
    }
    const channel = this.channel(message.meetingId);
    const viewer: Viewer = { id: message.id, sink, channel, last: HELD };
    this.viewers.set(viewer.id, viewer);
    channel.viewers.add(viewer);
    let gone = false;
    const detach = () => {
      if (gone) return;
      gone = true;
      this.viewers.delete(viewer.id);
      channel.viewers.delete(viewer);
      if (channel.viewers.size === 0 && !channel.history) this.channels.delete(channel.meetingId);
      this.tell({ t: 'detached', id: viewer.id, dropped: dropped.has(viewer) });
    };
    sink.on('close', detach);
    sink.on('error', () => sink.destroy());
    // Nothing is expected from a viewer after its request; whatever comes is read and ignored.
    (sink as unknown as { resume?: () => void }).resume?.();
    sink.write(message.head);
    if (message.ready !== undefined) {
      viewer.last = BigInt(message.position);
      sink.write(message.ready);
    }
  }

  private channel(meetingId: string): Channel {
    let channel = this.channels.get(meetingId);
    if (!channel)
      this.channels.set(meetingId, (channel = { meetingId, viewers: new Set(), history: null, pending: [] }));
    return channel;
  }

  /** The gap at the pace the viewer reads (a replay from 0 can exceed the live buffer bound). */
  private async replay(viewer: Viewer, from: bigint): Promise<void> {
    const { sink, channel } = viewer;
    let sent = from;
    let history: Frame[];
    // The hub may replace the history meanwhile (a paragraph's sekretess changed): go on from
    // the new one, which also holds the live frames that arrived since.
    do {
      history = channel.history ?? [];
      for (let i = 0; i < history.length; i++) {
        const f = history[i];
        if (f.position <= sent || f.hidden) continue;
        sent = f.position;
        if (sink.destroyed) return;
        sink.write(f.text);
        if (sink.writableLength > this.options.maxBufferedBytes / 2) {
          await new Promise<void>((resolve) => {
            sink.once('drain', resolve);
            sink.once('close', resolve);
          });
          if (sink.destroyed) return;
        }
      }
    } while (channel.history && channel.history !== history);
    // Live frames that arrived meanwhile were appended to the history and sent from it above.
    const end = history.length ? history[history.length - 1].position : sent;
    viewer.last = end > sent ? end : sent;
  }

  private frames(meetingId: string, wire: WireFrame[]): void {
    const channel = this.channels.get(meetingId);
    if (!channel || wire.length === 0) return;
    const frames = wire.map(([p, text]) => ({ position: BigInt(p), text, hidden: false }));
    channel.history?.push(...frames);
    if (channel.viewers.size === 0) return;
    channel.pending.push(...frames);
    this.dirty.add(channel);
    // Out as soon as the loop is free: the batches that come while a flush writes (it runs
    // uninterrupted) are all in the next one, so when writes fall behind, more batches share each
    // write and no backlog of flushes builds up.
    this.flushTimer ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushTimer = null;
    for (const channel of this.dirty) {
      const frames = channel.pending;
      channel.pending = [];
      if (frames.length) this.broadcast(channel, frames);
    }
    this.dirty.clear();
  }

  /** One encoding of the batch, shared by every viewer that is caught up: one write each. */
  private broadcast(channel: Channel, frames: Frame[]): void {
    const first = frames[0].position;
    const last = frames[frames.length - 1].position;
    let all: Buffer | undefined;
    for (const viewer of channel.viewers) {
      if (viewer.last >= last) continue;
      const chunk =
        viewer.last < first
          ? (all ??= Buffer.from(frames.map((f) => f.text).join('')))
          : frames
              .filter((f) => f.position > viewer.last)
              .map((f) => f.text)
              .join('');
      viewer.last = last;
      this.write(viewer, chunk);
    }
  }

  private write(viewer: Viewer, chunk: string | Buffer): void {
    const { sink } = viewer;
    if (sink.destroyed || sink.writableEnded) return;
    sink.write(chunk);
    // A viewer that does not read: drop it rather than hold its backlog (it may reconnect).
    if (sink.writableLength > this.options.maxBufferedBytes) {
      dropped.add(viewer);
      sink.destroy();
    }
  }

  private beat(): void {
    const hb = Buffer.from(': hb\n\n');
    for (const viewer of this.viewers.values()) if (viewer.last !== HELD) this.write(viewer, hb);
  }

  private closeAll(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearImmediate(this.flushTimer);
    this.flush();
    for (const viewer of this.viewers.values()) viewer.sink.end();
    this.tell({ t: 'closed' });
  }
}

/** Viewers dropped for not reading (reported with their detach). */
const dropped = new WeakSet<Viewer>();

/** The response head the fan-out writes on a hijacked socket. */
export function streamHead(requestId: string): string {
  return (
    'HTTP/1.1 200 OK\r\n' +
    'content-type: text/event-stream; charset=utf-8\r\n' +
    'cache-control: no-cache, no-transform\r\n' +
    // The socket is the stream's alone: the body ends when the connection does (shutdown).
    'connection: close\r\n' +
    'x-accel-buffering: no\r\n' + // no buffering in a reverse proxy
    `x-request-id: ${requestId.replace(/[^\w.:-]/g, '')}\r\n` +
    '\r\n'
  );
}
