import { Inject, Injectable } from '@nestjs/common';
import { schemaVersionOf } from '@app/domain';
import {
  chainEvents,
  chainHashOf,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type StoredEvent,
} from '@app/event-store';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { assertBodyAccess } from '../auth/policy.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { conflictBackoffMs, sleep } from './backoff.js';
import { PreviewNotOffered, RevisionMismatch, StreamMissing } from './command-errors.js';
import { eventMetadata, newId, type CommandContext } from './command-context.js';
import { KeyedQueue } from './keyed-queue.js';

/** The part of a domain decider the runner needs (see libs/domain/src/decider.ts). */
export interface RunnableDecider<Command, State, Context> {
  readonly initialState: State;
  decide(command: Command, state: State, context: Context): ReadonlyArray<{ type: string; data: object }>;
  evolve(state: State, event: never): State;
  /** Deciders whose rules can warn (libs/domain/src/decider.ts) offer this; it is preferred. */
  decideWithWarnings?(
    command: Command,
    state: State,
    context: Context,
  ): { events: ReadonlyArray<{ type: string; data: object }>; warnings: readonly CommandWarning[] };
}

/** A procedure rule's warning: the command was recorded, the clerk is told what looks unusual. */
export interface CommandWarning {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface RunSpec<Command, State, Context> {
  readonly stream: string;
  readonly decider: RunnableDecider<Command, State, Context>;
  readonly ctx: CommandContext;
  /** 404 detail when the stream must already exist (everything except creation). */
  readonly notFound?: string;
  /** The body the stream belongs to, for the user's body scope; undefined when not known yet. */
  readonly bodyOf: (state: State) => string | undefined;
  /**
   * The command and the context its rules need; re-run on every attempt (context may have moved
   * on). Several commands are decided in turn, each on the state the ones before it leave, and
   * written as one append: all of them or none (a votering: request, proposition, roll call).
   */
  readonly prepare: (state: State) => Promise<Prepared<Command, Context>> | Prepared<Command, Context>;
  /** Distinguishes the streams of one command when deriving event ids (open paragraph writes two). */
  readonly idScope?: string;
}

export type Prepared<Command, Context> =
  | { readonly command: Command; readonly context: Context }
  | { readonly commands: readonly Command[]; readonly context: Context };

export interface RunResult<State> {
  /** Revision of the stream after the command (its last event). */
  readonly revision: number;
  readonly state: State;
  /** True when the command had been applied before (same Idempotency-Key) and nothing was written. */
  readonly replayed: boolean;
  /** What the decider warned about (empty when nothing, and on a replay). */
  readonly warnings: readonly CommandWarning[];
}

export interface LoadedStream<State> {
  readonly state: State;
  readonly revision: bigint | 'no_stream';
  /** commandId → revision of that command's last event (finds a retried command's events). */
  readonly commands: ReadonlyMap<string, bigint>;
  /** Hash of the stream's last event: the next event's `prev` (docs/adr/0024). */
  readonly head: string | null;
}

interface CachedStream<State> extends LoadedStream<State> {
  readonly commands: Map<string, bigint>;
  readonly decider: object;
}

/** Streams kept folded in memory; least recently used ones are dropped beyond this. */
const CACHE_LIMIT = 10_000;

/** A cached stream's weight: the events folded into it (its state and command ids grow with them). */
const weight = (c: CachedStream<unknown>) => (c.revision === 'no_stream' ? 0 : Number(c.revision) + 1);

/**
 * Thrown instead of appending when the command context asks for a preview: carries what the
 * decider decided, for the preview interceptor to render (never an error the client sees).
 */
export class PreviewOutcome {
  constructor(
    readonly stream: string,
    readonly events: ReadonlyArray<{ type: string; data: unknown }>,
    readonly warnings: ReadonlyArray<{ code: string; message: string }>,
  ) {}
}

/**
 * The one generic command path: read the stream, decide, append with the expected revision.
 * On a concurrency conflict it re-reads and decides again, a few times, then answers 409.
 * Rules are the decider's: nothing here knows what a motion or a vote is.
 *
 * Streams are append-only, so a folded state stays true: the runner keeps recent streams'
 * states and on each load reads only the events after the revision it has (another process
 * may have appended; the tail read sees that). See docs/adr/0006.
 */
@Injectable()
export class CommandRunner {
  private readonly cache = new Map<string, CachedStream<unknown>>();
  /** Events folded into the cached streams, bounded by PARAGRAF_COMMAND_CACHE_EVENTS. */
  private cachedEvents = 0;
  /** Commands on one stream run one at a time in this process (docs/adr/0027). */
  private readonly queue = new KeyedQueue();
  /** Streams and events held folded in memory now (tests, metrics). */
  get cached(): { streams: number; events: number } {
    return { streams: this.cache.size, events: this.cachedEvents };
  }

