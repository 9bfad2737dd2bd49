import { AtDto, PersonDto } from './common.dto.js';
import {
  ClockTime,
  Id,
  IdList,
  Instant,
  LIMITS,
  Nested,
  NestedList,
  OneOf,
  PlainDate,
  Text,
  Uuid,
  UuidList,
} from './fields.js';

export class BodyDto {
  @Id({ example: 'ks-au', description: 'stable slug used in stream names' }) id!: string;
  @Text(LIMITS.name, { example: 'Kommunstyrelsens arbetsutskott' }) name!: string;
  @Text(40, { example: 'KSAU' }) shortName!: string;
}

export class MemberDto {
  @Id({ example: 'm-beronius' }) memberId!: string;
  @Text(LIMITS.name, { example: 'Robert Beronius' }) name!: string;
  @Text(20, { example: 'L' }) party!: string;
  @OneOf(['ledamot', 'ersattare'], { example: 'ledamot' }) role!: 'ledamot' | 'ersattare';
}

export class ScheduleMeetingDto {
  @Uuid({ optional: true, description: 'default: generated' }) meetingId?: string;
  @Nested(() => BodyDto, { optional: true, description: "default: the registered body's names (bodyId)" })
  body?: BodyDto;
  @Id({ optional: true, example: 'ks-au', description: 'a registered body (instead of body)' })
  bodyId?: string;
  @PlainDate({ example: '2024-05-14' }) date!: string;
  @ClockTime({ example: '09:00' }) startTime!: string;
  @Text(LIMITS.line, { example: 'Kommunhuset, sammanträdesrum Näset' }) place!: string;
  @Id({
    optional: true,
    example: 'm-andersson',
    description: "memberId of the ordförande; default: the roster's ordförande on the date",
  })
  chair?: string;
  @Nested(() => PersonDto) secretary!: PersonDto;
  @NestedList(() => MemberDto, LIMITS.listMembers, {
    optional: true,
    description: "default: the body's roster on the meeting's date (docs/adr/0036)",
  })
  members?: MemberDto[];

  static readonly example = {
    body: { id: 'ks-au', name: 'Kommunstyrelsens arbetsutskott', shortName: 'KSAU' },
    date: '2024-05-14',
    startTime: '09:00',
    place: 'Kommunhuset',
    chair: 'm-andersson',
    secretary: { name: 'Karin Holm', title: 'nämndsekreterare' },
    members: [
      { memberId: 'm-andersson', name: 'Eva Andersson', party: 'M', role: 'ledamot' },
      { memberId: 'm-beronius', name: 'Robert Beronius', party: 'L', role: 'ledamot' },
      { memberId: 'm-lind', name: 'Per Lind', party: 'S', role: 'ledamot' },
      { memberId: 'm-ek', name: 'Sara Ek', party: 'S', role: 'ersattare' },
    ],
  };
}

export class SubstituteDto {
  @Id({ example: 'm-ek' }) substituteId!: string;
  @Id({ example: 'm-lind' }) forMemberId!: string;
}

export class RecordAttendanceDto {
  @Instant({ optional: true, description: 'from when this attendance holds; default: now' })
  effectiveFrom?: string;
  @IdList(LIMITS.listMembers) present!: string[];
  @IdList(LIMITS.listMembers) absent!: string[];
  @NestedList(() => SubstituteDto, LIMITS.listMembers) servingSubstitutes!: SubstituteDto[];
  @NestedList(() => PersonDto, LIMITS.listSmall, { optional: true }) others?: PersonDto[];

  static readonly example = {
    effectiveFrom: '2024-05-14T09:00:00+02:00',
    present: ['m-andersson', 'm-beronius', 'm-ek'],
    absent: ['m-lind'],
    servingSubstitutes: [{ substituteId: 'm-ek', forMemberId: 'm-lind' }],
    others: [{ name: 'Anna Berg', title: 'ekonomichef' }],
  };
}

export class AppointAdjustersDto {
  @IdList(10) adjusters!: string[];
  @Instant({ example: '2024-05-16T15:00:00+02:00' }) justeringAt!: string;
  @Text(LIMITS.line, { example: 'Kommunstyrelsekontoret' }) justeringPlace!: string;

  static readonly example = {
    adjusters: ['m-beronius'],
    justeringAt: '2024-05-16T15:00:00+02:00',
    justeringPlace: 'Kommunstyrelsekontoret',
  };
}

export class ReorderAgendaDto {
  @UuidList(500, {
    description:
      "every paragraph of the meeting, first to last; those not yet handled take the meeting's § numbers in this order",
  })
  order!: string[];

  static readonly example = {
    order: ['0190a1b2-0000-7000-8000-000000000002', '0190a1b2-0000-7000-8000-000000000001'],
  };
}

export class OpenMeetingDto extends AtDto {
  static readonly example = { at: '2024-05-14T09:00:00+02:00' };
}

export class CloseMeetingDto extends AtDto {
  static readonly example = { at: '2024-05-14T11:30:00+02:00' };
}

export class JustifyProtocolDto extends AtDto {
  @IdList(10, { description: 'the chair and every justerare' }) byMemberIds!: string[];

  static readonly example = { byMemberIds: ['m-andersson', 'm-beronius'], at: '2024-05-16T15:00:00+02:00' };
}

export class AnnounceProtocolDto {
  @PlainDate({ example: '2024-05-17' }) announcedOn!: string;
  @Text(LIMITS.line, { example: 'Kommunstyrelsekontoret' }) protocolKeptAt!: string;

  static readonly example = { announcedOn: '2024-05-17', protocolKeptAt: 'Kommunstyrelsekontoret' };
}
