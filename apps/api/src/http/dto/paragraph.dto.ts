import { IntersectionType } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import {
  AtDto,
  DecisionContentDto,
  FindingDto,
  MotionTargetDto,
  PartyGroupDto,
  PersonDto,
  ProposalDto,
  ProposalRefDto,
} from './common.dto.js';
import {
  Bool,
  Id,
  IdList,
  Instant,
  Int,
  LIMITS,
  Nested,
  NestedList,
  OneOf,
  PlainDate,
  Sha256,
  Text,
  TextList,
  Uuid,
} from './fields.js';

/** Who acts: one member, several, or a party group; `memberId` is required when neither of the others is given. */
const whenNoOtherActor = ValidateIf(
  (o: { memberIds?: unknown; group?: unknown }) => o.memberIds === undefined && o.group === undefined,
);

export class EarlierReferenceDto {
  @Text(LIMITS.name, { example: 'Kommunstyrelsen' }) body!: string;
  @PlainDate({ optional: true, example: '2019-03-12' }) date?: string;
  @Text(LIMITS.id, { example: '§ 52', description: 'the § as written' }) paragraph!: string;
  @Text(LIMITS.name, { optional: true, example: 'KS 2019-102' }) caseNumber?: string;
  @OneOf(['aterremiss', 'bordlaggning'], { optional: true }) outcome?: 'aterremiss' | 'bordlaggning';
}

export class MatterDto {
  @Text(LIMITS.id, { example: 'motion', description: 'motion, medborgarförslag …; printed as given' })
  kind!: string;
  @Text(LIMITS.line, { optional: true, example: 'Motion om fler cykelbanor' }) title?: string;
}

const MOTION_KINDS = [
  'bifall',
  'avslag',
  'andring',
  'tillagg',
  'aterremiss',
  'bordlaggning',
  'fritt',
] as const;

export class OpenParagraphDto {
  @Uuid({ optional: true, description: 'default: generated' }) paragraphId?: string;
  @Int(1, 100_000, {
    optional: true,
    example: 65,
    description: '§ number; default: the next free one this year',
  })
  number?: number;
  @Text(LIMITS.name, {
    optional: true,
    example: 'KS 2024-15',
    description: 'Dnr; left out for formalia (val av justerare, godkännande av dagordning, anmälningar)',
  })
  caseNumber?: string;
  @Text(LIMITS.line, { example: 'Delårsrapport 1 per april 2024 för kommunstyrelsen' }) title!: string;
  @TextList(LIMITS.listSmall, LIMITS.text, { example: ['Kommunstyrelsen har upprättat delårsrapport …'] })
  summary!: string[];
  @TextList(LIMITS.listSmall, LIMITS.line, {
    example: ['Tjänsteutlåtande - Delårsrapport per april kommunstyrelsen'],
  })
  basisDocuments!: string[];
  @Nested(() => ProposalDto) proposal!: ProposalDto;
  @Uuid({
    optional: true,
    description: 'the paragraph this matter returns from after återremiss/bordläggning',
  })
  previousParagraphId?: string;
  @Nested(() => EarlierReferenceDto, {
    optional: true,
    description: 'an earlier paragraph that is not in the system (free reference)',
  })
  earlierReference?: EarlierReferenceDto;
  @Nested(() => MatterDto, { optional: true, description: 'the motion or medborgarförslag handled' })
  matter?: MatterDto;
  @Text(LIMITS.name, { optional: true, example: '609', description: "the ärende's code in the diarieplan" })
  classification?: string;

  static readonly example = {
    number: 65,
    caseNumber: 'KS 2024-15',
    title: 'Delårsrapport 1 per april 2024 för kommunstyrelsen',
    summary: ['Kommunstyrelsen har upprättat delårsrapport per april 2024 enligt kommunens styrmodell.'],
    basisDocuments: ['Tjänsteutlåtande - Delårsrapport per april kommunstyrelsen'],
    proposal: {
      proposer: 'kommunstyrelsekontoret',
      document: 'tjänsteutlåtande',
      decision: {
        proposesTo: { body: 'Kommunstyrelsen', items: ['I övrigt godkänna delårsrapporten per april 2024.'] },
      },
    },
  };
}

