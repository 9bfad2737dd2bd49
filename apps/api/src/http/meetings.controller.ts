import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { protocolDocument, votingListDocument } from '@app/protocol';
import { CurrentUser, Requires } from '../auth/auth.guard.js';
import type { User } from '../auth/users.js';
import { DocumentMarks, markIntegrity } from '../documents/document-marks.js';
import type { CommandContext } from '../commands/command-context.js';
import { newId } from '../commands/command-context.js';
import { Bodies } from '../bodies/bodies.service.js';
import { AttachmentStore, requireUploaded } from '../attachments/attachment.store.js';
import { MeetingCommandMessage, ReorderAgendaMessage, type WriteResult } from '../commands/messages.js';
import { documentType, PDF, sendDocument, wantsDownload } from '../documents/respond.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { QueryService } from '../queries/query.service.js';
import { Ctx } from './command-ctx.decorator.js';
import {
  AnnounceProtocolDto,
  AppointAdjustersDto,
  CloseMeetingDto,
  JustifyProtocolDto,
  OpenMeetingDto,
  RecordAttendanceDto,
  ReorderAgendaDto,
  ScheduleMeetingDto,
} from './dto/meeting.dto.js';
import { AddAttachmentDto } from './dto/paragraph.dto.js';
import { UuidParam } from './params.js';
import { formatQuery, MEDIA, ReadDocs, WriteDocs } from './swagger.js';

