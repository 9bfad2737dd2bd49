import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { ProtocolDocument } from '@app/protocol';
import { Public, Requires } from '../auth/auth.guard.js';
import { API_CONFIG, type ApiConfig } from '../config.js';
import { documentType, PDF, sendDocument, wantsDownload } from '../documents/respond.js';
import { problems } from '../errors/problem.js';
import { UuidParam } from '../http/params.js';
import { withDocumentHash } from '../justering/document-hash.js';
import { normaliseCode } from './code.js';
import { ExtractVerification, type VerificationAnswer } from './extract-verification.service.js';

const MAX_TEXT = 200_000;

@ApiTags('verify')
@Controller()
export class VerificationController {
  constructor(
    @Inject(ExtractVerification) private readonly extracts: ExtractVerification,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('paragraphs/:paragraphId/certified-extract')
  @Requires('read')
  @ApiBearerAuth()
  @ApiProduces('text/plain', PDF)
  @ApiOperation({
    summary: 'The certified extract, with its verification code (Kontrollkod); the PDF adds it as a QR code',
    description: 'Accept or `?format=text|pdf`; `?download=1` saves the PDF.',
  })
  async certifiedExtract(
    @Param('paragraphId', UuidParam) paragraphId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept') accept: string | undefined,
    @Query('format') format?: string,
    @Query('download') download?: string,
  ): Promise<string | Buffer> {
    const type = documentType(accept, format, ['text/plain', PDF]);
    const { text, code, document } = await this.extracts.certified(paragraphId);
    void reply.header('paragraf-verification-code', code);
    if (type === PDF) {
      return sendDocument(reply, PDF, this.certifiedPdfDocument(document, code), wantsDownload(download));
    }
    void reply.header('content-type', 'text/plain; charset=utf-8');
    return withDocumentHash(reply, text);
  }

  /** The extract with the lines the text carries (certifiedText) and the QR code of its /verify address. */
  private certifiedPdfDocument(document: ProtocolDocument, code: string): ProtocolDocument {
    const url = verifyUrl(this.config.publicUrl, code);
    return {
      ...document,
      fileName: `${document.fileName} bestyrkt`,
      blocks: [
        ...document.blocks,
        { kind: 'text', text: `Kontrollkod: ${code}` },
        { kind: 'text', text: `Kontrollera utdraget mot protokollet på ${url}` },
        { kind: 'qr', data: url, alt: `QR-kod till ${url}` },
      ],
    };
  }

  @Get('verify')
  @Public()
  @ApiOperation({
    summary: 'Look up a verification code: the extract it stands for, its justering, later rättelser',
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
  @ApiOperation({
    summary: 'Check a copy of a certified extract (text/plain, or JSON {text}): does it match the record?',
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

/** The address a certified extract's QR code encodes. */
export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/verify?code=${code}`;
}
