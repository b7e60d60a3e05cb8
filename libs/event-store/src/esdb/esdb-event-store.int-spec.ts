import { EsdbTestServer } from '@tracker/testing/esdb-test-server/esdb-test-server';
import { describeEventStoreContract } from '../event-store.contract-suite';
import { EventStoreDbEventStore } from './esdb-event-store';

for (const batchAppend of [true, false]) {
  describeEventStoreContract(`EventStoreDB (protocol-level, ${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
    const server = new EsdbTestServer({ batchAppend });
    await server.start(0);
    const store = new EventStoreDbEventStore(server.connectionString);
    return {
      store,
      teardown: async () => {
        await store.close();
        await server.stop();
      },
    };
  });
}

// A real KurrentDB/EventStoreDB (e.g. from docker compose) runs the same suite; absent, nothing is registered.
const realServer = process.env.EVENTSTORE_CONNECTION_STRING;
if (realServer) {
  describeEventStoreContract('EventStoreDB (real server)', async () => {
    const store = new EventStoreDbEventStore(realServer);
    return { store, teardown: () => store.close() };
  });
}
