import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { parentPort, workerData } from 'node:worker_threads';
import type { ThreadCall, ThreadData, ThreadMessage } from './projection-thread';
import { openEventStore, openReadModelStore } from './stores';

/** How long a live batch gathers events: the read models trail the log by at most about this much more. */
const LIVE_BATCH_MS = 50;

/** Entry of the thread `ThreadedProjectionRunner` starts: the process's projection loops, on their own connections. */
async function main(): Promise<void> {
  const port = parentPort!;
  const { config } = workerData as ThreadData;
  const post = (message: ThreadMessage) => port.postMessage(message);
  const store = await openEventStore(config);
  const db = openReadModelStore(config);
  const runner = new ProjectionRunner(store, db, ALL_PROJECTIONS, {
    // Nobody waits on this thread's batches: a fuller batch per transaction costs the cores the API shares less.
    liveBatchMs: LIVE_BATCH_MS,
    quarantine: { maxAttempts: config.PROJECTION_MAX_ATTEMPTS },
    onError: (projection, error) => post({ kind: 'error', projection, message: String(error) }),
    onSwitch: (projection, generation) => post({ kind: 'switch', projection, generation }),
  });
  runner.start();
  const answer = async (call: ThreadCall): Promise<unknown> => {
    switch (call.method) {
      case 'status':
        return runner.status();
      case 'waitFor':
        return runner.waitFor(call.position, call.timeoutMs);
      case 'stop':
        await runner.stop();
        await store.close();
        await db.close();
        // Nothing keeps the thread alive once the port stops listening: it exits.
        setImmediate(() => port.close());
        return undefined;
    }
  };
  port.on('message', (call: ThreadCall) => {
    answer(call).then(
      (value) => post({ kind: 'reply', id: call.id, value }),
      (error: unknown) => post({ kind: 'reply', id: call.id, error: String((error as Error)?.message ?? error) }),
    );
  });
}

// A failure to start is an unhandled rejection: the thread dies, and the main thread reports it and starts another.
void main();
