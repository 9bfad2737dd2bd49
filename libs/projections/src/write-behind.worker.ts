/**
 * The thread of WriteBehindThread (write-behind-thread.ts). It owns a second connection to the
 * read-model file and commits each batch it is sent as ONE transaction, in the order sent, then
 * answers on its port and bumps a shared counter, on which the runner's thread can block
 * (`Atomics.wait`) when it needs the answer before going on.
 */
import Database, { type Statement } from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import type {
  WriteBehindData,
  WriteBehindReply,
  WriteBehindRequest,
  WriteOp,
} from './write-behind.protocol.js';

const { path, synchronous, done: shared, port } = workerData as WriteBehindData;
const db = new Database(path, { fileMustExist: true });
db.pragma(`synchronous = ${synchronous}`);
db.pragma('cache_size = -32000');
db.pragma('busy_timeout = 5000');

const statements = new Map<string, Statement>();
const statement = (sql: string): Statement => {
  let s = statements.get(sql);
  if (!s) statements.set(sql, (s = db.prepare(sql)));
  return s;
};
const commit = db.transaction((ops: readonly WriteOp[]) => {
  for (let i = 0; i < ops.length; i++) statement(ops[i][0]).run(...ops[i][1]);
});
const done = new Int32Array(shared);

port.on('message', (m: WriteBehindRequest) => {
  if (m.kind === 'close') {
    db.close();
    port.close();
    return;
  }
  let error: string | null = null;
  try {
    commit(m.ops);
  } catch (err) {
    error = String((err as Error)?.stack ?? err);
  }
  port.postMessage({ seq: m.seq, error } satisfies WriteBehindReply);
  Atomics.store(done, 0, m.seq);
  Atomics.notify(done, 0);
});
