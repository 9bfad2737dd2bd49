import type { ServerResponse } from 'node:http';
import { streamIds } from '@app/domain';
import type { EventStore, StoredEvent } from '@app/event-store';
import { paragraphIdsOf, type CommittedEvent, type Db, type LiveProjections } from '@app/projections';
import type { Subscription } from 'rxjs';
import type { OnModuleDestroy } from '@nestjs/common';
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
}

/** Defaults of the PARAGRAF_LIVE_* settings (config.ts). */
export const DEFAULT_LIVE: LiveOptions = {
  maxClients: 10_000,
  maxPerAddress: 100,
  maxBufferedBytes: 256 * 1024,
  heartbeatMs: 15_000,
};

export type Admission = { readonly ok: true } | { readonly ok: false; readonly reason: 'total' | 'address' };

interface Client {
  readonly res: ServerResponse;
  readonly address: string;
  readonly channel: Channel;
  /** Highest position sent; nothing at or below it is sent again. */
  last: bigint;
}

/** Everything the hub keeps for one meeting while someone watches it. */
interface Channel {
  readonly meetingId: string;
  readonly paragraphs: Set<string>;
  readonly clients: Set<Client>;
  /** Entries struck so far (motionId, voteId …): their events are not public. */
  readonly struck: Set<string>;
  /** Paragraphs marked as containing sekretess: heading and beslut only (docs/adr/0030). */
  readonly confidentiality: Confidentiality;
  /**
   * The meeting's events, read once from its own streams on the first reconnect and kept
   * current from the live feed, so 200 reconnects cost one read of the meeting, not 200.
   */
  history: CommittedEvent[] | null;
  loading: Promise<void> | null;
  /** Live events that arrive while the history is being read. */
  pending: CommittedEvent[];
}

/**
 * Live frames are written at most this often: with thousands of viewers every flush is a write
 * per viewer, so batches that arrive close together share one (delivery stays well under 100 ms).
 */
const FLUSH_MS = 25;
const COALESCE_FROM = 100;

/** Top-level data fields naming an entry that EntryStruck can strike. */
const ENTRY_KEYS = ['motionId', 'questionId', 'voteId', 'decisionId', 'reservationId', 'noteId'] as const;

/**
 * The public live stream of meetings (Server-Sent Events), one hub for all connections
 * (docs/adr/0028): one subscription to the projections' committed batches, each event
 * filtered and serialised once per meeting and written to every client of that meeting.
 * A client that does not read is dropped once its send buffer passes a bound (it may
 * reconnect with Last-Event-ID); heartbeats are comments; connections are capped per
 * address and in total. Public content only: a struck entry's events are never sent, and
 * EntryStruck goes out without its reason.
 */
export class LiveHub implements OnModuleDestroy {
  private readonly channels = new Map<string, Channel>();
  /** paragraphId → channel, for the paragraphs of watched meetings. */
  private readonly byParagraph = new Map<string, Channel>();
  private readonly perAddress = new Map<string, number>();
  private clients = 0;
  private closed = false;
  private readonly subscription: Subscription;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly frames = new WeakMap<CommittedEvent, string>();
  /** Frames waiting for the next flush, per channel. */
  private readonly pending = new Map<Channel, { position: bigint; text: string }[]>();
  private flushTimer: NodeJS.Timeout | null = null;
  /** Clients dropped because they did not read (for metrics). */
  dropped = 0;

  constructor(
    private readonly runner: LiveProjections,
    private readonly store: EventStore,
    private readonly db: Db,
    private readonly options: LiveOptions,
  ) {
    this.subscription = runner.committed.subscribe((batch) => {
      for (const e of batch.events) this.route(e, this.pending);
      if (this.pending.size > 0 && !this.flushTimer) {
        // Few viewers: at once. Many: batches close together share one write per viewer.
        this.flushTimer = setTimeout(() => this.flush(), this.clients < COALESCE_FROM ? 0 : FLUSH_MS);
      }
    });
    this.heartbeat = setInterval(() => this.broadcastComment(), options.heartbeatMs);
    this.heartbeat.unref();
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
   * Serve one connection on a raw response (headers already written). Without `lastEventId` a
   * `ready` event says how far the stream is; with it, the meeting's events after it come first.
   */
  async attach(meetingId: string, res: ServerResponse, address: string, lastEventId?: bigint): Promise<void> {
    const channel = this.channel(meetingId);
    const client: Client = { res, address, channel, last: -1n };
    channel.clients.add(client);
    this.clients++;
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    res.on('close', () => this.detach(client));

    if (lastEventId === undefined) {
      const at = this.runner.position < 0n ? 0n : this.runner.position;
      client.last = at;
      this.write(client, frame(String(at), 'ready', { meetingId, position: String(at) }));
      return;
    }
    // Held back (last = max) until the gap is sent: the live feed skips it meanwhile and
    // appends to the history, which is where the gap is read from.
    client.last = BigInt(Number.MAX_SAFE_INTEGER) ** 2n;
    try {
      await this.loadHistory(channel);
    } catch (err) {
      res.destroy(err as Error);
      return;
    }
    // The gap is sent at the pace the client reads (a replay from 0 can be larger than the
    // live buffer bound); live events meanwhile join the history and are sent from there.
    const history = channel.history!;
    let sent = lastEventId;
    for (let i = 0; i < history.length; i++) {
      const e = history[i];
      if (e.position <= sent || !this.isPublic(channel, e)) continue;
      const text = this.frameOf(channel, e);
      if (text === undefined) continue;
      sent = e.position;
      this.write(client, text, false);
      if (res.writableLength > this.options.maxBufferedBytes / 2) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
        if (res.destroyed) return;
      }
    }
    client.last = sent; // from here on, the live feed
  }

