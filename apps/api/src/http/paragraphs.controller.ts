import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { extractDocument, renderExtract } from '@app/protocol';
import { CurrentUser, Requires } from '../auth/auth.guard.js';
import type { User } from '../auth/users.js';
import { DocumentMarks, markIntegrity } from '../documents/document-marks.js';
import { newId, type CommandContext } from '../commands/command-context.js';
import type { WriteResult } from '../commands/messages.js';
import * as cmd from '../commands/paragraph.handlers.js';
import { documentType, PDF, sendDocument, wantsDownload } from '../documents/respond.js';
import { HouseStyles } from '../house-styles/house-styles.service.js';
import { QueryService } from '../queries/query.service.js';
import { Ctx } from './command-ctx.decorator.js';
import { AttachmentStore, requireUploaded } from '../attachments/attachment.store.js';
import { toFinding, toRef, toTarget } from './dto/common.dto.js';
import * as dto from './dto/paragraph.dto.js';
import { EntryIdParam, UuidParam } from './params.js';
import { WriteDocs } from './swagger.js';

/** The DTO as plain JSON: no class instances or undefined fields reach the domain or the store. */
function plain<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const EXTRACT_TYPES = ['text/plain', 'text/markdown', 'application/json', 'text/html', PDF];

@ApiTags('paragraphs')
@Controller()
export class ParagraphsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryService,
    private readonly styles: HouseStyles,
    private readonly attachments: AttachmentStore,
    private readonly marks: DocumentMarks,
  ) {}

  @Post('meetings/:meetingId/paragraphs')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Open a paragraph (ärende, §) on the meeting', dto.OpenParagraphDto, true)
  open(
    @Param('meetingId', UuidParam) meetingId: string,
    @Body() body: dto.OpenParagraphDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const paragraphId = body.paragraphId ?? newId(ctx, 'paragraphId');
    return this.commands.execute(
      new cmd.OpenParagraphCommand({ ...plain(body), paragraphId, meetingId }, ctx),
    );
  }

  @Post('paragraphs/:paragraphId/recusals')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Declare jäv', dto.DeclareRecusalDto)
  recusal(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.DeclareRecusalDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { ...plain(body), paragraphId };
    return this.commands.execute(new cmd.DeclareRecusalCommand({ type: 'DeclareRecusal', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/motions')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record a yrkande', dto.ProposeMotionDto, true)
  async motion(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.ProposeMotionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const motionId = body.motionId ?? newId(ctx, 'motionId');
    const { refersTo, ...rest } = plain(body);
    const data = { ...rest, paragraphId, motionId, ...(refersTo ? { refersTo: toTarget(refersTo) } : {}) };
    const result = await this.commands.execute(
      new cmd.ProposeMotionCommand({ type: 'ProposeMotion', data }, ctx),
    );
    return { ...result, motionId };
  }

  @Post('paragraphs/:paragraphId/motions/:motionId/support')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Record that a member supports (instämmer i) a yrkande', dto.SupportMotionDto)
  support(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Param('motionId', EntryIdParam) motionId: string,
    @Body() body: dto.SupportMotionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { paragraphId, motionId, memberId: body.memberId };
    return this.commands.execute(new cmd.SupportMotionCommand({ type: 'SupportMotion', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/motions/:motionId/withdraw')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Withdraw a yrkande', undefined)
  withdraw(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Param('motionId', EntryIdParam) motionId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new cmd.WithdrawMotionCommand({ type: 'WithdrawMotion', data: { paragraphId, motionId } }, ctx),
    );
  }

  @Post('paragraphs/:paragraphId/proposal/support')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs(
    "Record that a member supports (instämmer i) the preparing body's förslag",
    dto.SupportProposalDto,
  )
  supportProposal(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.SupportProposalDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { paragraphId, memberId: body.memberId };
    return this.commands.execute(new cmd.SupportProposalCommand({ type: 'SupportProposal', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/proposal/amendments')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record that the chair amends the proposal under discussion', dto.AmendProposalDto, true)
  async amend(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.AmendProposalDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const amendmentId = body.amendmentId ?? newId(ctx, 'amendmentId');
    const data = { ...plain(body), paragraphId, amendmentId };
    const result = await this.commands.execute(
      new cmd.AmendProposalCommand({ type: 'AmendProposal', data }, ctx),
    );
    return { ...result, amendmentId };
  }

  @Post('paragraphs/:paragraphId/speakers')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record who speaks (talarlista), in order', dto.RecordSpeakerDto, true)
  async speaker(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.RecordSpeakerDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const speakerId = body.speakerId ?? newId(ctx, 'speakerId');
    const data = { ...plain(body), paragraphId, speakerId };
    const result = await this.commands.execute(
      new cmd.RecordSpeakerCommand({ type: 'RecordSpeaker', data }, ctx),
    );
    return { ...result, speakerId };
  }

  @Post('paragraphs/:paragraphId/non-participation')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs(
    'Record members or a group who do not take part in the decision (not jäv)',
    dto.DeclareNonParticipationDto,
    true,
  )
  async nonParticipation(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.DeclareNonParticipationDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const declarationId = body.declarationId ?? newId(ctx, 'declarationId');
    const data = { ...plain(body), paragraphId, declarationId };
    const result = await this.commands.execute(
      new cmd.DeclareNonParticipationCommand({ type: 'DeclareNonParticipation', data }, ctx),
    );
    return { ...result, declarationId };
  }

  @Post('paragraphs/:paragraphId/proposition-orders')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record the propositionsordning the meeting approved', dto.ApprovePropositionOrderDto, true)
  async propositionOrder(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.ApprovePropositionOrderDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const orderId = body.orderId ?? newId(ctx, 'orderId');
    const steps = body.steps.map((step) => ({ puts: step.puts.map(toRef) }));
    const data = { paragraphId, orderId, steps, ...(body.text !== undefined ? { text: body.text } : {}) };
    const result = await this.commands.execute(
      new cmd.ApprovePropositionOrderCommand({ type: 'ApprovePropositionOrder', data }, ctx),
    );
    return { ...result, orderId };
  }

  @Post('paragraphs/:paragraphId/attachments')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Attach an uploaded document (bilaga) to the paragraph', dto.AddAttachmentDto, true)
  async attachment(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.AddAttachmentDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const blob = await requireUploaded(this.attachments, body.sha256);
    const data = {
      ...plain(body),
      paragraphId,
      size: blob.size,
      mediaType: body.mediaType ?? blob.mediaType,
    };
    const result = await this.commands.execute(
      new cmd.AddAttachmentCommand({ type: 'AddAttachment', data }, ctx),
    );
    return { ...result, sha256: body.sha256 };
  }

  @Post('paragraphs/:paragraphId/questions')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs("Record the chair's proposition and finding", dto.AskQuestionDto, true)
  async question(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.AskQuestionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const questionId = body.questionId ?? newId(ctx, 'questionId');
    const data = { paragraphId, questionId, puts: body.puts.map(toRef), finding: toFinding(body.finding) };
    const result = await this.commands.execute(
      new cmd.AskQuestionCommand({ type: 'AskQuestion', data }, ctx),
    );
    return { ...result, questionId };
  }

  @Post('paragraphs/:paragraphId/votes')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs('Record that votering is requested', dto.RequestVoteDto, true)
  async vote(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.RequestVoteDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const voteId = body.voteId ?? newId(ctx, 'voteId');
    const data = { ...plain(body), paragraphId, voteId };
    const result = await this.commands.execute(
      new cmd.RequestVoteCommand({ type: 'RequestVote', data }, ctx),
    );
    return { ...result, voteId };
  }

  @Post('paragraphs/:paragraphId/votes/:voteId/proposition')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Record the approved voteringsproposition', dto.ApproveVotePropositionDto)
  proposition(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Param('voteId', EntryIdParam) voteId: string,
    @Body() body: dto.ApproveVotePropositionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { paragraphId, voteId, kind: body.kind, ja: toRef(body.ja), nej: toRef(body.nej) };
    return this.commands.execute(
      new cmd.ApproveVotePropositionCommand({ type: 'ApproveVoteProposition', data }, ctx),
    );
  }

  @Post('paragraphs/:paragraphId/votes/:voteId/roll-call')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs('Record the roll call (upprop) of a votering', dto.HoldVoteDto)
  rollCall(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Param('voteId', EntryIdParam) voteId: string,
    @Body() body: dto.HoldVoteDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const data = { ...plain(body), paragraphId, voteId };
    return this.commands.execute(new cmd.HoldVoteCommand({ type: 'HoldVote', data }, ctx));
  }

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
      new cmd.AdoptDecisionCommand({ type: 'AdoptDecision', data }, ctx),
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
      new cmd.EnterReservationCommand({ type: 'EnterReservation', data }, ctx),
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
      new cmd.SubmitReservationReasonsCommand({ type: 'SubmitReservationReasons', data }, ctx),
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
      new cmd.EnterProtocolNoteCommand({ type: 'EnterProtocolNote', data }, ctx),
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
    return this.commands.execute(new cmd.SetDistributionCommand({ type: 'SetDistribution', data }, ctx));
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
    return this.commands.execute(new cmd.StrikeEntryCommand({ type: 'StrikeEntry', data }, ctx));
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
    return this.commands.execute(new cmd.JustifyParagraphCommand({ type: 'JustifyParagraph', data }, ctx));
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
      new cmd.RecordCorrectionCommand({ type: 'RecordCorrection', data }, ctx),
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
    return this.commands.execute(new cmd.CertifyExtractCommand({ type: 'CertifyExtract', data }, ctx));
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
    return this.commands.execute(new cmd.DispatchDecisionCommand({ type: 'DispatchDecision', data }, ctx));
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
      new cmd.MarkParagraphConfidentialCommand({ type: 'MarkParagraphConfidential', data }, ctx),
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
      new cmd.LiftParagraphConfidentialityCommand({ type: 'LiftParagraphConfidentiality', data }, ctx),
    );
  }

  @Get('paragraphs/:paragraphId')
  @Requires('read')
  @ApiBearerAuth()
  @ApiOperation({ summary: "A paragraph's state (the renderer's view)" })
  async get(@Param('paragraphId', UuidParam) paragraphId: string) {
    const { revision, view } = await this.queries.paragraph(paragraphId);
    return { revision, paragraph: view };
  }

  @Get('paragraphs/:paragraphId/extract')
  @Requires('read')
  @ApiBearerAuth()
  @ApiProduces(...EXTRACT_TYPES)
  @ApiOperation({
    summary: 'The protocol extract (protokollsutdrag) of one paragraph; Accept chooses the format',
    description: 'Or `?format=pdf|html|text|markdown|json`; `?download=1` saves the PDF.',
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
