import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBody, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Requires } from '../auth/auth.guard.js';
import type { CommandContext } from '../commands/command-context.js';
import { Ctx } from '../http/command-ctx.decorator.js';
import { UuidParam } from '../http/params.js';
import { ReadDocs } from '../http/swagger.js';
import { JusteringService, type JusteringStatus } from './justering.service.js';

export class SignJusteringDto {
  @ApiProperty({
    description: 'SHA-256 (hex) of the text/plain protocol you were served (header Paragraf-Document-SHA256)',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits (SHA-256)' })
  documentSha256!: string;

  @ApiPropertyOptional({
    description: 'Your own memberId; anyone else’s is refused (403)',
    example: 'm-andersson',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  memberId?: string;
}

/** Justering signed by the people (docs/adr/0026). */
@ApiTags('justering')
@Controller('meetings/:meetingId/justering')
export class JusteringController {
  constructor(@Inject(JusteringService) private readonly justering: JusteringService) {}

  @Post()
  @HttpCode(200)
  @Requires('record')
  @ReadDocs({
    summary: 'Send the protocol for justering (the clerk): the chair and justerare then sign',
    json: 'JusteringStatus',
    problems: [400, 404, 409, 422],
    etag: true,
  })
  request(
    @Param('meetingId', UuidParam) meetingId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<JusteringStatus> {
    return this.justering.request(meetingId, ctx);
  }

  @Post('signatures')
  @HttpCode(200)
  @Requires('justify')
  @ApiBody({ type: SignJusteringDto })
  @ReadDocs({
    summary: 'Sign the justering for yourself, with the hash of the protocol text you were served',
    json: 'JusteringStatus',
    problems: [400, 404, 409, 422],
    etag: true,
  })
  sign(
    @Param('meetingId', UuidParam) meetingId: string,
    @Body() dto: SignJusteringDto,
    @Ctx() ctx: CommandContext,
  ): Promise<JusteringStatus> {
    return this.justering.sign(meetingId, dto, ctx);
  }

  @Get()
  @Requires('read')
  @ReadDocs({
    summary: 'Who must sign, who has signed (with the hash each signed), and whether it is complete',
    json: 'JusteringStatus',
    problems: [400, 404],
    etag: true,
  })
  status(@Param('meetingId', UuidParam) meetingId: string): Promise<JusteringStatus> {
    return this.justering.status(meetingId);
  }
}
