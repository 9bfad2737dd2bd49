/**
 * Auditors' replay from the command line (reads the event store configured as for the API):
 *   npm run replay -- --meeting <id> --as-of <position|ISO time> [--format text|markdown|json]
 *   npm run replay -- --changes [--from <position|time>] [--to <position|time>] [--limit N]
 *   npm run replay -- --stream <streamId>
 */
import { createEventStore } from '@app/event-store';
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

const store = createEventStore();
try {
  if (args.includes('--changes')) {
    const page = await changesBetween(store, {
      from: point('--from'),
      to: point('--to'),
      limit: Number(opt('--limit') ?? 1000),
    });
    for (const e of page.events) console.log(JSON.stringify(e));
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
