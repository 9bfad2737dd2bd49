/**
 * Rebuild read models from position 0 (see USAGE). Refuses while a server (or another rebuild)
 * holds the read-model file: both would write it.
 */
import { createEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, openReadModelDb, readModelPath } from '@app/projections';
import { FileLock, StoreLockedError } from '../apps/api/src/infra/store-lock.js';
import { helpRequested, Progress } from './support/cli.js';
import { upcasters } from '@app/domain';

const USAGE = `
Usage: npm run projections:rebuild -- [projection ...]

Rebuilds read models from position 0 of the event store: every projection, or only the named
ones (${ALL_PROJECTIONS.map((p) => p.name).join(', ')}).

Uses the API's settings (PARAGRAF_EVENT_STORE, PARAGRAF_SQLITE_PATH, PARAGRAF_READ_MODEL_PATH,
EVENTSTORE_CONNECTION_STRING). Refuses to run while the server uses the same read models.

Options:
  -h, --help   this text; nothing is opened or changed
`;
helpRequested(USAGE);

const args = process.argv.slice(2);
const unknownOptions = args.filter((a) => a.startsWith('-'));
if (unknownOptions.length) {
  console.error(`Unknown option: ${unknownOptions.join(', ')}\n${USAGE}`);
  process.exit(2);
}
const names = args;
const unknown = names.filter((n) => !ALL_PROJECTIONS.some((p) => p.name === n));
if (unknown.length) {
  console.error(
    `Okänd projektion: ${unknown.join(', ')}. Finns: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
  );
  process.exit(2);
}
const store = createEventStore(upcasters);
const path = readModelPath(store);
let lock: FileLock | null = null;
try {
  if (path !== ':memory:') lock = FileLock.acquire(path, 'projections:rebuild');
} catch (err) {
  await store.close();
  if (!(err instanceof StoreLockedError)) throw err;
  console.error(`Cannot rebuild: ${err.message}`);
  process.exit(1);
}
const db = openReadModelDb(path);
const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { batchSize: 2000 });
const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
const head = last ? last.position.commit : 0n;
const progress = new Progress('Rebuilding');
const started = performance.now();
const ticker = setInterval(() => {
  const at = runner.position < 0n ? 0n : runner.position;
  const pct = head > 0n ? Number((at * 1000n) / head) / 10 : 100;
  progress.update(`position ${at} of ${head} (${pct.toFixed(1)} %)`);
}, 250);
runner.rebuild(names.length ? names : undefined);
runner.start();
try {
  await runner.catchUp(3_600_000);
} finally {
  clearInterval(ticker);
  progress.done();
  runner.stop();
}
const seconds = (performance.now() - started) / 1000;
console.log(`Read models in ${path} rebuilt to position ${runner.position} in ${seconds.toFixed(1)} s:`);
for (const [name, cp] of Object.entries(runner.checkpoints()))
  console.log(`  ${name} v${cp.version} @ ${cp.position ?? '-'}`);
db.close();
await store.close();
lock?.release();
