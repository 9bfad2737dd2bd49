/**
 * A projection runner in its own process, for the crash test:
 *   runner-process.ts <events.db> <read-models.db>
 * prints "batch <position>" after each committed batch and "done <position>" when caught up.
 */
import { SqliteEventStore } from '@app/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, openReadModelDb } from '@app/projections';

const [eventsPath, readModelsPath] = process.argv.slice(2);
const store = new SqliteEventStore({ path: eventsPath, synchronous: 'NORMAL' });
const db = openReadModelDb(readModelsPath);
const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, { batchSize: 200 });
runner.committed.subscribe((b) => process.stdout.write(`batch ${b.position}\n`));
runner.start();
await runner.catchUp();
process.stdout.write(`done ${runner.position}\n`);
runner.stop();
db.close();
await store.close();
