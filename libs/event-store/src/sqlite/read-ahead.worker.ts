/**
 * The thread of `readAhead` (read-ahead.ts). It reads with its own read-only connection (WAL
 * lets it read beside the writer) and sends each page as ONE JSON text of `PageRow`s, embedding the stored
 * data and metadata as they are: the reader's thread then parses a page in one call instead of
 * stepping SQLite and parsing 2 × pageSize small texts (ADR 0012).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ReadAheadCredit, ReadAheadData, ReadAheadReply } from './read-ahead.protocol.js';

const options = workerData as ReadAheadData;
const port = parentPort!;
const post = (m: ReadAheadReply) => port.postMessage(m);

const db = new Database(options.path, { readonly: true, fileMustExist: true });
// data and metadata are still JSON texts here: they are embedded, not parsed.
type RawRow = [number, string, number, string, string, string, string, number];
const select = db
  .prepare<[number, number], RawRow>(
    `SELECT position, stream_id, revision, event_id, type, data, ${
      options.metadata
        ? 'metadata'
        : // Without the metadata, still its schemaVersion: the reader upcasts by it (docs/adr/0043).
          "CASE WHEN json_type(metadata, '$.schemaVersion') = 'integer' " +
          "THEN json_object('schemaVersion', json_extract(metadata, '$.schemaVersion')) ELSE '{}' END"
    }, created FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
  )
  .raw(true);

let from = options.from;
let credit = options.credit;
let done = false;

function read(): void {
  try {
    while (credit > 0 && !done) {
      credit--;
      const rows = select.all(from, options.size);
      let text = '[';
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        text += `${i ? ',[' : '['}${r[0]},${JSON.stringify(r[1])},${r[2]},${JSON.stringify(r[3])},${JSON.stringify(r[4])},${r[5]},${r[6]},${r[7]}]`;
      }
      done = rows.length < options.size;
      if (!done) from = rows[rows.length - 1][0] + 1;
      post({ kind: 'page', text: `${text}]`, done });
    }
  } catch (err) {
    done = true;
    post({ kind: 'error', error: String((err as Error)?.stack ?? err) });
  }
  if (done) db.close();
}

port.on('message', (m: ReadAheadCredit) => {
  credit += m.pages;
  read();
});
read();
