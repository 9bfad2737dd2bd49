import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EventStore } from '@app/event-store';
import { CommandRunner } from '../commands/command-runner.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { LiveHub } from '../read-models/live-hub.js';
import { ReadModels } from '../read-models/read-models.service.js';
import { projectionLag } from './lag.js';

/** A command's outcome as operators count it. */
function outcome(status: number): string {
  if (status < 300) return 'ok';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 422) return 'refused';
  if (status < 500) return 'rejected';
  return 'error';
}

/**
 * Prometheus metrics (prom-client), one registry per app so that several apps in one process
 * (tests) do not share counters. Command rate and latency come from a Fastify onResponse hook
 * on write routes; the rest is read when Prometheus scrapes.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'route' | 'outcome'>;
  private readonly latency: Histogram<'route' | 'outcome'>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CommandRunner) runner: CommandRunner,
    @Inject(LiveHub) hub: LiveHub,
    @Inject(ReadModels) models: ReadModels,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.commands = new Counter({
      name: 'paragraf_commands_total',
      help: 'Commands answered, by route and outcome (ok, refused, conflict, rejected, error)',
      labelNames: ['route', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'paragraf_command_duration_seconds',
      help: 'Time from request to answer of a command, by route and outcome',
      labelNames: ['route', 'outcome'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    const fromRunner = (name: string, help: string, read: () => number) => {
      let seen = 0;
      new Counter({
        name,
        help,
        registers,
        collect() {
          const now = read();
          this.inc(now - seen);
          seen = now;
        },
      });
    };
    fromRunner(
      'paragraf_command_conflicts_total',
      'Appends refused for a concurrency conflict',
      () => runner.conflicts,
    );
    fromRunner(
      'paragraf_command_retries_total',
      'Commands decided again after a conflict',
      () => runner.retries,
    );
    const groups = new Histogram({
      name: 'paragraf_group_commit_appends',
      help: 'Appends committed together in one SQLite transaction (group commit)',
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers,
    });
    // Only adapters that commit in groups (SQLite) call it.
    store.onGroupCommitted = (n) => groups.observe(n);
    new Gauge({
      name: 'paragraf_projection_lag',
      help: 'Store head minus the read models position (events with SQLite; log bytes with EventStoreDB)',
      registers,
      async collect() {
        this.set(Number((await projectionLag(store, models.runner)).lag));
      },
    });
    new Gauge({
      name: 'paragraf_command_cache_events',
      help: "Events folded into the command path's cached streams (bounded by PARAGRAF_COMMAND_CACHE_EVENTS)",
      registers,
      collect() {
        this.set(runner.cached.events);
      },
    });
    new Gauge({
      name: 'paragraf_live_clients',
      help: 'Open live-stream connections',
      registers,
      collect() {
        this.set(hub.size);
      },
    });
    fromRunner(
      'paragraf_live_clients_dropped_total',
      'Live clients dropped for not reading',
      () => hub.dropped,
    );
  }

  /** Count and time every write (command) route's answer. */
  observe(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      if (request.method === 'POST' && request.routeOptions.url) {
        const labels = { route: request.routeOptions.url, outcome: outcome(reply.statusCode) };
        this.commands.inc(labels);
        this.latency.observe(labels, reply.elapsedTime / 1000);
      }
      done();
    });
  }
}
