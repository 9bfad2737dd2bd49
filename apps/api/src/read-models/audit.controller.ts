import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StreamNotFoundError } from '@app/event-store';
import { protocolDocument, writeDocument } from '@app/protocol';
import {
  changesBetween,
  paragraphIdsOf,
  parseAsOf,
  protocolAsOf,
  toAuditEvent,
  type AsOf,
} from '@app/projections';
import { CurrentUser, Requires } from '../auth/auth.guard.js';
import { assertAuditScope, inAuditScope } from '../auth/policy.js';
import type { User } from '../auth/users.js';
import { StreamBodies } from '../integrity/stream-body.js';
import { DocumentMarks, INTEGRITY_HEADER, markIntegrity } from '../documents/document-marks.js';
import { problems } from '../errors/problem.js';
import { formatOf, negotiate } from '../http/negotiate.js';
import { UuidParam } from '../http/params.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { ReadModels } from './read-models.service.js';
import { positiveInt } from './query-params.js';

const STREAM_ID = /^((meeting|paragraph|numbering)-[0-9a-z-]{1,100}|integrity-seals)$/i;
const DOCUMENT_TYPES = ['text/plain', 'text/markdown', 'text/html', 'application/json'];

function asOfParam(raw: string | undefined, field: string, required: boolean): AsOf | undefined {
  if (raw === undefined || raw === '') {
    if (required)
      throw problems.validation([{ field, message: 'is required: a global position or an ISO-8601 time' }]);
    return undefined;
  }
  const asOf = parseAsOf(raw);
  if (!asOf) throw problems.validation([{ field, message: 'must be a global position or an ISO-8601 time' }]);
  return asOf;
}

/** Auditors' replay: raw history with metadata, the protocol as of a point, changes between points. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  private readonly bodies: StreamBodies;

  constructor(
    @Inject(ReadModels) private readonly models: ReadModels,
    @Inject(HouseStyles) private readonly styles: HouseStyles,
    @Inject(DocumentMarks) private readonly marks: DocumentMarks,
  ) {
    this.bodies = new StreamBodies(models.store);
  }

  @Get('streams/:streamId/events')
  @Requires('audit')
  @ApiOperation({
    summary: 'Every event of a stream with its metadata (who, when, command, correlation); auditors',
  })
  async stream(
    @Param('streamId') streamId: string,
    @CurrentUser() user: User,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    if (!STREAM_ID.test(streamId)) {
      throw problems.validation([
        {
          field: 'streamId',
          message: 'must be meeting-<uuid>, paragraph-<uuid>, numbering-<body>-<year> or integrity-seals',
        },
      ]);
    }
    assertAuditScope(user, await this.bodies.of(streamId));
    try {
      const events = await this.models.store.readStream(streamId);
      // Background verification's breaks in this stream (docs/adr/0031): the events are shown
      // as stored, and the answer says they are not what was written.
      const breaks = this.marks.breaksIn([streamId]);
      void reply.header(INTEGRITY_HEADER, breaks.length > 0 ? 'broken' : 'clean');
      return {
        streamId,
        integrity: { state: breaks.length > 0 ? 'broken' : 'clean', breaks },
        events: events.map(toAuditEvent),
      };
    } catch (err) {
      if (err instanceof StreamNotFoundError) throw problems.notFound(`Strömmen ${streamId} finns inte.`);
      throw err;
    }
  }

  @Get('meetings/:meetingId/protocol')
  @Requires('read')
  @ApiProduces(...DOCUMENT_TYPES)
  @ApiOperation({ summary: 'The protocol as it stood at a global position or an instant (asOf)' })
  async protocolAsOf(
    @Param('meetingId', UuidParam) meetingId: string,
    @Query('asOf') rawAsOf: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: User,
  ): Promise<unknown> {
    const asOf = asOfParam(rawAsOf, 'asOf', true)!;
    const type = negotiate(accept, DOCUMENT_TYPES);
    if (!type) throw problems.notAcceptable(DOCUMENT_TYPES);
    const result = await protocolAsOf(
      this.models.store,
      meetingId,
      asOf,
      paragraphIdsOf(this.models.db, meetingId),
    );
    if (!result) throw problems.notFound(`Sammanträdet ${meetingId} fanns inte vid ${rawAsOf}.`);
    void reply.header('vary', 'Accept').header('x-as-of-position', result.lastPosition ?? '');
    const streams = this.marks.meetingStreams(
      meetingId,
      result.paragraphs.map((p) => p.paragraphId),
    );
    const breaks = this.marks.breaksIn(streams);
    if (type === 'application/json') {
      if (user.role !== 'auditor') return result;
      void reply.header(INTEGRITY_HEADER, breaks.length > 0 ? 'broken' : 'clean');
      return { ...result, integrity: { state: breaks.length > 0 ? 'broken' : 'clean', breaks } };
    }
    void reply.header('content-type', `${type}; charset=utf-8`);
    const style = await this.styles.forProtocol(result.meeting, result.paragraphs, asOf);
    const doc = protocolDocument(result.meeting, result.paragraphs, style);
    return writeDocument(markIntegrity(reply, user, doc, breaks), formatOf(type));
  }

  @Get('changes')
  @Requires('audit')
  @ApiOperation({
    summary: 'Every event between two points (positions or ISO-8601 times, inclusive); auditors',
  })
  async changes(
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('limit') limit: string | undefined,
    @CurrentUser() user: User,
  ): Promise<unknown> {
    const page = await changesBetween(this.models.store, {
      from: asOfParam(from, 'from', false),
      to: asOfParam(to, 'to', false),
      limit: positiveInt(limit, 'limit', 1000, 10_000),
    });
    if (user.bodies === undefined) return page;
    // A scoped auditor sees the events of their bodies only; paging still follows $all.
    const events = [];
    for (const e of page.events) if (inAuditScope(user, await this.bodies.of(e.streamId))) events.push(e);
    return { ...page, events };
  }
}
