/**
 * The thread of BackgroundCheckpointer (checkpointer.ts). Its own connection runs PASSIVE
 * checkpoints, which copy committed WAL frames into the database file without blocking the
 * writer or readers (ADR 0015).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointerData, CheckpointerStop } from './checkpointer.protocol.js';

const { path, intervalMs } = workerData as CheckpointerData;
const port = parentPort!;
const db = new Database(path, { fileMustExist: true });
db.pragma('busy_timeout = 1000');

const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy: next time
  }
};
const timer = setInterval(checkpoint, intervalMs);

port.on('message', (m: CheckpointerStop) => {
  if (m.kind !== 'stop') return;
  clearInterval(timer);
  db.close();
  port.close();
});
