import { Controller, Get, Headers, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { meetingExists } from '@app/projections';
import { Public } from '../auth/auth.guard.js';
import { ProblemException, problems } from '../errors/problem.js';
import { UuidParam } from '../http/params.js';
import { MEDIA, ReadDocs } from '../http/swagger.js';
import { LiveHub } from './live-hub.js';
import { ReadModels } from './read-models.service.js';

/** Seconds a refused viewer is asked to wait before trying again. */
const RETRY_AFTER_S = 5;

/**
 * The live stream of a meeting (Server-Sent Events; docs/adr/0010, 0028). Each event's id is
 * its global position. A fresh connection starts with a `ready` event whose id is the current
 * position; a client that reconnects with `Last-Event-ID` gets exactly the meeting's public
 * events after that id, then the live ones: nothing missed, nothing twice.
 */
@ApiTags('read models')
@Controller()
export class LiveController {
  constructor(
    @Inject(ReadModels) private readonly models: ReadModels,
    @Inject(LiveHub) private readonly hub: LiveHub,
  ) {}

  @Get('meetings/:meetingId/live')
  @Public() // what is recorded at a public meeting, as it happens (the public view)
  @ReadDocs({
    summary: 'Live changes of a meeting (text/event-stream); reconnect with Last-Event-ID',
    public: true,
    media: [MEDIA.eventStream],
    responseDescription:
      'Server-Sent Events: `ready`, then the meeting’s public events; each id a global position',
    query: [
      {
        name: 'lastEventId',
        description: 'as the Last-Event-ID header, for clients that cannot set it',
        schema: { type: 'string', pattern: '^\\d{1,19}$' },
      },
    ],
    problems: [400, 404, 503],
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after this global position' })
  live(
    @Param('meetingId', UuidParam) meetingId: string,
    @Headers('last-event-id') lastEventIdHeader: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    const raw = lastEventIdHeader ?? lastEventIdQuery;
    if (raw !== undefined && !/^\d{1,19}$/.test(raw.trim())) {
      throw problems.validation([{ field: 'Last-Event-ID', message: 'must be a global position (digits)' }]);
    }
    if (!meetingExists(this.models.db, meetingId))
      throw problems.notFound(`Sammanträdet ${meetingId} finns inte.`);
    const admission = this.hub.admit(request.ip);
    if (!admission.ok) {
      void reply.header('retry-after', String(RETRY_AFTER_S));
      throw new ProblemException({
        status: 503,
        code: 'LIVE_CAPACITY',
        title: 'För många anslutningar',
        detail:
          admission.reason === 'address'
            ? 'För många direktsändningar från samma adress. Försök igen om en stund.'
            : 'Servern har nått sitt tak för direktsändningar. Försök igen om en stund.',
      });
    }
    // The hub's fan-out writes the stream itself, on the request's socket (docs/adr/0033).
    reply.hijack();
    void this.hub.attach(
      meetingId,
      request.raw.socket,
      request.ip,
      String(request.id),
      raw === undefined ? undefined : BigInt(raw.trim()),
    );
  }
}
