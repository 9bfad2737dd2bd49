import type { Socket } from 'node:net';
import { availableParallelism } from 'node:os';
import { streamIds } from '@app/domain';
import type { EventStore, StoredEvent } from '@app/event-store';
import { paragraphIdsOf, type CommittedEvent, type Db, type LiveProjections } from '@app/projections';
import type { Subscription } from 'rxjs';
import type { OnModuleDestroy } from '@nestjs/common';
import { streamHead, type FromFanOut, type ToFanOut, type WireFrame } from './live-fanout.js';
import { startFanOut, type FanOutHandle } from './live-fanout-pool.js';
import {
  newConfidentiality,
  publicData,
  trackConfidentiality,
  type Confidentiality,
} from './public-content.js';

export interface LiveOptions {
  /** Connections in total; beyond it 503 with Retry-After. */
  readonly maxClients: number;
  /** Connections from one client address. */
  readonly maxPerAddress: number;
  /** Bytes a client may leave unread in its send buffer before it is dropped. */
  readonly maxBufferedBytes: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  readonly heartbeatMs: number;
  /**
   * Where the writes to viewers' sockets run (docs/adr/0033): `process`, a fan-out process of
   * its own (the default of the server), or `inline`, on this event loop (default here).
   */
  readonly fanOut?: 'process' | 'inline';
  /** With `process`: how many fan-out processes share the viewers (docs/adr/0056). */
  readonly fanOutProcesses?: number;
  /** A meeting's history is forgotten once nobody has watched it for this long. */
  readonly historyIdleMs?: number;
}

/** Defaults of the PARAGRAF_LIVE_* settings (config.ts). */
export const DEFAULT_LIVE: Required<LiveOptions> = {
  maxClients: 10_000,
  maxPerAddress: 100,
  maxBufferedBytes: 256 * 1024,
  heartbeatMs: 15_000,
  fanOut: 'process',
  // One per core, at most four: the API's own loop and the store's threads need cores too.
  fanOutProcesses: Math.min(4, availableParallelism()),
  historyIdleMs: 60_000,
};

export type Admission = { readonly ok: true } | { readonly ok: false; readonly reason: 'total' | 'address' };

/** Everything the hub keeps for one meeting while someone watches it. */
interface Channel {
  readonly meetingId: string;
  readonly paragraphs: Set<string>;
  /** Viewers connected (in the fan-out). */
  viewers: number;
  /** Entries struck so far (motionId, voteId …): their events are not public. */
  readonly struck: Set<string>;
  /** Paragraphs marked as containing sekretess: heading and beslut only (docs/adr/0030). */
  confidentiality: Confidentiality;
  /**
   * The meeting's public events, read once from its own streams on the first reconnect and kept
   * current from the live feed, so 200 reconnects cost one read of the meeting, not 200. Only
   * what the public filter needs is kept here (ids, no text); the serialised frames are kept by
   * the fan-out, which replays them.
   */
  history: CommittedEvent[] | null;
  loading: Promise<void> | null;
  /** Live events that arrive while the history is being read. */
  pending: CommittedEvent[];
  /** Forgets the history once nobody has watched the meeting for a while. */
  idle: NodeJS.Timeout | null;
}

interface Attached {
  readonly address: string;
  readonly channel: Channel;
}

/** Top-level data fields naming an entry that EntryStruck can strike. */
const ENTRY_KEYS = ['motionId', 'questionId', 'voteId', 'decisionId', 'reservationId', 'noteId'] as const;
/** Data fields the history keeps (what the public filter reads). */
const KEPT_KEYS = [...ENTRY_KEYS, 'paragraphId', 'meetingId', 'entryId'] as const;

/** How long shutdown waits for the fan-out to end its streams. */
const CLOSE_WAIT_MS = 3_000;

/**
 * The public live stream of meetings (Server-Sent Events), one hub for all connections
 * (docs/adr/0028, 0033): one subscription to the projections' committed batches, each event
 * filtered and serialised once per meeting. The writes to viewers' sockets are the fan-out's
 * (live-fanout.ts), by default in a process of its own that is handed each viewer's socket, so
 * thousands of viewers do not slow the commands. A client that does not read is dropped once
 * its send buffer passes a bound (it may reconnect with Last-Event-ID); heartbeats are
 * comments; connections are capped per address and in total. Public content only: a struck
 * entry's events are never sent, and EntryStruck goes out without its reason.
 */