export class DeclareRecusalDto {
  @Id({ example: 'm-lind' }) memberId!: string;
  @Text(LIMITS.line, { optional: true, example: 'styrelseledamot i bolaget' }) reason?: string;

  static readonly example = { memberId: 'm-lind', reason: 'styrelseledamot i bolaget' };
}

export class ProposeMotionDto {
  @Id({ optional: true, description: 'default: generated' }) motionId?: string;
  @Id({ example: 'm-beronius' }) proposerId!: string;
  @IdList(LIMITS.listSmall, { optional: true, example: ['m-andersson'], description: 'joint movers' })
  coProposerIds?: string[];
  @OneOf(MOTION_KINDS, { example: 'fritt' }) kind!: (typeof MOTION_KINDS)[number];
  @Text(LIMITS.text, {
    optional: true,
    example: 'Kommunstyrelsens arbetsutskott beslutar för egen del att …',
  })
  text?: string;
  @Text(LIMITS.text, { optional: true, description: 'required for återremiss' }) motivation?: string;
  @Nested(() => MotionTargetDto, {
    optional: true,
    description: 'for bifall/avslag: the proposal (default), a yrkande, or the matter itself',
  })
  refersTo?: MotionTargetDto;

  static readonly example = {
    proposerId: 'm-beronius',
    kind: 'fritt',
    text: 'Kommunstyrelsens arbetsutskott beslutar för egen del att arbeta in nämndinitiativet i delårsrapporten.',
  };
}

export class AmendMotionDto {
  @OneOf(MOTION_KINDS, { example: 'fritt' }) kind!: (typeof MOTION_KINDS)[number];
  @Text(LIMITS.text, { optional: true, example: 'cykelplanen kompletteras med en karta' }) text?: string;
  @Text(LIMITS.text, { optional: true, description: 'for återremiss' }) motivation?: string;
  @Text(LIMITS.line, { optional: true, example: 'Skrivfel i yrkandet' }) reason?: string;

  static readonly example = {
    kind: 'fritt',
    text: 'cykelplanen kompletteras med en karta',
    reason: 'Skrivfel',
  };
}

export class SupportMotionDto {
  @Id({ example: 'm-andersson' }) memberId!: string;

  static readonly example = { memberId: 'm-andersson' };
}

export class SupportProposalDto {
  @Id({ example: 'm-andersson' }) memberId!: string;

  static readonly example = { memberId: 'm-andersson' };
}

export class AmendProposalDto {
  @Id({ optional: true, description: 'default: generated' }) amendmentId?: string;
  @Nested(() => DecisionContentDto, { description: 'the proposal as amended (complete)' })
  decision!: DecisionContentDto;
  @Id({ optional: true, description: 'default: the chair' }) byMemberId?: string;
  @Text(LIMITS.text, { optional: true, example: 'Ordföranden föreslår att punkt 2 stryks.' }) text?: string;

  static readonly example = {
    decision: { proposesTo: { body: 'Kommunstyrelsen', items: ['Godkänna delårsrapporten.'] } },
    text: 'Ordföranden föreslår att punkt 2 stryks.',
  };
}

export class RecordSpeakerDto {
  @Id({ optional: true, description: 'default: generated' }) speakerId?: string;
  @ValidateIf((o: RecordSpeakerDto) => o.person === undefined)
  @Id({ conditional: true, example: 'm-lind', description: 'a member; or give `person`' })
  memberId?: string;
  @Nested(() => PersonDto, { optional: true, description: 'someone who is not a member' })
  person?: PersonDto;
  @Instant({ optional: true }) at?: string;

