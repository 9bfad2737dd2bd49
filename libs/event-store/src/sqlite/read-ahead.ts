import { startWorker } from '../internal/worker-module.js';
import type { PageRow, ReadAheadCredit, ReadAheadData, ReadAheadReply } from './read-ahead.protocol.js';

export type { PageRow } from './read-ahead.protocol.js';

/** Pages the worker may read before the reader has taken them: enough to overlap, bounded in memory. */
const AHEAD = 2;

/**
 * Read `events` from position `from` (inclusive) to the end, in pages of `size`, in a worker
 * thread that stays up to AHEAD pages ahead of the caller. Breaking out of the loop stops it.
 */
export async function* readAhead(
  path: string,
  from: number,
  size: number,
  metadata = true,
): AsyncGenerator<PageRow[]> {
  const worker = startWorker(import.meta.url, 'read-ahead.worker', {
    // Its garbage is short-lived rows and one text per page: a small young generation does, and
    // keeps the reader small when the process runs with a larger one (--max-semi-space-size).
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
    workerData: { path, from, size, metadata, credit: AHEAD } satisfies ReadAheadData,
  });
  const inbox: ReadAheadReply[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ReadAheadReply) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`read-ahead worker stopped (exit code ${code})`);
    notify();
  });
  try {
    for (;;) {
      while (inbox.length === 0) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const m = inbox.shift()!;
      if (m.kind === 'error') throw new Error(`read-ahead worker: ${m.error}`);
      if (!m.done) worker.postMessage({ kind: 'credit', pages: 1 } satisfies ReadAheadCredit);
      const rows = JSON.parse(m.text) as PageRow[];
      if (rows.length > 0) yield rows;
      if (m.done) return;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