export class LiveHub implements OnModuleDestroy {
  private readonly channels = new Map<string, Channel>();
  /** paragraphId → channel, for the paragraphs of watched meetings. */
  private readonly byParagraph = new Map<string, Channel>();
  private readonly perAddress = new Map<string, number>();
  private readonly attached = new Map<number, Attached>();
  private nextId = 1;
  private clients = 0;
  private closed = false;
  private readonly subscription: Subscription;
  private fanOut: FanOutHandle | null = null;
  private closing: (() => void) | null = null;
  private readonly options: Required<LiveOptions>;
  /** Clients dropped because they did not read (for metrics). */
  dropped = 0;

  constructor(
    private readonly runner: LiveProjections,
    private readonly store: EventStore,
    private readonly db: Db,
    options: LiveOptions,
  ) {
    this.options = { ...DEFAULT_LIVE, fanOut: 'inline', ...options };
    this.subscription = runner.committed.subscribe((batch) => {
      const touched = new Map<Channel, WireFrame[]>();
      const reload = new Set<Channel>();
      for (const e of batch.events) this.route(e, touched, reload);
      for (const [channel, frames] of touched)
        this.send({ t: 'frames', meetingId: channel.meetingId, frames });
      // A paragraph's sekretess changed: what its earlier events show changes, so the history
      // (frames as the public sees them) is read again, up to this batch; the fan-out replaces
      // its copy when it comes and sends replays from the new one (0033).
      for (const channel of reload) {
        if (channel.loading) continue;
        channel.history = null;
        channel.pending = [];
        void this.loadHistory(channel, batch.position).catch(() => undefined);
      }
    });
  }

  get size(): number {
    return this.clients;
  }

  admit(address: string): Admission {
    if (this.closed || this.clients >= this.options.maxClients) return { ok: false, reason: 'total' };
    if ((this.perAddress.get(address) ?? 0) >= this.options.maxPerAddress)
      return { ok: false, reason: 'address' };
    return { ok: true };
  }

