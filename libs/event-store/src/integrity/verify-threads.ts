import Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { startWorkerModule } from '../internal/worker-module.js';
import type { SealData, Verifier, VerifyRecord } from './verifier.js';

/**
 * position, streamId, revision, type, created, recordedAt, stored sha256, prev state (0 absent,
 * 1 null, 2 string), prev, computed hash, legacy text before prev, legacy text after prev, seal data (JSON)
 */
export type WireRecord = [
  number,
  string,
  number,
  string,
  number,
  string | null,
  string | null,
  0 | 1 | 2,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
];

/** Positions per block a thread reads and hashes at a time. */
const BLOCK = 2000;

function toRecord(w: WireRecord): VerifyRecord {
  return {
    position: BigInt(w[0]),
    streamId: w[1],
    revision: w[2],
    type: w[3],
    created: w[4],
    recordedAt: w[5] ?? undefined,
    stored: w[6] ?? undefined,
    prev: w[7] === 2 ? w[8]! : w[7] === 1 ? null : undefined,
    ...(w[9] !== null ? { computed: w[9] } : {}),
    ...(w[10] !== null ? { legacyParts: [w[10], w[11]!] as const } : {}),
    ...(w[12] !== null ? { seal: JSON.parse(w[12]) as SealData } : {}),
  };
}

/**
 * Verify an embedded store's file from position 0 with `threads` verification threads: each reads
 * every `threads`-th block of positions with its own read-only connection and hashes it; this
 * thread only puts the records in order and follows the chains and seals. A fresh verifier only.
 * Events appended after the start are left for `catchUp`.
 */
export async function verifyFileInThreads(path: string, verifier: Verifier, threads = 2): Promise<void> {
  if (verifier.position !== null) throw new Error('verifyFileInThreads needs a fresh verifier');
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const max = (db.prepare('SELECT max(position) AS m FROM events').get() as { m: number | null }).m ?? 0;
  db.close();
  const blocks = Math.ceil(max / BLOCK);
  if (blocks === 0) return;
  const n = Math.max(1, Math.min(threads, blocks));
  const arrived = new Map<number, WireRecord[]>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const workers: Worker[] = [];
  for (let k = 0; k < n; k++) {
    const worker = startWorkerModule(import.meta.url, 'verify.worker', {
      workerData: { path, size: BLOCK, first: k, step: n, blocks },
    });
    worker.on('message', (m: { block: number; records: WireRecord[] }) => {
      arrived.set(m.block, m.records);
      notify();
    });
    worker.on('error', (err) => {
      failure = err;
      notify();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`verification thread stopped (exit code ${code})`);
      notify();
    });
    workers.push(worker);
  }
  try {
    for (let b = 0; b < blocks; b++) {
      while (!arrived.has(b)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const records = arrived.get(b)!;
      arrived.delete(b);
      workers[b % n].postMessage(1);
      for (const r of records) verifier.feedRecord(toRecord(r));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
