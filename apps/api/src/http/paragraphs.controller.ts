import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Requires } from '../auth/auth.guard.js';
import { newId, type CommandContext } from '../commands/command-context.js';
import { OpenParagraphMessage, ParagraphCommandMessage, type WriteResult } from '../commands/messages.js';
import { Ctx } from './command-ctx.decorator.js';
import { AttachmentStore, requireUploaded } from '../attachments/attachment.store.js';
import { toFinding, toRef, toTarget } from './dto/common.dto.js';
import * as dto from './dto/paragraph.dto.js';
import { EntryIdParam, UuidParam } from './params.js';
import { WriteDocs } from './swagger.js';
import { plain } from './plain.js';

@ApiTags('paragraphs')
@Controller()
export class ParagraphsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly attachments: AttachmentStore,
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
    return this.commands.execute(new OpenParagraphMessage({ ...plain(body), paragraphId, meetingId }, ctx));
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
    return this.commands.execute(new ParagraphCommandMessage({ type: 'DeclareRecusal', data }, ctx));
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
      new ParagraphCommandMessage({ type: 'ProposeMotion', data }, ctx),
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
    return this.commands.execute(new ParagraphCommandMessage({ type: 'SupportMotion', data }, ctx));
  }

  @Post('paragraphs/:paragraphId/motions/:motionId/amend')
  @HttpCode(200)
  @Requires('record')
  @WriteDocs(
    'Put a yrkande right before the beslut (an amending event; the history keeps both)',
    dto.AmendMotionDto,
  )
  amendMotion(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Param('motionId', EntryIdParam) motionId: string,
    @Body() body: dto.AmendMotionDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    return this.commands.execute(
      new ParagraphCommandMessage(
        { type: 'AmendMotion', data: { ...plain(body), paragraphId, motionId } },
        ctx,
      ),
    );
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
      new ParagraphCommandMessage({ type: 'WithdrawMotion', data: { paragraphId, motionId } }, ctx),
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
    return this.commands.execute(new ParagraphCommandMessage({ type: 'SupportProposal', data }, ctx));
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
      new ParagraphCommandMessage({ type: 'AmendProposal', data }, ctx),
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
      new ParagraphCommandMessage({ type: 'RecordSpeaker', data }, ctx),
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
      new ParagraphCommandMessage({ type: 'DeclareNonParticipation', data }, ctx),
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
      new ParagraphCommandMessage({ type: 'ApprovePropositionOrder', data }, ctx),
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
      new ParagraphCommandMessage({ type: 'AddAttachment', data }, ctx),
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
      new ParagraphCommandMessage({ type: 'AskQuestion', data }, ctx),
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
      new ParagraphCommandMessage({ type: 'RequestVote', data }, ctx),
    );
    return { ...result, voteId };
  }

  @Post('paragraphs/:paragraphId/votings')
  @HttpCode(201)
  @Requires('record')
  @WriteDocs(
    'Record a whole votering in one write: the request, the proposition and the roll call (all or none)',
    dto.RecordVotingDto,
    true,
  )
  async voting(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Body() body: dto.RecordVotingDto,
    @Ctx() ctx: CommandContext,
  ): Promise<WriteResult> {
    const voteId = body.voteId ?? newId(ctx, 'voteId');
    const { requestedById, questionId, kind, ja, nej, votes, castingVote, namesInAppendix } = plain(body);
    const result = await this.commands.execute(
      new ParagraphCommandMessage(
        [
          {
            type: 'RequestVote',
            data: { paragraphId, voteId, questionId, ...(requestedById ? { requestedById } : {}) },
          },
          {
            type: 'ApproveVoteProposition',
            data: { paragraphId, voteId, kind, ja: toRef(ja), nej: toRef(nej) },
          },
          {
            type: 'HoldVote',
            data: {
              paragraphId,
              voteId,
              votes,
              ...(castingVote ? { castingVote } : {}),
              ...(namesInAppendix !== undefined ? { namesInAppendix } : {}),
            },
          },
        ],
        ctx,
      ),
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
    return this.commands.execute(new ParagraphCommandMessage({ type: 'ApproveVoteProposition', data }, ctx));
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
    return this.commands.execute(new ParagraphCommandMessage({ type: 'HoldVote', data }, ctx));
  }
}
