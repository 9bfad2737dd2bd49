import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@app/event-store';
import { Public } from '../auth/auth.guard.js';
import { EVENT_STORE } from '../infra/tokens.js';
import { integrityIndicator } from '../integrity/integrity.health.js';
import { IntegrityService } from '../integrity/integrity.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IntegrityService) private readonly integrity: IntegrityService,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('eventStore');
        try {
          await this.store.ping();
          return indicator.up();
        } catch (err) {
          return indicator.down({ message: (err as Error).message });
        }
      },
      integrityIndicator(this.integrity, this.indicators),
    ]);
  }
}
