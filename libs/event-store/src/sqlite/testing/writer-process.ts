/**
 * A second process writing to the same SQLite file, for the cross-process and durability tests.
 *   once <path> <stream> <eventId>   append one event, print "appended <position>", exit
 *   batches <path> [inline|thread]   append batches of 10 events forever (one transaction each),
 *                                    printing each completed batch as a JSON line
 * Run with `node --import tsx writer-process.ts ...`.
 */
import { v7 } from 'uuid';
import { SqliteEventStore } from '../sqlite-event-store.js';

const [mode, path, ...rest] = process.argv.slice(2);
const store = new SqliteEventStore({
  path,
  writer: mode === 'batches' && rest[0] === 'thread' ? 'thread' : 'inline',
});

if (mode === 'once') {
  const [stream, id] = rest;
  const r = await store.appendToStream(stream, [
    { id, type: 'FromAnotherProcess', data: { pid: process.pid } },
  ]);
  process.stdout.write(`appended ${r.position.commit}\n`);
  await store.close();
} else if (mode === 'batches') {
  process.stdout.write('ready\n');
  for (let batch = 0; ; batch++) {
    const events = Array.from({ length: 10 }, (_, i) => ({
      id: v7(),
      type: 'Durable',
      data: { batch, i, filler: 'x'.repeat(200) },
    }));
    const r = await store.appendToStream(`batch-${batch}`, events, { expectedRevision: 'no_stream' });
    // Printed only after the append returned, i.e. after COMMIT.
    process.stdout.write(
      `${JSON.stringify({ batch, ids: events.map((e) => e.id), position: String(r.position.commit) })}\n`,
    );
  }
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
