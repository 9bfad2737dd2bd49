import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** position, stream_id, revision, event_id, type, data, metadata, created — data and metadata parsed; metadata null when left out. */
export type PageRow = [number, string, number, string, string, object, object | null, number];

/** Pages the worker may read before the reader has taken them: enough to overlap, bounded in memory. */
const AHEAD = 2;

/**
 * The worker, as plain CommonJS run with `eval: true`, so that it needs no loader or build step
 * and runs the same from dist/, tsx and Jest. It reads with its own read-only connection (WAL
 * lets it read beside the writer) and sends each page as ONE JSON text, embedding the stored
 * data and metadata as they are: the reader's thread then parses a page in one call instead
 * of stepping SQLite and parsing 2 × pageSize small texts.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
const select = db.prepare(
  'SELECT position, stream_id, revision, event_id, type, data, ' +
  // Without the metadata, still its schemaVersion: the reader upcasts by it (docs/adr/0043).
  (workerData.metadata
    ? 'metadata'
    : "CASE WHEN json_type(metadata, '$.schemaVersion') = 'integer' " +
      "THEN json_object('schemaVersion', json_extract(metadata, '$.schemaVersion')) ELSE '{}' END") +
  ', created FROM events WHERE position >= ? ORDER BY position LIMIT ?',
).raw(true);
let from = workerData.from;
let credit = workerData.credit;
let done = false;
function read() {
  try {
    while (credit > 0 && !done) {
      credit--;
      const rows = select.all(from, workerData.size);
      let text = '[';
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        text += (i ? ',[' : '[') + r[0] + ',' + JSON.stringify(r[1]) + ',' + r[2] + ',' + JSON.stringify(r[3]) +
          ',' + JSON.stringify(r[4]) + ',' + r[5] + ',' + r[6] + ',' + r[7] + ']';
      }
      done = rows.length < workerData.size;
      if (!done) from = rows[rows.length - 1][0] + 1;
      parentPort.postMessage({ text: text + ']', done });
    }
  } catch (err) {
    done = true;
    parentPort.postMessage({ error: String(err && err.stack || err) });
  }
  if (done) db.close();
}
parentPort.on('message', (n) => { credit += n; read(); });
read();
`;

type Message = { text: string; done: boolean } | { error: string };

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

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
  const worker = new Worker(WORKER, {
    eval: true,
    // Its garbage is short-lived rows and one text per page: a small young generation does, and
    // keeps the reader small when the process runs with a larger one (--max-semi-space-size).
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
    workerData: { driver, path, from, size, metadata, credit: AHEAD },
  });
  const inbox: Message[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: Message) => {
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
      if ('error' in m) throw new Error(`read-ahead worker: ${m.error}`);
      if (!m.done) worker.postMessage(1);
      const rows = JSON.parse(m.text) as PageRow[];
      if (rows.length > 0) yield rows;
      if (m.done) return;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
