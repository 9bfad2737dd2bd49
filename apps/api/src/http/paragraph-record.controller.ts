import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { extractDocument, renderExtract } from '@app/protocol';
import { CurrentUser, Requires } from '../auth/auth.guard.js';
import type { User } from '../auth/users.js';
import { DocumentMarks, markIntegrity } from '../documents/document-marks.js';
import { newId, type CommandContext } from '../commands/command-context.js';
import { ParagraphCommandMessage, type WriteResult } from '../commands/messages.js';
import { documentType, PDF, sendDocument, wantsDownload } from '../documents/respond.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { QueryService } from '../queries/query.service.js';
import { Ctx } from './command-ctx.decorator.js';
import * as dto from './dto/paragraph.dto.js';
import { EntryIdParam, UuidParam } from './params.js';
import { formatQuery, MEDIA, ReadDocs, WriteDocs } from './swagger.js';
import { plain } from './plain.js';

const EXTRACT_TYPES = ['text/plain', 'text/markdown', 'application/json', 'text/html', PDF];
const EXTRACT_MEDIA = [MEDIA.text, MEDIA.markdown, MEDIA.html, MEDIA.pdf];

/** The paragraph's outcome and record: beslut, reservationer, anteckningar, justering and after, and reading it. */
@ApiTags('paragraphs')
@Controller()
export class ParagraphRecordController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryService,
    private readonly styles: HouseStyles,
    private readonly marks: DocumentMarks,
  ) {}

  @Post('paragraphs/:paragraphId/decision')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record the decision (beslut)', dto.AdoptDecisionDto, true)
  async decision(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.AdoptDecisionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const decisionId = body.decisionId ?? newId(ctx, 'decisionId');
    const data = { ...plain(body), paragraphId, decisionId };
    const result = await this.commands.execute(
      new ParagraphCommandMessage({ type: 'AdoptDecision', data }, ctx),
    );
    return { ...result, decisionId };
  }

  @Post('paragraphs/:paragraphId/reservations')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record a reservation', dto.EnterReservationDto, true)
  async reservation(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.EnterReservationDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const reservationId = body.reservationId ?? newId(ctx, 'reservationId');
    const data = { ...plain(body), paragraphId, reservationId };
    const result = await this.commands.execute(
      new ParagraphCommandMessage({ type: 'EnterReservation', data }, ctx),
    );
    return { ...result, reservationId };
  }

  @Post('paragraphs/:paragraphId/reservations/:reservationId/reasons')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs("Hand in a reservation's written reasons", dto.SubmitReservationReasonsDto)
  reasons(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Param('reservationId', EntryIdParam) reservationId: string,
    @Body() body: dto.SubmitReservationReasonsDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { ...plain(body), paragraphId, reservationId };
    return this.commands.execute(
      new ParagraphCommandMessage({ type: 'SubmitReservationReasons', data }, ctx),
    );
  }

  @Post('paragraphs/:paragraphId/notes')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record a protokollsanteckning', dto.EnterProtocolNoteDto, true)
  async note(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.EnterProtocolNoteDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const noteId = body.noteId ?? newId(ctx, 'noteId');
    const data = { ...plain(body), paragraphId, noteId };
    const result = await this.commands.execute(
      new ParagraphCommandMessage({ type: 'EnterProtocolNote', data }, ctx),
    );
    return { ...result, noteId };
  }

  @Post('paragraphs/:paragraphId/recipients')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Set who the decision is sent to (beslutet ska skickas till)', dto.SetDistributionDto)
  recipients(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.SetDistributionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { paragraphId, recipients: body.recipients };
    return this.commands.execute(new ParagraphCommandMessage({ type: 'SetDistribution', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/strike')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Strike a mistaken entry before justering', dto.StrikeEntryDto)
  strike(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.StrikeEntryDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { ...plain(body), paragraphId };
    return this.commands.execute(new ParagraphCommandMessage({ type: 'StrikeEntry', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/justify')
  @HttpCode(200)
  @Requires('justify')
  @WriteDocs('Justera the paragraph (chair and justerare; omedelbar justering)', dto.JustifyParagraphDto)
  justify(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.JustifyParagraphDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = {
      paragraphId,
      byMemberIds: body.byMemberIds,
      immediate: body.immediate,
      at: body.at ?? ctx.recordedAt,
    };
    return this.commands.execute(new ParagraphCommandMessage({ type: 'JustifyParagraph', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/corrections')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record a rättelse of an obvious error after justering', dto.RecordCorrectionDto, true)
  async correction(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.RecordCorrectionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const correctionId = body.correctionId ?? newId(ctx, 'correctionId');
    const data = { ...plain(body), paragraphId, correctionId };
    const result = await this.commands.execute(
      new ParagraphCommandMessage({ type: 'RecordCorrection', data }, ctx),
    );
    return { ...result, correctionId };
  }

  @Post('paragraphs/:paragraphId/certify')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Certify the extract (utdragsbestyrkande)', dto.CertifyExtractDto)
  certify(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.CertifyExtractDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { paragraphId, by: plain(body.by), at: body.at ?? ctx.recordedAt };
    return this.commands.execute(new ParagraphCommandMessage({ type: 'CertifyExtract', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/dispatch')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Record that the decision was sent (expediering)', dto.DispatchDecisionDto)
  dispatch(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.DispatchDecisionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { paragraphId, recipient: body.recipient, at: body.at ?? ctx.recordedAt };
    return this.commands.execute(new ParagraphCommandMessage({ type: 'DispatchDecision', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/confidential')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs(
    'Mark the paragraph as containing sekretess (OSL 2009:400): public views show its heading and beslut only',
    dto.MarkConfidentialDto,
  )
  markConfidential(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.MarkConfidentialDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = {
      paragraphId,
      provision: body.provision,
      ...(body.reason ? { reason: body.reason } : {}),
      by: body.by ? plain(body.by) : { name: ctx.user.name },
      at: body.at ?? ctx.recordedAt,
    };
    return this.commands.execute(
      new ParagraphCommandMessage({ type: 'MarkParagraphConfidential', data }, ctx),
    );
  }

  @Post('paragraphs/:paragraphId/confidential/lift')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs(
    'Lift the sekretess marking: public views show the whole paragraph again',
    dto.LiftConfidentialityDto,
  )
  liftConfidentiality(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.LiftConfidentialityDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = {
      paragraphId,
      reason: body.reason,
      by: body.by ? plain(body.by) : { name: ctx.user.name },
      at: body.at ?? ctx.recordedAt,
    };
    return this.commands.execute(
      new ParagraphCommandMessage({ type: 'LiftParagraphConfidentiality', data }, ctx),
    );
  }

  @Get('paragraphs/:paragraphId')
  @Requires('read')
  @ReadDocs({
    summary: "A paragraph's state (the renderer's view)",
    json: 'ParagraphState',
    problems: [400, 404],
    etag: true,
  })
  async get(@Param('paragraphId', UuidParam) paragraphId: string) {
    const { revision, view } = await this.queries.paragraph(paragraphId);
    return { revision, paragraph: view };
  }

  @Get('paragraphs/:paragraphId/extract')
  @Requires('read')
  @ReadDocs({
    summary: 'The protocol extract (protokollsutdrag) of one paragraph; Accept chooses the format',
    description: 'Or `?format=pdf|html|text|markdown|json`; `?download=1` saves the PDF.',
    json: 'ExtractJson',
    media: EXTRACT_MEDIA,
    query: formatQuery(EXTRACT_MEDIA, true),
    problems: [400, 404, 406],
    etag: true,
  })
  async extract(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: User,
    @Query('format') format?: string,
    @Query('download') download?: string,
  ): Promise<unknown> {
    const type = documentType(accept, format, EXTRACT_TYPES);
    const paragraph = await this.queries.paragraph(paragraphId);
    const meeting = await this.queries.meeting(paragraph.view.meetingId);
    void reply.header('vary', 'Accept').header('etag', `"${paragraph.revision}"`);
    const style = await this.styles.forExtract(paragraph.view, meeting.view);
    const seal =
      paragraph.view.justering || meeting.view.justified
        ? await this.marks.extractSeal(paragraphId, paragraph.view.meetingId)
        : null;
    if (type === 'application/json') {
      const text = renderExtract(paragraph.view, meeting.view, { ...style, seal, format: 'text' });
      return { paragraphId, text, paragraph: paragraph.view, meeting: meeting.view };
    }
    const doc = extractDocument(paragraph.view, meeting.view, { ...style, seal });
    const streams = this.marks.meetingStreams(paragraph.view.meetingId, [paragraphId]);
    return sendDocument(
      reply,
      type,
      markIntegrity(reply, user, doc, this.marks.breaksIn(streams)),
      wantsDownload(download),
    );
  }
}
