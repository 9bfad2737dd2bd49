import { Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  AddAttachment,
  AdoptDecision,
  AmendProposal,
  ApprovePropositionOrder,
  DeclareNonParticipation,
  RecordSpeaker,
  SupportProposal,
  ApproveVoteProposition,
  AskQuestion,
  CertifyExtract,
  DeclareRecusal,
  DispatchDecision,
  MarkParagraphConfidential,
  LiftParagraphConfidentiality,
  EnterProtocolNote,
  EnterReservation,
  HoldVote,
  JustifyParagraph,
  OpenParagraph,
  ParagraphCommand,
  ProposeMotion,
  RecordCorrection,
  RequestVote,
  SetDistribution,
  StrikeEntry,
  SubmitReservationReasons,
  SupportMotion,
  WithdrawMotion,
} from '@app/domain';
import type { CommandContext } from './command-context.js';
import { DomainCommandMessage, type WriteResult } from './messages.js';
import { ParagraphCommands, type OpenParagraphRequest } from './paragraph.service.js';

/** Opening carries an optional § number, so it is not yet the domain's OpenParagraph. */
export class OpenParagraphCommand extends Command<WriteResult> {
  constructor(
    readonly request: OpenParagraphRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
export class DeclareRecusalCommand extends DomainCommandMessage<DeclareRecusal> {}
export class ProposeMotionCommand extends DomainCommandMessage<ProposeMotion> {}
export class SupportMotionCommand extends DomainCommandMessage<SupportMotion> {}
export class WithdrawMotionCommand extends DomainCommandMessage<WithdrawMotion> {}
export class AskQuestionCommand extends DomainCommandMessage<AskQuestion> {}
export class RequestVoteCommand extends DomainCommandMessage<RequestVote> {}
export class ApproveVotePropositionCommand extends DomainCommandMessage<ApproveVoteProposition> {}
export class HoldVoteCommand extends DomainCommandMessage<HoldVote> {}
export class AdoptDecisionCommand extends DomainCommandMessage<AdoptDecision> {}
export class EnterReservationCommand extends DomainCommandMessage<EnterReservation> {}
export class SubmitReservationReasonsCommand extends DomainCommandMessage<SubmitReservationReasons> {}
export class EnterProtocolNoteCommand extends DomainCommandMessage<EnterProtocolNote> {}
export class SetDistributionCommand extends DomainCommandMessage<SetDistribution> {}
export class StrikeEntryCommand extends DomainCommandMessage<StrikeEntry> {}
export class JustifyParagraphCommand extends DomainCommandMessage<JustifyParagraph> {}
export class RecordCorrectionCommand extends DomainCommandMessage<RecordCorrection> {}
export class CertifyExtractCommand extends DomainCommandMessage<CertifyExtract> {}
export class DispatchDecisionCommand extends DomainCommandMessage<DispatchDecision> {}
export class MarkParagraphConfidentialCommand extends DomainCommandMessage<MarkParagraphConfidential> {}
export class LiftParagraphConfidentialityCommand extends DomainCommandMessage<LiftParagraphConfidentiality> {}
export class SupportProposalCommand extends DomainCommandMessage<SupportProposal> {}
export class AmendProposalCommand extends DomainCommandMessage<AmendProposal> {}
export class RecordSpeakerCommand extends DomainCommandMessage<RecordSpeaker> {}
export class DeclareNonParticipationCommand extends DomainCommandMessage<DeclareNonParticipation> {}
export class ApprovePropositionOrderCommand extends DomainCommandMessage<ApprovePropositionOrder> {}
export class AddAttachmentCommand extends DomainCommandMessage<AddAttachment> {}

@CommandHandler(OpenParagraphCommand)
export class OpenParagraphHandler implements ICommandHandler<OpenParagraphCommand> {
  constructor(private readonly paragraphs: ParagraphCommands) {}
  execute({ request, ctx }: OpenParagraphCommand): Promise<WriteResult> {
    return this.paragraphs.open(request, ctx);
  }
}

/** Every other paragraph handler is this: hand the command to the shared path. */
@Injectable()
abstract class ParagraphHandler<
  C extends Exclude<ParagraphCommand, OpenParagraph>,
> implements ICommandHandler<DomainCommandMessage<C>> {
  constructor(private readonly paragraphs: ParagraphCommands) {}
  execute(message: DomainCommandMessage<C>): Promise<WriteResult> {
    return this.paragraphs.execute(message.command, message.ctx);
  }
}

@CommandHandler(DeclareRecusalCommand)
export class DeclareRecusalHandler extends ParagraphHandler<DeclareRecusal> {}
@CommandHandler(ProposeMotionCommand)
export class ProposeMotionHandler extends ParagraphHandler<ProposeMotion> {}
@CommandHandler(SupportMotionCommand)
export class SupportMotionHandler extends ParagraphHandler<SupportMotion> {}
@CommandHandler(WithdrawMotionCommand)
export class WithdrawMotionHandler extends ParagraphHandler<WithdrawMotion> {}
@CommandHandler(AskQuestionCommand)
export class AskQuestionHandler extends ParagraphHandler<AskQuestion> {}
@CommandHandler(RequestVoteCommand)
export class RequestVoteHandler extends ParagraphHandler<RequestVote> {}
@CommandHandler(ApproveVotePropositionCommand)
export class ApproveVotePropositionHandler extends ParagraphHandler<ApproveVoteProposition> {}
@CommandHandler(HoldVoteCommand)
export class HoldVoteHandler extends ParagraphHandler<HoldVote> {}
@CommandHandler(AdoptDecisionCommand)
export class AdoptDecisionHandler extends ParagraphHandler<AdoptDecision> {}
@CommandHandler(EnterReservationCommand)
export class EnterReservationHandler extends ParagraphHandler<EnterReservation> {}
@CommandHandler(SubmitReservationReasonsCommand)
export class SubmitReservationReasonsHandler extends ParagraphHandler<SubmitReservationReasons> {}
@CommandHandler(EnterProtocolNoteCommand)
export class EnterProtocolNoteHandler extends ParagraphHandler<EnterProtocolNote> {}
@CommandHandler(SetDistributionCommand)
export class SetDistributionHandler extends ParagraphHandler<SetDistribution> {}
@CommandHandler(StrikeEntryCommand)
export class StrikeEntryHandler extends ParagraphHandler<StrikeEntry> {}
@CommandHandler(JustifyParagraphCommand)
export class JustifyParagraphHandler extends ParagraphHandler<JustifyParagraph> {}
@CommandHandler(RecordCorrectionCommand)
export class RecordCorrectionHandler extends ParagraphHandler<RecordCorrection> {}
@CommandHandler(CertifyExtractCommand)
export class CertifyExtractHandler extends ParagraphHandler<CertifyExtract> {}
@CommandHandler(DispatchDecisionCommand)
export class DispatchDecisionHandler extends ParagraphHandler<DispatchDecision> {}
@CommandHandler(MarkParagraphConfidentialCommand)
export class MarkParagraphConfidentialHandler extends ParagraphHandler<MarkParagraphConfidential> {}
@CommandHandler(LiftParagraphConfidentialityCommand)
export class LiftParagraphConfidentialityHandler extends ParagraphHandler<LiftParagraphConfidentiality> {}
@CommandHandler(SupportProposalCommand)
export class SupportProposalHandler extends ParagraphHandler<SupportProposal> {}
@CommandHandler(AmendProposalCommand)
export class AmendProposalHandler extends ParagraphHandler<AmendProposal> {}
@CommandHandler(RecordSpeakerCommand)
export class RecordSpeakerHandler extends ParagraphHandler<RecordSpeaker> {}
@CommandHandler(DeclareNonParticipationCommand)
export class DeclareNonParticipationHandler extends ParagraphHandler<DeclareNonParticipation> {}
@CommandHandler(ApprovePropositionOrderCommand)
export class ApprovePropositionOrderHandler extends ParagraphHandler<ApprovePropositionOrder> {}
@CommandHandler(AddAttachmentCommand)
export class AddAttachmentHandler extends ParagraphHandler<AddAttachment> {}

export const paragraphHandlers = [
  OpenParagraphHandler,
  DeclareRecusalHandler,
  ProposeMotionHandler,
  SupportMotionHandler,
  WithdrawMotionHandler,
  AskQuestionHandler,
  RequestVoteHandler,
  ApproveVotePropositionHandler,
  HoldVoteHandler,
  AdoptDecisionHandler,
  EnterReservationHandler,
  SubmitReservationReasonsHandler,
  EnterProtocolNoteHandler,
  SetDistributionHandler,
  StrikeEntryHandler,
  JustifyParagraphHandler,
  RecordCorrectionHandler,
  CertifyExtractHandler,
  DispatchDecisionHandler,
  MarkParagraphConfidentialHandler,
  LiftParagraphConfidentialityHandler,
  SupportProposalHandler,
  AmendProposalHandler,
  RecordSpeakerHandler,
  DeclareNonParticipationHandler,
  ApprovePropositionOrderHandler,
  AddAttachmentHandler,
];
