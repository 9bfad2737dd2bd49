import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { UPLOAD_PATH } from '../attachments/attachments.controller.js';
import { problems } from '../errors/problem.js';

/** The routes that take a body other than JSON; everything else stays JSON only (415). */
export const VERIFY_PATH = '/verify';

/**
 * Registered after the JSON guard (`guardJsonBodies`): a bilaga's bytes, of any media type, on
 * the upload route up to the attachment limit; a copy of a certified extract as plain text on
 * POST /verify up to the body limit. Any other route or media type is 415.
 */
export function acceptRawBodies(
  fastify: FastifyInstance,
  limits: { attachment: number; text: number },
): void {
  fastify.addContentTypeParser('*', (request, payload: IncomingMessage, done) => {
    const url = request.routeOptions.url;
    const text = /^text\/plain\b/i.test(String(request.headers['content-type'] ?? ''));
    if (url !== UPLOAD_PATH && !(url === VERIFY_PATH && text)) {
      done(problems.unsupportedMediaType(), undefined);
      return;
    }
    const limit = url === UPLOAD_PATH ? limits.attachment : limits.text;
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.removeAllListeners('data');
        payload.resume();
        done(problems.payloadTooLarge(limit), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => {
      if (size > limit) return;
      const bytes = Buffer.concat(chunks);
      done(null, url === UPLOAD_PATH ? bytes : bytes.toString('utf8'));
    });
    payload.on('error', (err) => done(err, undefined));
  });
}
