import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public, Requires } from '../auth/auth.guard.js';
import { problems } from '../errors/problem.js';
import { UuidParam } from '../http/params.js';
import { MEDIA, ReadDocs } from '../http/swagger.js';
import { withDocumentHash } from '../justering/document-hash.js';
import { normaliseCode } from './code.js';
import { ExtractVerification, type VerificationAnswer } from './extract-verification.service.js';

const MAX_TEXT = 200_000;

@ApiTags('verify')
@Controller()
export class VerificationController {
  constructor(@Inject(ExtractVerification) private readonly extracts: ExtractVerification) {}

  @Get('paragraphs/:paragraphId/certified-extract')
  @Requires('read')
  @ReadDocs({
    summary: 'The certified extract as text, with its verification code (Kontrollkod)',
    media: [MEDIA.text],
    problems: [400, 404, 422],
    headers: {
      'Paragraf-Verification-Code': { description: 'the Kontrollkod', schema: { type: 'string' } },
      'Paragraf-Document-SHA256': { description: 'SHA-256 of the text', schema: { type: 'string' } },
    },
  })
  async certifiedExtract(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { text, code } = await this.extracts.certified(paragraphId);
    void reply.header('content-type', 'text/plain; charset=utf-8').header('paragraf-verification-code', code);
    return withDocumentHash(reply, text);
  }

  @Get('verify')
  @Public()
  @ReadDocs({
    summary: 'Look up a verification code: the extract it stands for, its justering, later rättelser',
    public: true,
    json: 'VerificationAnswer',
    query: [{ name: 'code', required: true, description: 'a code like 7K3M-Q9TX-2BHD' }],
    problems: [400, 404],
  })
  verify(@Query('code') raw: string | undefined): Promise<VerificationAnswer> {
    const code = normaliseCode(raw ?? '');
    if (!code) throw problems.validation([{ field: 'code', message: 'must be a code like 7K3M-Q9TX-2BHD' }]);
    return this.extracts.lookup(code);
  }

  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiConsumes('text/plain', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'string', description: 'the text' },
        { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
      ],
    },
  })
  @ReadDocs({
    summary: 'Check a copy of a certified extract (text/plain, or JSON {text}): does it match the record?',
    public: true,
    json: 'VerificationAnswer',
    problems: [400, 404, 413],
  })
  check(@Body() body: unknown): Promise<VerificationAnswer> {
    const text = typeof body === 'string' ? body : (body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT) {
      throw problems.validation([
        { field: 'text', message: `must be the extract's text (at most ${MAX_TEXT} characters)` },
      ]);
    }
    return this.extracts.check(text);
  }
}
