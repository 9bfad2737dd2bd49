import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/**
 * Field decorators that pair the shape check (class-validator) with its OpenAPI description,
 * so the two cannot drift. Every string and list is bounded: no field can carry megabytes.
 */
export const LIMITS = {
  id: 100,
  name: 200,
  line: 500,
  text: 10_000,
  listSmall: 50,
  listMembers: 200,
} as const;

interface Opt {
  readonly optional?: boolean;
  /** Required only when a `ValidateIf` on the field says so (shown as optional in OpenAPI). */
  readonly conditional?: boolean;
  readonly example?: unknown;
  readonly description?: string;
}

function api(opt: Opt, extra: ApiPropertyOptions): PropertyDecorator {
  return ApiProperty({
    required: !opt.optional && !opt.conditional,
    ...(opt.example !== undefined ? { example: opt.example } : {}),
    ...(opt.description ? { description: opt.description } : {}),
    ...extra,
  } as ApiPropertyOptions);
}

function maybe(opt: Opt, ...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(opt.optional ? IsOptional() : IsDefined(), ...decorators);
}

const ID = /^[\p{L}\p{N}._:-]+$/u;

/** A client-chosen id of an entry or a member: letters, digits, `._:-`. */
export const Id = (opt: Opt = {}) =>
  maybe(
    opt,
    IsString(),
    MinLength(1),
    MaxLength(LIMITS.id),
    Matches(ID, { message: '$property may contain only letters, digits and . _ : -' }),
    api(opt, { type: String, maxLength: LIMITS.id }),
  );

/** A SHA-256 in lower-case hex: how a bilaga is named. */
export const Sha256 = (opt: Opt = {}) =>
  maybe(
    opt,
    IsString(),
    Matches(/^[0-9a-f]{64}$/, { message: '$property must be a SHA-256 in lower-case hex (64 characters)' }),
    api(opt, { type: String, pattern: '^[0-9a-f]{64}$' }),
  );

/** Ids of streams (meetings, paragraphs) are UUIDs. */
export const Uuid = (opt: Opt = {}) => maybe(opt, IsUUID(), api(opt, { type: String, format: 'uuid' }));

/** Stream ids in an order that matters (the agenda), each once. */
export const UuidList = (maxItems: number, opt: Opt = {}) =>
  maybe(
    opt,
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    IsUUID(undefined, { each: true }),
    api(opt, { type: [String], format: 'uuid', minItems: 1, maxItems, uniqueItems: true }),
  );

export const Text = (max: number, opt: Opt = {}) =>
  maybe(
    opt,
    IsString(),
    MinLength(1),
    MaxLength(max),
    api(opt, { type: String, minLength: 1, maxLength: max }),
  );

export const TextList = (maxItems: number, maxLength: number, opt: Opt = {}) =>
  maybe(
    opt,
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
    api(opt, { type: [String], maxItems }),
  );

export const IdList = (maxItems: number, opt: Opt = {}) =>
  maybe(
    opt,
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    MaxLength(LIMITS.id, { each: true }),
    Matches(ID, {
      each: true,
      message: 'each value in $property may contain only letters, digits and . _ : -',
    }),
    api(opt, { type: [String], maxItems }),
  );

export const OneOf = (values: readonly string[], opt: Opt = {}) =>
  maybe(opt, IsIn(values as string[]), api(opt, { enum: values as string[] }));

export const Bool = (opt: Opt = {}) => maybe(opt, IsBoolean(), api(opt, { type: Boolean }));

export const Int = (min: number, max: number, opt: Opt = {}) =>
  maybe(opt, IsInt(), Min(min), Max(max), api(opt, { type: Number, minimum: min, maximum: max }));

/** Local date `YYYY-MM-DD`. */
export const PlainDate = (opt: Opt = {}) =>
  maybe(
    opt,
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    // The shape alone lets 2024-13-01 or 2023-02-29 through; strict ISO-8601 checks the calendar.
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
    api(opt, { type: String, format: 'date' }),
  );

/** Local time `HH:MM`. */
export const ClockTime = (opt: Opt = {}) =>
  maybe(
    opt,
    IsString(),
    Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '$property must be a time HH:MM' }),
    api(opt, { type: String, example: opt.example ?? '09:00' }),
  );

/** An instant with its offset, e.g. `2024-05-14T09:00:00+02:00`. */
export const Instant = (opt: Opt = {}) =>
  maybe(
    opt,
    IsString(),
    MaxLength(40),
    IsISO8601({ strict: true }, { message: '$property must be an ISO-8601 date-time' }),
    api(opt, { type: String, format: 'date-time' }),
  );

/*
 * @nestjs/swagger resolves a type lazily only when the function is *named* `type`: the arrow in
 * `{ type: () => cls() }` takes its name from the key, while `{ type: cls }` would keep the
 * parameter's name `cls` and be emitted as a dangling `$ref: '#/components/schemas/'`.
 */
export const Nested = (cls: () => new () => object, opt: Opt = {}) =>
  maybe(opt, ValidateNested(), Type(cls), api(opt, { type: () => cls() }));

export const NestedList = (cls: () => new () => object, maxItems: number, opt: Opt = {}) =>
  maybe(
    opt,
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(cls),
    api(opt, { type: () => cls(), isArray: true, maxItems }),
  );
