/**
 * Verifies the record from the command line, reading the event store configured as for the API
 * (the server need not run): every stream's hash chain and every seal over $all (docs/adr/0024,
 * 0025). Prints each break with its stream, revision and kind.
 *
 *   npm run verify                 # report; exit 0 when clean, 1 when something is broken
 *   npm run verify -- --json       # the report as one JSON object
 *   npm run verify -- --seal       # afterwards, seal what is not sealed yet (genesis on an old store)
 *   npm run verify -- --help
 */
import { existsSync } from 'node:fs';
import { createEventStore, parseEventStoreConfig, sealStore, verifyStore } from '@app/event-store';

const USAGE = `Usage: npm run verify -- [--json] [--seal]

Recomputes the SHA-256 chain of every stream and every seal over $all, from position 0, and
reports each break: stream, revision and kind (changed, missing, inserted, reordered, timestamp,
seal, unsealed). Reads the store configured by PARAGRAF_EVENT_STORE / PARAGRAF_SQLITE_PATH /
EVENTSTORE_CONNECTION_STRING, like the server.

  --json   print the whole report as JSON on one line
  --seal   after verifying, append a seal over events not yet sealed (on a store written before
           chaining this is the genesis seal, docs/adr/0024); the only option that writes
  --help   print this and touch nothing

Exit status: 0 clean, 1 breaks found, 2 bad arguments or an unreadable store.`;

const args = process.argv.slice(2);
const known = new Set(['--json', '--seal', '--help', '-h']);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.filter((a) => !known.has(a));
if (unknown.length > 0) {
  console.error(`Okänt argument: ${unknown.join(' ')}\n\n${USAGE}`);
  process.exit(2);
}

const config = parseEventStoreConfig(process.env);
if (config.kind === 'sqlite' && !existsSync(config.path)) {
  // Opening would create an empty store: say so instead.
  console.error(`Händelselagret ${config.path} finns inte (PARAGRAF_SQLITE_PATH).`);
  process.exit(2);
}
// The stored shape: the verifier hashes what is stored (an upcast event would be restored too).
const store = createEventStore(null);
let status = 0;
try {
  const started = performance.now();
  const { verifier, report } = await verifyStore(store);
  const seconds = (performance.now() - started) / 1000;
  if (args.includes('--json')) console.log(JSON.stringify(report));
  else {
    console.log(
      `${report.checkedEvents} händelser i ${report.streams} strömmar, ${report.seals} förseglingar ` +
        `(${seconds.toFixed(1)} s); senaste försegling till position ${report.lastSeal?.upTo ?? '–'}, ` +
        `${report.unsealedEvents} händelser efter den; ${report.legacyEvents} från före kedjningen.`,
    );
    if (report.ok) console.log('OK: varje kedja och försegling stämmer.');
    else {
      console.log(`BROTT: ${report.breaks.length + report.breaksOmitted}`);
      console.log(['kind', 'stream', 'revision', 'position', 'detail'].join('\t'));
      for (const b of report.breaks) {
        console.log([b.kind, b.streamId, b.revision ?? '-', b.position ?? '-', b.detail].join('\t'));
      }
      if (report.breaksOmitted > 0) console.log(`… och ${report.breaksOmitted} till.`);
    }
  }
  if (!report.ok) status = 1;
  if (args.includes('--seal')) {
    const written = await sealStore(store, verifier, 'cli');
    console.error(`${written} försegling(ar) skrivna.`);
  }
} catch (err) {
  console.error(`Verifieringen kunde inte läsa händelselagret: ${(err as Error).message}`);
  status = 2;
} finally {
  await store.close();
}
process.exit(status);