const MEETING_ID = 'meetingId';
const DOCUMENT_TYPES = ['text/plain', 'text/markdown', 'text/html', PDF];
const DOCUMENT_MEDIA = [MEDIA.text, MEDIA.markdown, MEDIA.html, MEDIA.pdf];

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryService,
    private readonly styles: HouseStyles,
    private readonly attachments: AttachmentStore,
    private readonly marks: DocumentMarks,
    private readonly bodies: Bodies,
  ) {}

  @Post(`:${MEETING_ID}/attachments`)
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Attach an uploaded document (bilaga) to the protocol as a whole', AddAttachmentDto, true)
  async attachment(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: AddAttachmentDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const blob = await requireUploaded(this.attachments, dto.sha256);
    const data = {
      meetingId,
      sha256: dto.sha256,
      filename: dto.filename,
      title: dto.title,
      size: blob.size,
      mediaType: dto.mediaType ?? blob.mediaType,
      ...(dto.number !== undefined ? { number: dto.number } : {}),
    };
    const result = await this.commands.execute(
      new MeetingCommandMessage({ type: 'AddProtocolAttachment', data }, ctx),
    );
    return { ...result, sha256: dto.sha256 };
  }

  @Post()
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Schedule a meeting (sammanträde)', ScheduleMeetingDto, true)
  async schedule(@Body() dto: ScheduleMeetingDto, @Ctx() ctx: CommandContext): Promise<WriteResult> {
    const meetingId = dto.meetingId ?? newId(ctx, 'meetingId');
    // Members left out come from the body's roster on the date, copied into the event (ADR 0036).
    const data = await this.bodies.scheduleData(dto, meetingId);
    return this.commands.execute(new MeetingCommandMessage({ type: 'ScheduleMeeting', data }, ctx));
  }

  @Post(`:${MEETING_ID}/attendance`)
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Record attendance (närvaro, upprop)', RecordAttendanceDto)
  attendance(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: RecordAttendanceDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { ...dto, meetingId, effectiveFrom: dto.effectiveFrom ?? ctx.recordedAt };
    return this.commands.execute(new MeetingCommandMessage({ type: 'RecordAttendance', data }, ctx));
  }

  @Post(`:${MEETING_ID}/adjusters`)
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Appoint justerare', AppointAdjustersDto)
  adjusters(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: AppointAdjustersDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new MeetingCommandMessage({ type: 'AppointAdjusters', data: { ...dto, meetingId } }, ctx),
    );
  }

  @Post(`:${MEETING_ID}/agenda-order`)
  @HttpCode(200)
  @Requires('record')
  @WriteDocs(
    'Put the agenda (föredragningslista) in a new order: the paragraphs not yet handled are renumbered',
    ReorderAgendaDto,
  )
  agendaOrder(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: ReorderAgendaDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    return this.commands.execute(new ReorderAgendaMessage(meetingId, dto.order, ctx));
  }

  @Post(`:${MEETING_ID}/open`)
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Open the meeting', OpenMeetingDto)
  open(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: OpenMeetingDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { meetingId, at: dto.at ?? ctx.recordedAt };
    return this.commands.execute(new MeetingCommandMessage({ type: 'OpenMeeting', data }, ctx));
  }

  @Post(`:${MEETING_ID}/close`)
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Close the meeting', CloseMeetingDto)
  close(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: CloseMeetingDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { meetingId, at: dto.at ?? ctx.recordedAt };
    return this.commands.execute(new MeetingCommandMessage({ type: 'CloseMeeting', data }, ctx));
  }

  @Post(`:${MEETING_ID}/justify`)
  @HttpCode(200)
  @Requires('justify')
  @WriteDocs('Justera the protocol (chair and justerare)', JustifyProtocolDto)
  justify(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: JustifyProtocolDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { meetingId, byMemberIds: dto.byMemberIds, at: dto.at ?? ctx.recordedAt };
    return this.commands.execute(new MeetingCommandMessage({ type: 'JustifyProtocol', data }, ctx));
  }

  @Post(`:${MEETING_ID}/announce`)
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Announce the justering on the anslagstavla', AnnounceProtocolDto)
  announce(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Body() dto: AnnounceProtocolDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new MeetingCommandMessage({ type: 'AnnounceProtocol', data: { ...dto, meetingId } }, ctx),
    );
  }

  @Get(`:${MEETING_ID}`)
  @Requires('read')
  @ReadDocs({
    summary: 'The meeting with its paragraphs (§ order)',
    json: 'MeetingWithParagraphs',
    problems: [400, 404],
    etag: true,
  })
  get(@Param(MEETING_ID, UuidParam) meetingId: string) {
    return this.queries.meetingWithParagraphs(meetingId);
  }

  @Get(`:${MEETING_ID}/protocol`)
  @Requires('read')
  @ReadDocs({
    summary: 'The whole protocol, rendered',
    description: 'Accept or `?format=pdf|html|text|markdown`; `?download=1` saves the PDF.',
    media: DOCUMENT_MEDIA,
    query: formatQuery(DOCUMENT_MEDIA),
    problems: [400, 404, 406],
    etag: true,
  })
  async protocol(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: User,
    @Query('format') format?: string,
    @Query('download') download?: string,
  ): Promise<string | Buffer> {
    const type = documentType(accept, format, DOCUMENT_TYPES);
    const { meeting: view, paragraphs } = await this.queries.protocolViews(meetingId);
    const style = await this.styles.forProtocol(view, paragraphs);
    // Before justering there is no seal line, so what a signer is served is what they sign.
    const seal = view.justified ? await this.marks.protocolSeal(meetingId) : null;
    const doc = protocolDocument(view, paragraphs, { ...style, seal });
    const streams = this.marks.meetingStreams(
      meetingId,
      paragraphs.map((p) => p.paragraphId),
    );
    return sendDocument(
      reply,
      type,
      markIntegrity(reply, user, doc, this.marks.breaksIn(streams)),
      wantsDownload(download),
    );
  }

  @Get(`:${MEETING_ID}/voting-appendix`)
  @Requires('read')
  @ReadDocs({
    summary: 'Närvaro- och omröstningslista (omröstningsbilaga): attendance and a table per votering',
    description: 'Accept or `?format=pdf|html|text|markdown`; `?download=1` saves the PDF.',
    media: DOCUMENT_MEDIA,
    query: formatQuery(DOCUMENT_MEDIA),
    problems: [400, 404, 406],
    etag: true,
  })
  async votingAppendix(
    @Param(MEETING_ID, UuidParam) meetingId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('format') format?: string,
    @Query('download') download?: string,
  ): Promise<string | Buffer> {
    const type = documentType(accept, format, DOCUMENT_TYPES);
    const { meeting: view, paragraphs } = await this.queries.protocolViews(meetingId);
    const style = await this.styles.forProtocol(view, paragraphs);
    return sendDocument(reply, type, votingListDocument(view, paragraphs, style), wantsDownload(download));
  }
}
