/** The thread of WriterThread (writer-thread.ts): the store's write connection. */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { groupCommitter } from './group-commit.js';
import {
  fromWireAppend,
  toWireError,
  toWireOutcome,
  type WireReply,
  type WireRequest,
} from './writer-thread.js';

const { path, synchronous, busyTimeoutMs } = workerData as {
  path: string;
  synchronous: 'FULL' | 'NORMAL';
  busyTimeoutMs: number;
};
const db = new Database(path, { timeout: busyTimeoutMs });
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
const commitGroup = groupCommitter(db);
// Changes exactly when ANOTHER connection commits: the store forgets what it knew of the streams.
const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();

parentPort!.on('message', (m: WireRequest | 'close') => {
  if (m === 'close') {
    db.close();
    process.exit(0);
  }
  let reply: WireReply;
  try {
    const outcomes = commitGroup(m.batch.map(fromWireAppend)).map(toWireOutcome);
    reply = { id: m.id, outcomes, dataVersion: dataVersion.get()! };
  } catch (err) {
    reply = { id: m.id, failed: toWireError(err) };
  }
  parentPort!.postMessage(reply);
});
