import { createHash } from 'node:crypto';
import { sha256Hex } from '@app/event-store';
import type { FastifyReply } from 'fastify';

/**
 * The header that carries the SHA-256 (hex) of the exact document body served: a person who
 * signs the justering signs this hash, and a copy can be checked against it (docs/adr/0026).
 */
export const DOCUMENT_HASH_HEADER = 'paragraf-document-sha256';

export function documentSha256(document: string | Uint8Array): string {
  return typeof document === 'string'
    ? sha256Hex(document)
    : createHash('sha256').update(document).digest('hex');
}

/** Sets the header for the document about to be sent (text or PDF bytes), and returns it. */
export function withDocumentHash<T extends string | Uint8Array>(reply: FastifyReply, document: T): T {
  void reply.header(DOCUMENT_HASH_HEADER, documentSha256(document));
  return document;
}
