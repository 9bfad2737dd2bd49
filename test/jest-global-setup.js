// Printed once per run, before the results: Jest hides console output of skipped test files,
// and a skipped run must never pass for a passed one.
export default function globalSetup() {
  if (!process.env.EVENTSTORE_CONNECTION_STRING) {
    process.stdout.write(
      '\nEventStoreDB contract suite SKIPPED: EVENTSTORE_CONNECTION_STRING is not set ' +
        '(see README, "EventStoreDB").\n\n',
    );
  }
}