  onModuleDestroy(): void {
    if (!this.closed) this.closeAll();
  }

  /** End every stream (shutdown): clients reconnect, to this server when it is back or another. */
  closeAll(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flush();
    this.subscription.unsubscribe();
    for (const channel of this.channels.values()) for (const c of channel.clients) c.res.end();
  }

  private channel(meetingId: string): Channel {
    let channel = this.channels.get(meetingId);
    if (!channel) {
      channel = {
        meetingId,
        paragraphs: new Set(paragraphIdsOf(this.db, meetingId)),
        clients: new Set(),
        struck: new Set(),
        confidentiality: newConfidentiality(),
        history: null,
        loading: null,
        pending: [],
      };
      this.channels.set(meetingId, channel);
      for (const p of channel.paragraphs) this.byParagraph.set(p, channel);
    }
    return channel;
  }

  private detach(client: Client): void {
    const { channel, address } = client;
    if (!channel.clients.delete(client)) return;
    this.clients--;
    const n = (this.perAddress.get(address) ?? 1) - 1;
    if (n > 0) this.perAddress.set(address, n);
    else this.perAddress.delete(address);
    if (channel.clients.size === 0 && !channel.loading) {
      this.channels.delete(channel.meetingId);
      for (const p of channel.paragraphs) this.byParagraph.delete(p);
    }
  }

  /** Read the meeting's own streams (an index read each, not a scan of $all) up to the runner's position. */
  private loadHistory(channel: Channel): Promise<void> {
    if (channel.history) return Promise.resolve();
    channel.loading ??= (async () => {
      const upTo = this.runner.position;
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
      for (const e of events) {
        if (e.type === 'EntryStruck') channel.struck.add(String(e.data.entryId));
        trackConfidentiality(channel.confidentiality, e);
      }
      channel.history = events;
    })().finally(() => {
      channel.loading = null;
      if (channel.clients.size === 0) this.channels.delete(channel.meetingId);
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
  private route(e: CommittedEvent, touched: Map<Channel, { position: bigint; text: string }[]>): void {
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
    if (e.type === 'EntryStruck') channel.struck.add(String(e.data.entryId));
    trackConfidentiality(channel.confidentiality, e);
    if (channel.history) channel.history.push(e);
    else if (channel.loading) channel.pending.push(e);
    if (!this.isPublic(channel, e) || channel.clients.size === 0) return;
    const text = this.frameOf(channel, e);
    if (text === undefined) return;
    let frames = touched.get(channel);
    if (!frames) touched.set(channel, (frames = []));
    frames.push({ position: e.position, text });
  }

  private flush(): void {
    this.flushTimer = null;
    for (const [channel, frames] of this.pending) this.broadcast(channel, frames);
    this.pending.clear();
  }

  /**
   * A batch's frames for one meeting, serialised once and written with one write per client
   * (thousands of viewers × events would otherwise be thousands of writes per event).
   */
  private broadcast(channel: Channel, frames: { position: bigint; text: string }[]): void {
    const first = frames[0].position;
    const last = frames[frames.length - 1].position;
    let all: string | undefined;
    for (const client of channel.clients) {
      if (client.last >= last) continue;
      const text =
        client.last < first
          ? (all ??= frames.map((f) => f.text).join(''))
          : frames
              .filter((f) => f.position > client.last)
              .map((f) => f.text)
              .join('');
      client.last = last;
      this.write(client, text);
    }
  }

  private isPublic(channel: Channel, e: CommittedEvent): boolean {
    if (e.type === 'EntryStruck') return true; // sent without its reason (serialise)
    for (const key of ENTRY_KEYS) {
      const id = e.data[key];
      if (typeof id === 'string' && channel.struck.has(id)) return false;
    }
    return true;
  }

  /**
   * The public frame of an event: as stored (cached), redacted for a paragraph with sekretess
   * (not cached: the marking may be lifted), or undefined when none of it is public.
   */
  private frameOf(channel: Channel, e: CommittedEvent): string | undefined {
    const data = publicData(channel.confidentiality, e);
    if (data === null) return this.serialise(e);
    if (data === undefined) return undefined;
    return frame(String(e.position), e.type, {
      position: String(e.position),
      type: e.type,
      streamId: e.streamId,
      at: e.created.toISOString(),
      data,
    });
  }

  /** An event's frame, serialised once however many viewers and replays send it. */
  private serialise(e: CommittedEvent): string {
    let text = this.frames.get(e);
    if (text === undefined) this.frames.set(e, (text = this.serialiseOnce(e)));
    return text;
  }

  private serialiseOnce(e: CommittedEvent): string {
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

  private write(client: Client, text: string, live = true): void {
    const { res } = client;
    if (res.destroyed || res.writableEnded) return;
    res.write(text);
    // A client that does not read: drop it rather than hold its backlog (it may reconnect).
    if (live && res.writableLength > this.options.maxBufferedBytes) {
      this.dropped++;
      res.destroy();
    }
  }

  private broadcastComment(): void {
    for (const channel of this.channels.values()) for (const c of channel.clients) this.write(c, ': hb\n\n');
  }
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
