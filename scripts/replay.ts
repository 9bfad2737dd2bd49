/**
 * Auditors' replay from the command line (reads the event store configured as for the API):
 *   npm run replay -- --meeting <id> --as-of <position|ISO time> [--format text|markdown|json]
 *   npm run replay -- --changes [--from <position|time>] [--to <position|time>] [--limit N]
 *   npm run replay -- --stream <streamId>
 */
import { existsSync } from 'node:fs';
import { upcasters } from '@app/domain';
import { createEventStore, parseEventStoreConfig } from '@app/event-store';
import { helpRequested } from './support/cli.js';
import { replay, ReplayUsageError } from './support/replay.js';

helpRequested(`
Usage:
  npm run replay -- --meeting <id> [--as-of <position|ISO time>] [--format text|markdown|json]
  npm run replay -- --changes [--from <position|time>] [--to <position|time>] [--limit N]
  npm run replay -- --stream <streamId>

Reads the event store configured as for the API (PARAGRAF_EVENT_STORE, PARAGRAF_SQLITE_PATH,
EVENTSTORE_CONNECTION_STRING) and writes nothing. --meeting prints the protocol as it stood
(default: now); --changes prints what was recorded between two points, one JSON line per event;
--stream prints one stream's raw events.

Options:
  -h, --help   this text; nothing is opened or created
`);

// A replay reads: it must not create an empty store where the path is wrong.
const storeConfig = parseEventStoreConfig();
if (storeConfig.kind === 'sqlite' && !existsSync(storeConfig.path)) {
  console.error(`Ingen händelsebutik på ${storeConfig.path} (PARAGRAF_SQLITE_PATH).`);
  process.exit(2);
}
// Events in their current shape, as the API reads them (docs/adr/0043).
const store = createEventStore(upcasters);
try {
  await replay(process.argv.slice(2), store, {
    out: (line) => process.stdout.write(line),
    err: (line) => console.error(line),
  });
} catch (err) {
  if (!(err instanceof ReplayUsageError)) throw err;
  console.error(err.message);
  process.exitCode = 2;
} finally {
  await store.close();
}
