/** The thread of WriterThread (writer-thread.ts): the store's write connection. */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { groupCommitter } from './group-commit.js';
import {
  toWireError,
  toWireOutcome,
  type WriterData,
  type WriterReply,
  type WriterRequest,
} from './writer.protocol.js';

const { path, synchronous, busyTimeoutMs } = workerData as WriterData;
const db = new Database(path, { timeout: busyTimeoutMs });
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
const commitGroup = groupCommitter(db);
// Changes exactly when ANOTHER connection commits: the store forgets what it knew of the streams.
const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();

parentPort!.on('message', (m: WriterRequest) => {
  if (m.kind === 'close') {
    db.close();
    process.exit(0);
  }
  let reply: WriterReply;
  try {
    const outcomes = commitGroup(m.batch).map(toWireOutcome);
    reply = { id: m.id, outcomes, dataVersion: dataVersion.get()! };
  } catch (err) {
    reply = { id: m.id, failed: toWireError(err) };
  }
  parentPort!.postMessage(reply);
});