  /** Appends refused for a concurrency conflict, and re-decisions after one (metrics). */
  conflicts = 0;
  retries = 0;

  /** Told of every append, awaited before the answer (the integrity service seals at justering). */
  private readonly listeners: Array<(stream: string, types: readonly string[]) => Promise<void>> = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  onAppended(listener: (stream: string, types: readonly string[]) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** A listener's failure never fails the command: its events are stored. */
  private async notify(stream: string, events: ReadonlyArray<{ type: string }>): Promise<void> {
    if (this.listeners.length === 0) return;
    const types = events.map((e) => e.type);
    for (const listener of this.listeners) await listener(stream, types).catch(() => undefined);
  }

  async load<State>(
    stream: string,
    decider: Pick<RunnableDecider<unknown, State, unknown>, 'initialState' | 'evolve'>,
  ): Promise<CachedStream<State>> {
    let cached = this.cache.get(stream) as CachedStream<State> | undefined;
    if (cached && cached.decider !== decider) cached = undefined;
    const from = cached && cached.revision !== 'no_stream' ? cached.revision + 1n : undefined;
    const events = await this.readOrEmpty(stream, from);
    let { state, revision, head } = cached ?? {
      state: decider.initialState,
      revision: 'no_stream' as const,
      head: null,
    };
    // Only ever added to, with facts that are true from then on: shared, not copied per command.
    const commands = cached?.commands ?? new Map<string, bigint>();
    if (events.length) {
      const evolve = decider.evolve as (s: State, e: { type: string; data: object }) => State;
      for (const e of events) {
        state = evolve(state, { type: e.type, data: e.data });
        if (typeof e.metadata.commandId === 'string') commands.set(e.metadata.commandId, e.revision);
        head = chainHashOf(e, head);
      }
      revision = events[events.length - 1].revision;
    }
    const loaded: CachedStream<State> = { state, revision, commands, decider, head };
    if (revision !== 'no_stream') this.remember(stream, loaded);
    return loaded;
  }

  /** Keep a stream's folded state, most recently used last; drop the least recently used. */
  private remember<State>(stream: string, loaded: CachedStream<State>): void {
    const before = this.cache.get(stream);
    if (before) {
      this.cachedEvents -= weight(before);
      this.cache.delete(stream);
    }
    this.cache.set(stream, loaded as CachedStream<unknown>);
    this.cachedEvents += weight(loaded as CachedStream<unknown>);
    // Bounded in streams and in events (memory follows the events: a day of meetings must not
    // accumulate); the stream just used is kept even if it alone is over the bound.
    while (
      this.cache.size > 1 &&
      (this.cache.size > CACHE_LIMIT || this.cachedEvents > this.config.commandCacheEvents)
    ) {
      const [oldest, dropped] = this.cache.entries().next().value!;
      this.cache.delete(oldest);
      this.cachedEvents -= weight(dropped);
    }
  }

  private async readOrEmpty(stream: string, fromRevision?: bigint): Promise<StoredEvent[]> {
    try {
      return await this.store.readStream(stream, fromRevision === undefined ? {} : { fromRevision });
    } catch (err) {
      if (err instanceof StreamNotFoundError) return [];
      throw err;
    }
  }

  /** Decide and append on the spec's stream, after the commands queued before it on that stream. */
  run<Command, State, Context>(spec: RunSpec<Command, State, Context>): Promise<RunResult<State>> {
    return this.queue.run(spec.stream, () => this.decideAndAppend(spec));
  }

  /**
   * Runs `task` alone among the tasks given the same key (not a stream name: `run` queues on
   * those), e.g. both appends of a paragraph opening under its numbering stream's key.
   */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(`exclusive:${key}`, task);
  }

  /** Resolves when every command accepted so far has finished (graceful shutdown). */
  drained(): Promise<void> {
    return this.queue.drained();
  }