  static readonly example = { memberId: 'm-lind' };
}

export class DeclareNonParticipationDto {
  @Id({ optional: true, description: 'default: generated' }) declarationId?: string;
  @ValidateIf((o: DeclareNonParticipationDto) => o.group === undefined)
  @IdList(LIMITS.listMembers, { conditional: true, example: ['m-lind'], description: 'or give `group`' })
  memberIds?: string[];
  @Nested(() => PartyGroupDto, { optional: true, description: 'a party group (its serving members)' })
  group?: PartyGroupDto;
  @Text(LIMITS.line, { optional: true }) reason?: string;

  static readonly example = { group: { party: 'SD', name: 'Sverigedemokraterna' } };
}

export class PropositionStepDto {
  @NestedList(() => ProposalRefDto, LIMITS.listSmall) puts!: ProposalRefDto[];
}

export class ApprovePropositionOrderDto {
  @Id({ optional: true, description: 'default: generated' }) orderId?: string;
  @NestedList(() => PropositionStepDto, LIMITS.listSmall, { description: 'one step per proposition' })
  steps!: PropositionStepDto[];
  @Text(LIMITS.text, { optional: true, description: "the order in the chair's words" }) text?: string;

  static readonly example = {
    steps: [{ puts: [{ kind: 'proposal' }, { kind: 'motion', motionId: 'y-2' }] }],
    text: 'Huvudförslaget och tilläggsyrkandet ställs samman.',
  };
}

export class AddAttachmentDto {
  @Sha256({ description: 'as answered by POST /attachments' }) sha256!: string;
  @Text(LIMITS.name, { example: 'reservation-S.pdf' }) filename!: string;
  @Text(LIMITS.line, { example: 'Reservation (S)' }) title!: string;
  @Text(LIMITS.name, { optional: true, description: 'default: the media type it was uploaded with' })
  mediaType?: string;
  @Int(1, 10_000, { optional: true, description: 'bilaga number; default: the next free one' })
  number?: number;

  static readonly example = {
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    filename: 'reservation-S.pdf',
    title: 'Reservation (S)',
  };
}

export class AskQuestionDto {
  @Id({ optional: true, description: 'default: generated' }) questionId?: string;
  @NestedList(() => ProposalRefDto, LIMITS.listSmall) puts!: ProposalRefDto[];
  @Nested(() => FindingDto) finding!: FindingDto;

  static readonly example = { puts: [{ kind: 'proposal' }], finding: { kind: 'proposal' } };
}

export class RequestVoteDto {
  @Id({ optional: true, description: 'default: generated' }) voteId?: string;
  @Id({ optional: true, example: 'm-lind', description: 'left out: "Omröstning begärs"' })
  requestedById?: string;
  @Id({ example: 'q-1', description: 'the question whose finding is contested' }) questionId!: string;

  static readonly example = { requestedById: 'm-lind', questionId: 'q-1' };
}

export class ApproveVotePropositionDto {
  @OneOf(['huvudvotering', 'kontraproposition'], { example: 'huvudvotering' })
  kind!: 'huvudvotering' | 'kontraproposition';
  @Nested(() => ProposalRefDto) ja!: ProposalRefDto;
  @Nested(() => ProposalRefDto) nej!: ProposalRefDto;

  static readonly example = {
    kind: 'huvudvotering',
    ja: { kind: 'proposal' },
    nej: { kind: 'motion', motionId: 'y-1' },
  };
}

export class RollCallEntryDto {
  @Id({ example: 'm-beronius' }) memberId!: string;
  @OneOf(['ja', 'nej', 'avstar'], { example: 'ja' }) vote!: 'ja' | 'nej' | 'avstar';
}