  /**
   * Serve one connection on the socket of a hijacked request (nothing written yet): the fan-out
   * writes the response head. Without `lastEventId` a `ready` event says how far the stream is;
   * with it, the meeting's public events after it come first.
   */
  async attach(
    meetingId: string,
    socket: Socket,
    address: string,
    requestId: string,
    lastEventId?: bigint,
  ): Promise<void> {
    const channel = this.channel(meetingId);
    const id = this.nextId++;
    this.attached.set(id, { address, channel });
    channel.viewers++;
    if (channel.idle) clearTimeout(channel.idle);
    channel.idle = null;
    this.clients++;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    const head = streamHead(requestId);

    if (lastEventId === undefined) {
      const at = this.runner.position < 0n ? 0n : this.runner.position;
      const ready = frame(String(at), 'ready', { meetingId, position: String(at) });
      this.send({ t: 'attach', id, meetingId, head, ready, position: String(at) }, socket);
      return;
    }
    // Held back until the gap is sent: live frames meanwhile join the fan-out's copy of the
    // history, which is where the gap is sent from — nothing missed, nothing twice (ADR 0010).
    this.send({ t: 'attach', id, meetingId, head, position: String(lastEventId) }, socket);
    try {
      await this.loadHistory(channel);
    } catch {
      this.send({ t: 'kick', id });
      return;
    }
    this.send({ t: 'replay', id, from: String(lastEventId) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.closeAll();
    await this.fanOut?.stop();
  }

  /**
   * End every stream (shutdown): clients reconnect, to this server when it is back or another.
   * Resolves once the fan-out has ended them (or after a few seconds).
   */
  closeAll(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.subscription.unsubscribe();
    for (const channel of this.channels.values()) if (channel.idle) clearTimeout(channel.idle);
    if (!this.fanOut) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, CLOSE_WAIT_MS);
      timer.unref();
      this.closing = () => {
        clearTimeout(timer);
        resolve();
      };
      this.send({ t: 'close' });
    });
  }

  private send(message: ToFanOut, socket?: Socket): void {
    (this.fanOut ??= this.startFanOut()).send(message, socket);
  }

  private startFanOut(): FanOutHandle {
    return startFanOut(
      {
        maxBufferedBytes: this.options.maxBufferedBytes,
        heartbeatMs: this.options.heartbeatMs,
        mode: this.options.fanOut,
        processes: this.options.fanOutProcesses,
      },
      {
        message: (m) => this.fromFanOut(m),
        exited: () => {
          // Its viewers are gone with it (they reconnect); the next viewer starts a new one.
          this.fanOut = null;
          for (const id of [...this.attached.keys()]) this.fromFanOut({ t: 'detached', id, dropped: false });
          for (const channel of this.channels.values()) this.forget(channel);
          this.closing?.();
        },
      },
    );
  }

  private fromFanOut(message: FromFanOut): void {
    if (message.t === 'closed') {
      this.closing?.();
      return;
    }
    const attached = this.attached.get(message.id);
    if (!attached) return;
    this.attached.delete(message.id);
    if (message.dropped) this.dropped++;
    const { channel, address } = attached;
    this.clients--;
    const n = (this.perAddress.get(address) ?? 1) - 1;
    if (n > 0) this.perAddress.set(address, n);
    else this.perAddress.delete(address);
    if (--channel.viewers > 0 || channel.loading) return;
    if (!channel.history) this.forget(channel);
    else if (!this.closed) {
      channel.idle = setTimeout(() => this.forget(channel), this.options.historyIdleMs);
      channel.idle.unref();
    }
  }

  /** Nobody watches the meeting: drop what the hub (and the fan-out) keep of it. */
  private forget(channel: Channel): void {
    if (channel.viewers > 0 || channel.loading || this.channels.get(channel.meetingId) !== channel) return;
    if (channel.idle) clearTimeout(channel.idle);
    this.channels.delete(channel.meetingId);
    for (const p of channel.paragraphs) this.byParagraph.delete(p);
    if (channel.history && this.fanOut && !this.closed)
      this.send({ t: 'drop', meetingId: channel.meetingId });
  }

  private channel(meetingId: string): Channel {
    let channel = this.channels.get(meetingId);
    if (!channel) {
      channel = {
        meetingId,
        paragraphs: new Set(paragraphIdsOf(this.db, meetingId)),
        viewers: 0,
        struck: new Set(),
        confidentiality: newConfidentiality(),
        history: null,
        loading: null,
        pending: [],
        idle: null,
      };
      this.channels.set(meetingId, channel);
      for (const p of channel.paragraphs) this.byParagraph.set(p, channel);
    }
    return channel;
  }

  /**
   * Read the meeting's own streams (an index read each, not a scan of $all) up to the runner's
   * position; the fan-out gets the public frames once, and keeps them current from the feed.
   */
  private loadHistory(channel: Channel, upTo = this.runner.position): Promise<void> {
    if (channel.history) return Promise.resolve();
    channel.loading ??= (async () => {
      const streams = [
        streamIds.meeting(channel.meetingId),
        ...[...channel.paragraphs].map(streamIds.paragraph),
      ];
      const read = await Promise.all(streams.map((s) => this.readStream(s)));
      const events = read
        .flat()
        .filter((e) => e.position.commit <= upTo)
        .map(committed)
        .sort((a, b) => (a.position < b.position ? -1 : 1));
      const last = events.length ? events[events.length - 1].position : -1n;
      for (const e of channel.pending) if (e.position > last) events.push(e);
      channel.pending = [];
      channel.confidentiality = newConfidentiality(); // from the start (also on a reload)
      for (const e of events) {
        if (e.type === 'EntryStruck') channel.struck.add(String(e.data.entryId));
        trackConfidentiality(channel.confidentiality, e);
      }
      // Frames as the public sees them now (a paragraph marked since shows its heading only).
      const frames: WireFrame[] = [];
      const kept: CommittedEvent[] = [];
      for (const e of events) {
        if (!this.isPublic(channel, e)) continue;
        const text = this.frameOf(channel, e);
        if (text === undefined) continue;
        kept.push(slim(e));
        frames.push([String(e.position), text]);
      }
      channel.history = kept;
      this.send({ t: 'history', meetingId: channel.meetingId, frames });
    })().finally(() => {
      channel.loading = null;
      if (channel.viewers === 0) this.forget(channel);
    });
    return channel.loading;
  }

  private async readStream(stream: string): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(stream);
    } catch (err) {
      if ((err as Error).name === 'StreamNotFoundError') return [];
      throw err;
    }
  }

  /** One committed event: into the batch of its meeting's channel, if anyone watches it. */
  private route(e: CommittedEvent, touched: Map<Channel, WireFrame[]>, reload: Set<Channel>): void {
    let channel: Channel | undefined;
    if (e.streamId.startsWith('meeting-')) channel = this.channels.get(e.streamId.slice('meeting-'.length));
    else if (e.streamId.startsWith('paragraph-')) {
      const pid = e.data.paragraphId as string | undefined;
      if (e.type === 'ParagraphOpened' && pid) {
        channel = this.channels.get(e.data.meetingId as string);
        if (channel) {
          channel.paragraphs.add(pid);
          this.byParagraph.set(pid, channel);
        }
      } else if (pid) channel = this.byParagraph.get(pid);
    }
    if (!channel) return;
    if (e.type === 'EntryStruck') this.strike(channel, String(e.data.entryId));
    trackConfidentiality(channel.confidentiality, e);
    if (channel.loading) channel.pending.push(e);
    if (
      (e.type === 'ParagraphMarkedConfidential' || e.type === 'ParagraphConfidentialityLifted') &&
      channel.history
    )
      reload.add(channel);
    if (!this.isPublic(channel, e)) return;
    const text = this.frameOf(channel, e);
    if (text === undefined) return;
    if (channel.history) channel.history.push(slim(e));
    // Frames go to the fan-out while it has viewers of the meeting or keeps its history.
    if (channel.viewers === 0 && !channel.history && !channel.loading) return;
    let frames = touched.get(channel);
    if (!frames) touched.set(channel, (frames = []));
    frames.push([String(e.position), text]);
  }

  /**
   * The public frame of an event: as stored, redacted for a paragraph with sekretess, or
   * undefined when none of it is public.
   */
  private frameOf(channel: Channel, e: CommittedEvent): string | undefined {
    const data = publicData(channel.confidentiality, e);
    if (data === null) return serialise(e);
    if (data === undefined) return undefined;
    return frame(String(e.position), e.type, {
      position: String(e.position),
      type: e.type,
      streamId: e.streamId,
      at: e.created.toISOString(),
      data,
    });
  }

  /** An entry is struck: its events already in the history are never replayed again. */
  private strike(channel: Channel, entryId: string): void {
    channel.struck.add(entryId);
    if (!channel.history) return;
    const positions: string[] = [];
    channel.history = channel.history.filter((e) => {
      if (this.isPublic(channel, e)) return true;
      positions.push(String(e.position));
      return false;
    });
    if (positions.length) this.send({ t: 'hide', meetingId: channel.meetingId, positions });
  }

  private isPublic(channel: Channel, e: CommittedEvent): boolean {
    if (e.type === 'EntryStruck') return true; // sent without its reason (serialise)
    for (const key of ENTRY_KEYS) {
      const id = e.data[key];
      if (typeof id === 'string' && channel.struck.has(id)) return false;
    }
    return true;
  }
}

/** An event's frame. EntryStruck goes out without its reason. */
function serialise(e: CommittedEvent): string {
  const data =
    e.type === 'EntryStruck' ? { paragraphId: e.data.paragraphId, entryId: e.data.entryId } : e.data;
  return frame(String(e.position), e.type, {
    position: String(e.position),
    type: e.type,
    streamId: e.streamId,
    at: e.created.toISOString(),
    data,
  });
}

/** What the hub keeps of a history event: what the public filter reads, not the text. */
function slim(e: CommittedEvent): CommittedEvent {
  const data: Record<string, unknown> = {};
  for (const key of KEPT_KEYS) if (e.data[key] !== undefined) data[key] = e.data[key];
  return { position: e.position, streamId: e.streamId, type: e.type, data, created: e.created };
}

function frame(id: string, type: string, data: object): string {
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

function committed(e: StoredEvent): CommittedEvent {
  return {
    position: e.position.commit,
    streamId: e.streamId,
    type: e.type,
    data: e.data,
    created: e.created,
  };
}
