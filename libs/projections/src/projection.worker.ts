/** The thread of ProjectionThread (thread.ts): a ProjectionRunner with its own connections. */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '@app/event-store';
import { ALL_PROJECTIONS } from './all-projections.js';
import { openReadModelDb } from './db.js';
import type {
  ProjectionThreadData,
  ProjectionThreadReply,
  ProjectionThreadStop,
} from './projection.protocol.js';
import { ProjectionRunner } from './runner.js';
import { upcasters } from '@app/domain';

const options = workerData as ProjectionThreadData;

// A nice value when asked for (ADR 0017; the default is none since reads wait for this thread,
// ADR 0052). Linux gives each thread its own nice value; elsewhere this changes nothing.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (options.niceness && Number.isInteger(tid)) setPriority(tid, options.niceness);
} catch {
  // no /proc/thread-self, or not allowed: run at the process's priority
}
const post = (m: ProjectionThreadReply) => parentPort!.postMessage(m);

// Catch-up and live events in the current shape (docs/adr/0043).
const store = openStore(options.store, { pollIntervalMs: options.pollIntervalMs, upcaster: upcasters });
const db = openReadModelDb(options.readModelPath);
const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, {
  batchSize: options.batchSize,
  onError: (err) => post({ kind: 'error', message: String(err) }),
});
runner.committed.subscribe((batch) => post({ kind: 'batch', batch }));
parentPort!.on('message', (m: ProjectionThreadStop) => {
  if (m.kind !== 'stop') return;
  runner.stop();
  db.close();
  void store.close().then(() => {
    post({ kind: 'stopped' });
    process.exit(0);
  });
});
runner.start();
// Report where the checkpoints stand, so the API knows it before the next batch.
if (runner.position >= 0n) post({ kind: 'batch', batch: { position: runner.position, events: [] } });