export class HoldVoteDto {
  @NestedList(() => RollCallEntryDto, LIMITS.listMembers, {
    description: 'in the order called; the chair last',
  })
  votes!: RollCallEntryDto[];
  @OneOf(['ja', 'nej'], { optional: true, description: "the chair's utslagsröst on a tie" })
  castingVote?: 'ja' | 'nej';
  @Bool({ optional: true, description: 'print the names in the appendix only' })
  namesInAppendix?: boolean;

  static readonly example = {
    votes: [
      { memberId: 'm-lind', vote: 'nej' },
      { memberId: 'm-beronius', vote: 'ja' },
      { memberId: 'm-andersson', vote: 'ja' },
    ],
  };
}

/**
 * A whole votering in one write (docs/adr/0054): the request, the approved proposition and the
 * roll call, decided in turn and stored together or not at all. The three routes of its parts stay.
 */
export class RecordVotingDto extends IntersectionType(
  RequestVoteDto,
  ApproveVotePropositionDto,
  HoldVoteDto,
) {
  static readonly example = {
    ...RequestVoteDto.example,
    ...ApproveVotePropositionDto.example,
    ...HoldVoteDto.example,
  };
}

export class DecisionBasisDto {
  @IdList(LIMITS.listSmall) questionIds!: string[];
  @Id({ optional: true }) voteId?: string;
}

export class AdoptDecisionDto {
  @Id({ optional: true, description: 'default: generated' }) decisionId?: string;
  @OneOf(['sakbeslut', 'aterremiss', 'bordlaggning'], { example: 'sakbeslut' })
  kind!: 'sakbeslut' | 'aterremiss' | 'bordlaggning';
  @Nested(() => DecisionContentDto, { optional: true }) content?: DecisionContentDto;
  @Text(LIMITS.text, { optional: true, description: 'for återremiss' }) motivation?: string;
  @Nested(() => DecisionBasisDto, {
    optional: true,
    description: 'default: the live questions and last vote',
  })
  basedOn?: DecisionBasisDto;

  static readonly example = {
    kind: 'sakbeslut',
    content: {
      proposesTo: { body: 'Kommunstyrelsen', items: ['I övrigt godkänna delårsrapporten per april 2024.'] },
      ownDecisions: ['att arbeta in nämndinitiativet i delårsrapporten'],
    },
  };
}

export class EnterReservationDto {
  @Id({ optional: true, description: 'default: generated' }) reservationId?: string;
  @whenNoOtherActor
  @Id({ conditional: true, example: 'm-lind', description: 'or `memberIds`, or `group`' })
  memberId?: string;
  @IdList(LIMITS.listMembers, { optional: true, description: 'a joint reservation' }) memberIds?: string[];
  @Nested(() => PartyGroupDto, { optional: true, description: 'a reservation by a party group' })
  group?: PartyGroupDto;
  @Id({ example: 'd-1' }) decisionId!: string;
  @Text(LIMITS.text, { optional: true, example: 'till förmån för eget yrkande' }) reasons?: string;
  @Sha256({ optional: true, description: 'a bilaga of the paragraph with the written reasons' })
  reasonsAttachment?: string;

  static readonly example = {
    memberId: 'm-lind',
    decisionId: 'd-1',
    reasons: 'till förmån för eget yrkande',
  };
}

export class SubmitReservationReasonsDto {
  @ValidateIf((o: SubmitReservationReasonsDto) => o.attachment === undefined)
  @Text(LIMITS.text, {
    conditional: true,
    example: 'Vi reserverar oss därför att …',
    description: 'or `attachment`',
  })
  reasons?: string;
  @Sha256({ optional: true, description: 'a bilaga of the paragraph with the written reasons' })
  attachment?: string;

  static readonly example = { reasons: 'Vi reserverar oss därför att …' };
}

