import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { problems } from '../errors/problem.js';

/** What the store knows of a blob: its size and the media type it was first uploaded with. */
export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/**
 * The bilagor's bytes, content-addressed: a file per SHA-256 in a folder beside the event
 * store (`<dir>/ab/abcd…`), with a small JSON sidecar for the media type. The same bytes are
 * stored once however often they are uploaded; a file is written under a temporary name and
 * renamed, so a reader never sees half a blob. Events carry only the hash (docs/adr/0021).
 */
export class AttachmentStore {
  constructor(private readonly dir: string) {}

  private path(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Buffer, mediaType: string): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const known = await this.stat(sha256);
    if (known) return known;
    const path = this.path(sha256);
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const meta: StoredBlob = { sha256, size: bytes.length, mediaType };
    // Sidecar first: a blob file that exists always has its media type beside it.
    await this.writeAtomically(`${path}.json`, JSON.stringify(meta));
    await this.writeAtomically(path, bytes);
    return meta;
  }

  async stat(sha256: string): Promise<StoredBlob | undefined> {
    if (!isSha256(sha256)) return undefined;
    const path = this.path(sha256);
    try {
      const [info, meta] = await Promise.all([stat(path), readFile(`${path}.json`, 'utf8')]);
      const { mediaType } = JSON.parse(meta) as { mediaType?: unknown };
      return {
        sha256,
        size: info.size,
        mediaType: typeof mediaType === 'string' ? mediaType : 'application/octet-stream',
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async read(sha256: string): Promise<{ blob: StoredBlob; bytes: Buffer } | undefined> {
    const blob = await this.stat(sha256);
    if (!blob) return undefined;
    return { blob, bytes: await readFile(this.path(sha256)) };
  }

  private async writeAtomically(path: string, content: string | Buffer): Promise<void> {
    const tmp = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(tmp, content);
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}

/** A bilaga is recorded only once its bytes are stored: the events name it by hash alone. */
export async function requireUploaded(store: AttachmentStore, sha256: string): Promise<StoredBlob> {
  const blob = await store.stat(sha256);
  if (!blob) {
    throw problems.ruleViolation(
      'ATTACHMENT_NOT_UPLOADED',
      'Dokumentet är inte uppladdat. Ladda upp det (POST /attachments) och använd den SHA-256 som svaret anger.',
      { details: { sha256 } },
    );
  }
  return blob;
}
