import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

// Needs a server: `docker compose -f docker/docker-compose.yml up -d eventstoredb`,
// then `EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false npm run test:eventstoredb`.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreContract('eventstoredb', async () => new EventStoreDbEventStore({ connectionString }));
} else {
  console.warn('EventStoreDB contract suite SKIPPED: EVENTSTORE_CONNECTION_STRING is not set');
  // describe.skip makes Jest report every case as skipped, never as passed.
  describe.skip('EventStoreDB (EVENTSTORE_CONNECTION_STRING is not set)', () => {
    describeEventStoreContract('eventstoredb', async () => {
      throw new Error('unreachable: suite skipped');
    });
  });
}
