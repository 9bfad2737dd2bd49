/**
 * What `npm run replay` does, given the store (scripts/replay.ts opens the configured one):
 * --meeting prints the protocol as it stood, --changes what was recorded between two points,
 * --stream one stream's events. Output goes to `io`, so a test can run it on its own store.
 */
import type { EventStore } from '@app/event-store';
import { documentStyle, protocolFixedAt, renderProtocol } from '@app/protocol';
import {
  changesBetween,
  findParagraphIds,
  houseStyleVersions,
  parseAsOf,
  protocolAsOf,
  toAuditEvent,
  type AsOf,
} from '@app/projections';

/** A wrong argument: the CLI prints the message and exits 2. */
export class ReplayUsageError extends Error {
  override readonly name = 'ReplayUsageError';
}

export interface ReplayIo {
  /** Standard output (each call a whole line or document, newline included). */
  out(text: string): void;
  /** Standard error, one line. */
  err(line: string): void;
}

export async function replay(args: readonly string[], store: EventStore, io: ReplayIo): Promise<void> {
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const point = (name: string): AsOf | undefined => {
    const raw = opt(name);
    if (raw === undefined) return undefined;
    const asOf = parseAsOf(raw);
    if (!asOf)
      throw new ReplayUsageError(
        `${name} måste vara en global position eller en ISO-8601-tid, inte "${raw}"`,
      );
    return asOf;
  };
  if (args.includes('--changes')) {
    const page = await changesBetween(store, {
      from: point('--from'),
      to: point('--to'),
      limit: Number(opt('--limit') ?? 1000),
    });
    for (const e of page.events) io.out(`${JSON.stringify(e)}\n`);
    io.err(`${page.events.length} händelser.`);
    if (page.nextFrom) io.err(`Fler händelser finns: fortsätt med --from ${page.nextFrom}`);
  } else if (opt('--stream')) {
    for (const e of await store.readStream(opt('--stream')!)) io.out(`${JSON.stringify(toAuditEvent(e))}\n`);
  } else if (opt('--meeting')) {
    const meetingId = opt('--meeting')!;
    const asOf = point('--as-of') ?? { position: BigInt(Number.MAX_SAFE_INTEGER) };
    const result = await protocolAsOf(store, meetingId, asOf, await findParagraphIds(store, meetingId));
    if (!result) throw new ReplayUsageError(`Sammanträdet ${meetingId} fanns inte vid den tidpunkten.`);
    const format = opt('--format') ?? 'text';
    if (format === 'json') io.out(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const versions = await houseStyleVersions(store, result.meeting.body.id, asOf);
      const style = documentStyle(versions, protocolFixedAt(result.meeting, result.paragraphs));
      io.out(
        renderProtocol(result.meeting, result.paragraphs, {
          ...style,
          format: format === 'markdown' ? 'markdown' : 'text',
        }),
      );
      io.err(`(protokollet per position ${result.lastPosition})`);
    }
  } else {
    throw new ReplayUsageError(
      'Ange --meeting <id> --as-of <position|tid>, --changes [--from] [--to], eller --stream <streamId>.',
    );
  }
}
