import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Requires } from '../auth/auth.guard.js';
import type { CommandContext } from '../commands/command-context.js';
import { Ctx } from '../http/command-ctx.decorator.js';
import { UuidParam } from '../http/params.js';
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
@ApiBearerAuth()
@Controller('meetings/:meetingId/justering')
export class JusteringController {
  constructor(@Inject(JusteringService) private readonly justering: JusteringService) {}

  @Post()
  @HttpCode(200)
  @Requires('record')
  @ApiOperation({ summary: 'Send the protocol for justering (the clerk): the chair and justerare then sign' })
  request(
    @Param('meetingId', UuidParam) meetingId: string,
    @Ctx() ctx: CommandContext,
  ): Promise<JusteringStatus> {
    return this.justering.request(meetingId, ctx);
  }

  @Post('signatures')
  @HttpCode(200)
  @Requires('justify')
  @ApiOperation({
    summary: 'Sign the justering for yourself, with the hash of the protocol text you were served',
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
  @ApiOperation({
    summary: 'Who must sign, who has signed (with the hash each signed), and whether it is complete',
  })
  status(@Param('meetingId', UuidParam) meetingId: string): Promise<JusteringStatus> {
    return this.justering.status(meetingId);
  }
}
