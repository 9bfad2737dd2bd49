/**
 * A verification thread (verify-threads.ts): reads its share of the events file's position
 * blocks with its own read-only connection, and does the expensive part of verification for each
 * event — parsing, the RFC 8785 text and its SHA-256 — sending back compact tuples.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { canonicalParts, contentHash } from './hash.js';
import { SEAL_EVENT, SEAL_STREAM } from './verifier.js';
import type { WireRecord } from './verify-threads.js';

const { path, size, first, step, blocks } = workerData as {
  path: string;
  size: number;
  first: number;
  step: number;
  blocks: number;
};
const db = new Database(path, { readonly: true, fileMustExist: true });
const select = db
  .prepare(
    'SELECT position, stream_id, revision, event_id, type, data, metadata, created FROM events ' +
      'WHERE position > ? AND position <= ? ORDER BY position',
  )
  .raw(true);

let block = first;
let credit = 2;

function work(): void {
  while (credit > 0 && block < blocks) {
    credit--;
    const rows = select.all(block * size, (block + 1) * size) as [
      number,
      string,
      number,
      string,
      string,
      string,
      string,
      number,
    ][];
    const out: WireRecord[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const [position, streamId, revision, id, type, rawData, rawMetadata, created] = rows[i];
      const data = JSON.parse(rawData) as Record<string, unknown>;
      const metadata = JSON.parse(rawMetadata) as Record<string, unknown>;
      const event = { id, streamId, type, data, metadata };
      const stored = typeof metadata.sha256 === 'string' ? metadata.sha256 : null;
      const prev = metadata.prev;
      const prevState = typeof prev === 'string' ? 2 : prev === null ? 1 : 0;
      const parts = stored === null ? canonicalParts(event) : null;
      out[i] = [
        position,
        streamId,
        revision,
        type,
        created,
        typeof metadata.recordedAt === 'string' ? metadata.recordedAt : null,
        stored,
        prevState,
        prevState === 2 ? (prev as string) : null,
        stored === null ? null : contentHash(event, prevState === 2 ? (prev as string) : null),
        parts ? parts[0] : null,
        parts ? parts[1] : null,
        streamId === SEAL_STREAM && type === SEAL_EVENT ? rawData : null,
      ];
    }
    parentPort!.postMessage({ block, records: out });
    block += step;
  }
  if (block >= blocks) db.close();
}

parentPort!.on('message', (n: number) => {
  credit += n;
  work();
});
work();
