import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ReadDocs } from '../http/swagger.js';
import type { FastifyReply } from 'fastify';
import { Requires } from '../auth/auth.guard.js';
import { ProblemException, problems } from '../errors/problem.js';
import { AttachmentStore, isSha256, type StoredBlob } from './attachment.store.js';

/** The upload route: app.factory.ts lets its raw body through (and only its). */
export const UPLOAD_PATH = '/attachments';

/**
 * Bilagor's bytes, content-addressed. Upload first (the answer names the SHA-256), then
 * attach it to a paragraph or the protocol by that hash (docs/adr/0021).
 */
@ApiTags('attachments')
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly store: AttachmentStore) {}

  @Post()
  @HttpCode(201)
  @Requires('record')
  @ApiConsumes('application/octet-stream', 'application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ReadDocs({
    summary: "Upload a document's bytes (any media type except JSON); answers its SHA-256 and size",
    status: 201,
    json: 'StoredBlob',
    responseDescription: 'stored (or already there): its SHA-256, size and media type',
    problems: [400, 413, 415],
  })
  async upload(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<StoredBlob> {
    const mediaType = (contentType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    if (!Buffer.isBuffer(bytes)) {
      throw new ProblemException({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        title: 'Innehållstypen stöds inte',
        detail: `Skicka dokumentets bytes med dess egen innehållstyp (t.ex. application/pdf), inte ${mediaType}.`,
      });
    }
    if (bytes.length === 0) {
      throw problems.validation([{ field: 'body', message: 'dokumentet är tomt' }]);
    }
    return this.store.put(bytes, mediaType);
  }

  @Get(':sha256')
  @Requires('read')
  @ReadDocs({
    summary: 'The bytes of a bilaga, by SHA-256',
    media: ['application/octet-stream'],
    responseDescription: 'the bytes, with the media type they were uploaded as',
    problems: [400, 404],
    etag: true,
  })
  async get(
    @Param('sha256') sha256: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    if (!isSha256(sha256)) {
      throw problems.validation([{ field: 'sha256', message: 'ska vara en SHA-256 (64 tecken 0-9, a-f)' }]);
    }
    const found = await this.store.read(sha256);
    if (!found) throw problems.notFound('Bilagan finns inte.');
    // The hash names the bytes: they never change.
    void reply
      .header('content-type', found.blob.mediaType)
      .header('etag', `"${sha256}"`)
      .header('cache-control', 'private, max-age=31536000, immutable');
    return found.bytes;
  }
}