  /** Decide the prepared command(s) in turn, each on the state the events before it leave. */
  private decideAll<Command, State, Context>(
    decider: RunnableDecider<Command, State, Context>,
    initial: State,
    prepared: Prepared<Command, Context>,
  ): { decided: Array<{ type: string; data: object }>; warnings: CommandWarning[] } {
    const commands = 'commands' in prepared ? prepared.commands : [prepared.command];
    const evolve = decider.evolve as (s: State, e: { type: string; data: object }) => State;
    const decided: Array<{ type: string; data: object }> = [];
    const warnings: CommandWarning[] = [];
    let state = initial;
    for (const command of commands) {
      const out = decider.decideWithWarnings
        ? decider.decideWithWarnings(command, state, prepared.context)
        : { events: decider.decide(command, state, prepared.context), warnings: [] };
      decided.push(...out.events);
      warnings.push(...out.warnings);
      state = out.events.reduce(evolve, state);
    }
    return { decided, warnings };
  }

  private async decideAndAppend<Command, State, Context>(
    spec: RunSpec<Command, State, Context>,
  ): Promise<RunResult<State>> {
    const { ctx } = spec;
    for (let attempt = 0; ; attempt++) {
      const loaded = await this.load(spec.stream, spec.decider);

      // A retried request whose events are already stored: answer as the first time, write nothing.
      const applied = loaded.commands.get(ctx.commandId);
      if (applied !== undefined)
        return { revision: Number(applied), state: loaded.state, replayed: true, warnings: [] };
      if (spec.notFound && loaded.revision === 'no_stream') throw new StreamMissing(spec.notFound);
      if (ctx.ifMatch !== undefined && ctx.ifMatch !== loaded.revision) {
        throw new RevisionMismatch(String(ctx.ifMatch), loaded.revision);
      }
      const bodyId = spec.bodyOf(loaded.state);
      if (bodyId !== undefined) assertBodyAccess(ctx.user, bodyId);

      const { decided, warnings } = this.decideAll(
        spec.decider,
        loaded.state,
        await spec.prepare(loaded.state),
      );
      // A preview: the events this command would append, and nothing written.
      if (ctx.preview) {
        // Only a paragraph's entries have a sentence to show; anything else is refused, unwritten.
        if (!spec.stream.startsWith('paragraph-')) throw new PreviewNotOffered();
        throw new PreviewOutcome(spec.stream, decided, warnings);
      }
      if (decided.length === 0) {
        return {
          revision: Number(loaded.revision === 'no_stream' ? -1 : loaded.revision),
          state: loaded.state,
          replayed: false,
          warnings,
        };
      }
      const metadata = eventMetadata(ctx);
      const scope = spec.idScope ?? 'event';
      const chained = chainEvents(
        spec.stream,
        decided.map((e, i) => ({
          id: newId(ctx, `${scope}:${i}`),
          type: e.type,
          data: e.data as Record<string, unknown>,
          // Each event is written with its type's version in the catalogue (docs/adr/0043).
          metadata: { ...metadata, schemaVersion: schemaVersionOf(e.type) },
        })),
        loaded.head,
      );
      try {
        const result = await this.store.appendToStream(spec.stream, chained.events, {
          expectedRevision: loaded.revision,
        });
        const evolve = spec.decider.evolve as (s: State, e: { type: string; data: object }) => State;
        const state = decided.reduce<State>((s, e) => evolve(s, e), loaded.state);
        const revision = result.nextExpectedRevision;
        // Our own events need not be read back: the next command starts from this state.
        this.remember(spec.stream, {
          state,
          revision,
          commands: loaded.commands.set(ctx.commandId, revision),
          decider: spec.decider,
          head: chained.head,
        });
        await this.notify(spec.stream, decided);
        return { revision: Number(revision), state, replayed: false, warnings };
      } catch (err) {
        if (!(err instanceof WrongExpectedVersionError)) throw err;
        this.conflicts++;
        // A client that asked for strict concurrency gets 412, not a silent re-decision.
        if (ctx.ifMatch !== undefined) throw new RevisionMismatch(String(ctx.ifMatch), err.actual);
        if (attempt >= this.config.commandRetries) throw err;
        // Another process wrote the stream: wait a random while so the two do not collide again.
        await sleep(conflictBackoffMs(attempt));
        this.retries++;
      }
    }
  }
}
