import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadDocs } from '../http/swagger.js';
import type { IntegrityBreak } from '@app/event-store';
import { CurrentUser, Requires } from '../auth/auth.guard.js';
import { inAuditScope } from '../auth/policy.js';
import type { User } from '../auth/users.js';
import { EVENT_STORE } from '../infra/tokens.js';
import type { EventStore } from '@app/event-store';
import { IntegrityService } from './integrity.service.js';
import { StreamBodies } from './stream-body.js';

@ApiTags('audit')
@Controller('audit')
export class VerifyController {
  private readonly bodies: StreamBodies;

  constructor(
    @Inject(IntegrityService) private readonly integrity: IntegrityService,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.bodies = new StreamBodies(store);
  }

  @Get('verify')
  @Requires('audit')
  @ReadDocs({
    summary:
      'Recompute every hash chain and seal from position 0 and list each break (stream, revision, kind)',
    json: 'IntegrityReport',
  })
  async verify(@CurrentUser() user: User): Promise<unknown> {
    const report = await this.integrity.verifyAll();
    if (user.bodies === undefined) return report;
    // A scoped auditor learns that there are breaks, and the details of their own bodies only.
    const breaks: IntegrityBreak[] = [];
    for (const b of report.breaks) if (inAuditScope(user, await this.bodies.of(b.streamId))) breaks.push(b);
    return { ...report, breaks, breaksOutsideScope: report.breaks.length - breaks.length };
  }
}
