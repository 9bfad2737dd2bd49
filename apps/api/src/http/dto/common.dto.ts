import { ValidateIf } from 'class-validator';
import { Bool, Id, Instant, LIMITS, Nested, OneOf, Text, TextList } from './fields.js';

const whenMotion = ValidateIf((o: { kind?: string }) => o.kind === 'motion');

export class PersonDto {
  @Text(LIMITS.name, { example: 'Karin Holm' }) name!: string;
  @Text(LIMITS.name, { optional: true, example: 'nämndsekreterare' }) title?: string;
}

export class ProposesToDto {
  @Text(LIMITS.name, { example: 'Kommunstyrelsen' }) body!: string;
  @TextList(LIMITS.listSmall, LIMITS.text, { example: ['Godkänna delårsrapporten per april 2024.'] })
  items!: string[];
}

/** What a decision (or the proposal for one) says: to another body, and for the body's own part. */
export class DecisionContentDto {
  @Nested(() => ProposesToDto, { optional: true }) proposesTo?: ProposesToDto;
  @TextList(LIMITS.listSmall, LIMITS.text, { optional: true, example: ['att arbeta in nämndinitiativet …'] })
  ownDecisions?: string[];
  @TextList(LIMITS.listSmall, LIMITS.text, {
    optional: true,
    example: ['Informationen noteras till protokollet.'],
    description: "the decision in the clerk's own words, one string per paragraph, printed as given",
  })
  text?: string[];
  @Bool({
    optional: true,
    description: 'print verbatim, without the generated frame ("Organet beslutar …")',
  })
  verbatim?: boolean;
}

/** The proposal before the body, e.g. kommunstyrelsekontorets tjänsteutlåtande. */
export class ProposalDto {
  @Text(LIMITS.name, { example: 'kommunstyrelsekontoret', description: 'base form, lower case' })
  proposer!: string;
  @Text(LIMITS.name, { optional: true, example: 'tjänsteutlåtande' }) document?: string;
  @Nested(() => DecisionContentDto) decision!: DecisionContentDto;
}

/** `{kind: 'proposal'}` (the proposal before the body) or `{kind: 'motion', motionId}`. */
export class ProposalRefDto {
  @OneOf(['proposal', 'motion'], { example: 'proposal' }) kind!: 'proposal' | 'motion';
  @whenMotion
  @Id({ optional: true, description: 'required when kind is motion' })
  motionId?: string;
}

/** What a yrkande refers to: the proposal, a yrkande, or the matter itself (the motion or medborgarförslag). */
export class MotionTargetDto {
  @OneOf(['proposal', 'motion', 'matter'], { example: 'matter' }) kind!: 'proposal' | 'motion' | 'matter';
  @whenMotion
  @Id({ optional: true, description: 'required when kind is motion' })
  motionId?: string;
}

/** A party group, e.g. `{party: 'S', name: 'Socialdemokraterna'}`. */
export class PartyGroupDto {
  @Text(LIMITS.id, { example: 'S' }) party!: string;
  @Text(LIMITS.name, { optional: true, example: 'Socialdemokraterna' }) name?: string;
}

/** A finding: the proposal or a motion found adopted, or `{kind: 'rejected'}` for a lone proposal. */
export class FindingDto {
  @OneOf(['proposal', 'motion', 'rejected'], { example: 'proposal' }) kind!:
    'proposal' | 'motion' | 'rejected';
  @whenMotion
  @Id({ optional: true, description: 'required when kind is motion' })
  motionId?: string;
}

export class AtDto {
  @Instant({ optional: true, example: '2024-05-14T09:00:00+02:00', description: 'default: now' }) at?: string;
}

export function toRef(dto: ProposalRefDto): { kind: 'proposal' } | { kind: 'motion'; motionId: string } {
  return dto.kind === 'motion' ? { kind: 'motion', motionId: dto.motionId! } : { kind: 'proposal' };
}

export function toTarget(dto: MotionTargetDto): ReturnType<typeof toRef> | { kind: 'matter' } {
  return dto.kind === 'matter' ? { kind: 'matter' } : toRef(dto as ProposalRefDto);
}

export function toFinding(dto: FindingDto): ReturnType<typeof toRef> | 'rejected' {
  return dto.kind === 'rejected' ? 'rejected' : toRef(dto as ProposalRefDto);
}
