import { Matches } from 'class-validator';
import { BODY_KINDS } from '@app/domain';
import { Bool, Id, Int, LIMITS, OneOf, PlainDate, Text, TextList, Uuid } from '../http/dto/fields.js';

/** Body ids name streams (`roster-<id>`, `numbering-<id>-<year>`): lower case, digits, dashes. */
export const BODY_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const BODY_ID_MESSAGE =
  '$property ska vara ett organs id: små bokstäver a–z, siffror och bindestreck (t.ex. ks-au)';

const BodyId = (optional = false) =>
  function (target: object, key: string) {
    Id({ optional, example: 'ks-au' })(target, key);
    Matches(BODY_ID, { message: BODY_ID_MESSAGE })(target, key);
  };

export class BodyDetailsDto {
  @Text(LIMITS.name, { example: 'Kommunstyrelsens arbetsutskott', description: 'as printed' }) name!: string;
  @Text(40, { example: 'KSAU', description: 'short name as printed in references' }) shortName!: string;
  @OneOf(BODY_KINDS, { example: 'utskott' }) kind!: (typeof BODY_KINDS)[number];
  /** The body it prepares matters for (AU → KS → KF); null or absent: none. */
  @BodyId(true) preparesFor?: string | null;
  @Text(40, { optional: true, example: '§ {number}', description: 'default `§ {number}`; may use {year}' })
  numberingFormat?: string;
  @Text(100, {
    optional: true,
    example: 'default-sv',
    description: 'shipped house style a new body starts with',
  })
  defaultHouseStyle?: string;
  @Bool({
    optional: true,
    example: false,
    description: 'the live screen offers omedelbar justering of each paragraph ticked (default false)',
  })
  immediateJusteringByDefault?: boolean;
}

export class RegisterBodyDto extends BodyDetailsDto {
  @BodyId() bodyId!: string;

  static readonly example = {
    bodyId: 'ks-au',
    name: 'Kommunstyrelsens arbetsutskott',
    shortName: 'KSAU',
    kind: 'utskott',
    preparesFor: 'ks',
    numberingFormat: '§ {number}',
    defaultHouseStyle: 'default-sv',
  };
}

export class ChangeBodyDto extends BodyDetailsDto {
  static readonly example = {
    name: 'Kommunstyrelsens arbetsutskott',
    shortName: 'KSAU',
    kind: 'utskott',
    preparesFor: 'ks',
    numberingFormat: '§ {number}',
  };
}

export class StartMembershipDto {
  @Id({ optional: true, description: 'default: generated' }) membershipId?: string;
  @Id({ example: 'ksau-strand', description: "the person's member id in meetings" }) memberId!: string;
  @Text(LIMITS.name, { example: 'Helena Strand' }) name!: string;
  @Text(20, { example: 'M' }) party!: string;
  @OneOf(['ledamot', 'ersattare'], { example: 'ledamot' }) role!: 'ledamot' | 'ersattare';
  @Int(1, 1000, { optional: true, description: 'ersättare: the order they are called in' })
  substituteOrder?: number;
  @OneOf(['ordforande', 'vice_ordforande'], { optional: true }) office?: 'ordforande' | 'vice_ordforande';
  @Text(20, { example: '2023-2026' }) mandatePeriod!: string;
  @PlainDate({ example: '2023-01-01', description: 'first day' }) from!: string;
  @PlainDate({ optional: true, example: '2026-12-31', description: 'last day, when known' }) until?: string;
  @Text(LIMITS.line, { optional: true, example: 'fyllnadsval' }) reason?: string;

  static readonly example = {
    memberId: 'ksau-strand',
    name: 'Helena Strand',
    party: 'M',
    role: 'ledamot',
    office: 'ordforande',
    mandatePeriod: '2023-2026',
    from: '2023-01-01',
    until: '2026-12-31',
    reason: 'val',
  };
}

export class EndMembershipDto {
  @PlainDate({ example: '2024-05-31', description: 'the last day of the membership' }) lastDay!: string;
  @Text(LIMITS.line, { optional: true, example: 'entledigad på egen begäran' }) reason?: string;

  static readonly example = { lastDay: '2024-05-31', reason: 'entledigad på egen begäran' };
}

export class ForwardDto {
  @BodyId(true) toBodyId?: string;

  static readonly example = { toBodyId: 'ks' };
}

/** Opening a paragraph from an incoming matter: everything defaults to what was forwarded. */
export class OpenFromIncomingDto {
  @Uuid({ example: '0190c3a4-0000-7000-8000-000000000001' }) meetingId!: string;
  @Uuid({ optional: true, description: 'default: generated' }) paragraphId?: string;
  @Int(1, 100_000, { optional: true, description: '§ number; default: the next free one this year' })
  number?: number;
  @Text(LIMITS.name, { optional: true, description: 'default: the sender’s Dnr' }) caseNumber?: string;
  @Text(LIMITS.line, { optional: true, description: 'default: the sender’s rubrik' }) title?: string;
  @TextList(LIMITS.listSmall, LIMITS.text, { optional: true }) summary?: string[];
  @TextList(LIMITS.listSmall, LIMITS.line, { optional: true }) basisDocuments?: string[];
  @Text(LIMITS.name, { optional: true }) classification?: string;

  static readonly example = { meetingId: '0190c3a4-0000-7000-8000-000000000001' };
}
