/**
 * Auditors' replay from the command line (reads the event store configured as for the API):
 *   npm run replay -- --meeting <id> --as-of <position|ISO time> [--format text|markdown|json]
 *   npm run replay -- --changes [--from <position|time>] [--to <position|time>] [--limit N]
 *   npm run replay -- --stream <streamId>
 */
import { existsSync } from 'node:fs';
import { createEventStore, parseEventStoreConfig } from '@app/event-store';
import { documentStyle, protocolFixedAt, renderProtocol } from '@app/protocol';
import {
  changesBetween,
  findParagraphIds,
  parseAsOf,
  protocolAsOf,
  toAuditEvent,
  type AsOf,
  houseStyleVersions,
} from '@app/projections';
import { helpRequested } from './support/cli.js';

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

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
function point(name: string): AsOf | undefined {
  const raw = opt(name);
  if (raw === undefined) return undefined;
  return parseAsOf(raw) ?? fail(`${name} måste vara en global position eller en ISO-8601-tid, inte "${raw}"`);
}

// A replay reads: it must not create an empty store where the path is wrong.
const storeConfig = parseEventStoreConfig();
if (storeConfig.kind === 'sqlite' && !existsSync(storeConfig.path)) {
  fail(`Ingen händelsebutik på ${storeConfig.path} (PARAGRAF_SQLITE_PATH).`);
}
const store = createEventStore();
try {
  if (args.includes('--changes')) {
    const page = await changesBetween(store, {
      from: point('--from'),
      to: point('--to'),
      limit: Number(opt('--limit') ?? 1000),
    });
    for (const e of page.events) console.log(JSON.stringify(e));
    console.error(`${page.events.length} händelser.`);
    if (page.nextFrom) console.error(`Fler händelser finns: fortsätt med --from ${page.nextFrom}`);
  } else if (opt('--stream')) {
    for (const e of await store.readStream(opt('--stream')!)) console.log(JSON.stringify(toAuditEvent(e)));
  } else if (opt('--meeting')) {
    const meetingId = opt('--meeting')!;
    const asOf = point('--as-of') ?? { position: BigInt(Number.MAX_SAFE_INTEGER) };
    const result = await protocolAsOf(store, meetingId, asOf, await findParagraphIds(store, meetingId));
    if (!result) fail(`Sammanträdet ${meetingId} fanns inte vid den tidpunkten.`);
    const format = opt('--format') ?? 'text';
    if (format === 'json') console.log(JSON.stringify(result, null, 2));
    else {
      const versions = await houseStyleVersions(store, result.meeting.body.id, asOf);
      const style = documentStyle(versions, protocolFixedAt(result.meeting, result.paragraphs));
      process.stdout.write(
        renderProtocol(result.meeting, result.paragraphs, {
          ...style,
          format: format === 'markdown' ? 'markdown' : 'text',
        }),
      );
      console.error(`(protokollet per position ${result.lastPosition})`);
    }
  } else {
    fail('Ange --meeting <id> --as-of <position|tid>, --changes [--from] [--to], eller --stream <streamId>.');
  }
} finally {
  await store.close();
}