export class EnterProtocolNoteDto {
  @Id({ optional: true, description: 'default: generated' }) noteId?: string;
  @whenNoOtherActor
  @Id({ conditional: true, example: 'm-lind', description: 'or `memberIds`, or `group`' })
  memberId?: string;
  @IdList(LIMITS.listMembers, { optional: true }) memberIds?: string[];
  @Nested(() => PartyGroupDto, { optional: true, description: 'a protokollsanteckning by a party group' })
  group?: PartyGroupDto;
  @Text(LIMITS.text, { example: 'Socialdemokraterna lämnar en protokollsanteckning.' }) text!: string;

  static readonly example = {
    memberId: 'm-lind',
    text: 'Socialdemokraterna lämnar en protokollsanteckning.',
  };
}

export class SetDistributionDto {
  @TextList(LIMITS.listSmall, LIMITS.name, {
    example: ['Kommunstyrelsekontoret', 'Samhällsbyggnadskontoret'],
  })
  recipients!: string[];

  static readonly example = { recipients: ['Kommunstyrelsekontoret', 'Samhällsbyggnadskontoret'] };
}

export class StrikeEntryDto {
  @Id({ example: 'y-2' }) entryId!: string;
  @Text(LIMITS.line, { example: 'Registrerat på fel ärende' }) reason!: string;

  static readonly example = { entryId: 'y-2', reason: 'Registrerat på fel ärende' };
}

export class JustifyParagraphDto extends AtDto {
  @IdList(10, { example: ['m-andersson', 'm-beronius'] }) byMemberIds!: string[];
  @Bool({ example: false, description: 'omedelbar justering at the meeting' }) immediate!: boolean;

  static readonly example = { byMemberIds: ['m-andersson', 'm-beronius'], immediate: true };
}

export class RecordCorrectionDto {
  @Id({ optional: true, description: 'default: generated' }) correctionId?: string;
  @Text(LIMITS.id, { example: 'caseNumber' }) field!: string;
  @ValidateIf((o: RecordCorrectionDto) => o.from !== '')
  @Text(LIMITS.text, { example: 'KS 2024-51' })
  from!: string;
  @Text(LIMITS.text, { example: 'KS 2024-15' }) to!: string;
  @Text(LIMITS.line, { example: 'Skrivfel i diarienumret' }) why!: string;
  @Nested(() => PersonDto) by!: PersonDto;

  static readonly example = {
    field: 'caseNumber',
    from: 'KS 2024-51',
    to: 'KS 2024-15',
    why: 'Skrivfel i diarienumret',
    by: { name: 'Karin Holm', title: 'nämndsekreterare' },
  };
}

export class CertifyExtractDto extends AtDto {
  @Nested(() => PersonDto) by!: PersonDto;

  static readonly example = { by: { name: 'Karin Holm', title: 'nämndsekreterare' } };
}

export class DispatchDecisionDto extends AtDto {
  @Text(LIMITS.name, { example: 'Kommunstyrelsekontoret' }) recipient!: string;

  static readonly example = { recipient: 'Kommunstyrelsekontoret' };
}

/** Sekretess (docs/adr/0030): the provision of OSL (2009:400) as chapter and section. */
export class MarkConfidentialDto extends AtDto {
  @Text(LIMITS.name, {
    example: '26 kap. 1 §',
    description: 'chapter and section of offentlighets- och sekretesslagen (2009:400), printed publicly',
  })
  provision!: string;
  @Text(LIMITS.line, { optional: true, description: 'for the record; never shown publicly' }) reason?: string;
  @Nested(() => PersonDto, { optional: true, description: 'default: the signed-in user' }) by?: PersonDto;

  static readonly example = {
    provision: '26 kap. 1 §',
    reason: 'uppgifter om enskilds personliga förhållanden',
  };
}

export class LiftConfidentialityDto extends AtDto {
  @Text(LIMITS.line, { example: 'sekretesstiden har löpt ut' }) reason!: string;
  @Nested(() => PersonDto, { optional: true, description: 'default: the signed-in user' }) by?: PersonDto;

  static readonly example = { reason: 'sekretesstiden har löpt ut' };
}

export { MOTION_KINDS, PersonDto };
