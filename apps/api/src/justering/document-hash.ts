import { sha256Hex } from '@app/event-store';
import type { FastifyReply } from 'fastify';

/**
 * The header that carries the SHA-256 (hex) of the exact document body served: a person who
 * signs the justering signs this hash, and a copy can be checked against it (docs/adr/0026).
 */
export const DOCUMENT_HASH_HEADER = 'paragraf-document-sha256';

export function documentSha256(text: string): string {
  return sha256Hex(text);
}

/** Sets the header for the text about to be sent, and returns the text. */
export function withDocumentHash(reply: FastifyReply, text: string): string {
  void reply.header(DOCUMENT_HASH_HEADER, documentSha256(text));
  return text;
}
