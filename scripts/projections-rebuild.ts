/**
 * Rebuild read models from position 0:
 *   npm run projections:rebuild                      every projection
 *   npm run projections:rebuild -- protocol register  only these
 * Uses the same settings as the API (PARAGRAF_EVENT_STORE, PARAGRAF_SQLITE_PATH,
 * PARAGRAF_READ_MODEL_PATH). Run it while the API is stopped, or the API's runner and this
 * one would both write the same file.
 */
import { createEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, openReadModelDb, readModelPath } from '@app/projections';

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = names.filter((n) => !ALL_PROJECTIONS.some((p) => p.name === n));
if (unknown.length) {
  console.error(
    `Okänd projektion: ${unknown.join(', ')}. Finns: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`,
  );
  process.exit(2);
}
const store = createEventStore();
const path = readModelPath(store);
const db = openReadModelDb(path);
const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { batchSize: 2000 });
const started = performance.now();
runner.rebuild(names.length ? names : undefined);
runner.start();
await runner.catchUp(3_600_000);
runner.stop();
const seconds = (performance.now() - started) / 1000;
console.log(`Read models in ${path} rebuilt to position ${runner.position} in ${seconds.toFixed(1)} s:`);
for (const [name, cp] of Object.entries(runner.checkpoints()))
  console.log(`  ${name} v${cp.version} @ ${cp.position ?? '-'}`);
db.close();
await store.close();
