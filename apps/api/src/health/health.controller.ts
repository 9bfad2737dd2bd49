import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { schemaRef } from '../http/openapi-schemas.js';
import { ReadDocs } from '../http/swagger.js';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import type { EventStore } from '@app/event-store';
import { Public } from '../auth/auth.guard.js';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { projectionLag } from '../ops/lag.js';
import { Metrics } from '../ops/metrics.js';
import { ReadModels } from '../read-models/read-models.service.js';
import { integrityIndicator } from '../integrity/integrity.health.js';
import { IntegrityService } from '../integrity/integrity.service.js';

/** Terminus answers 503 with the same report when a check is down. */
const HealthDown = () =>
  ApiResponse({
    status: 503,
    description: 'a check is down',
    content: { 'application/json': { schema: schemaRef('Health') } },
  });

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ReadModels) private readonly models: ReadModels,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(IntegrityService) private readonly integrity: IntegrityService,
  ) {}

  /** The store can read and write (with SQLite: the writer thread is alive). */
  private readonly eventStore: HealthIndicatorFunction = async () => {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.store.ping();
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  };

  /** The read models keep up: down when further behind than PARAGRAF_READY_MAX_LAG. */
  private readonly projections: HealthIndicatorFunction = async () => {
    const indicator = this.indicators.check('projections');
    const { head, position, lag } = await projectionLag(this.store, this.models.runner);
    const details = { head: String(head), position: String(position), lag: Number(lag) };
    return lag <= BigInt(this.config.readyMaxLag) ? indicator.up(details) : indicator.down(details);
  };

  /** The checks of /health; another indicator is one more entry here (and in ready). */
  private checks(): HealthIndicatorFunction[] {
    return [this.eventStore, integrityIndicator(this.integrity, this.indicators)];
  }

  @Get('health')
  @Public()
  @HealthCheck()
  @ReadDocs({ summary: 'Health: the event store and the integrity checks', public: true, json: 'Health' })
  @HealthDown()
  check() {
    return this.health.check(this.checks());
  }

  /** Liveness: the process answers (restart it when this fails). */
  @Get('health/live')
  @Public()
  @ReadDocs({ summary: 'Liveness: the process answers', public: true, json: 'Health' })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: send it traffic (the store works, the read models keep up). */
  @Get('health/ready')
  @Public()
  @HealthCheck()
  @ReadDocs({
    summary: 'Readiness: the store works and the read models keep up',
    public: true,
    json: 'Health',
  })
  @HealthDown()
  ready() {
    return this.health.check([...this.checks(), this.projections]);
  }

  @Get('metrics')
  @Public()
  @ReadDocs({ summary: 'Prometheus metrics (text exposition format)', public: true, media: ['text/plain'] })
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
