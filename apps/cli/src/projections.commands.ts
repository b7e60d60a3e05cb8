import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { formatPosition, headOf, parsePosition } from '@tracker/event-store/position';
import { ParkedEventError, ParkedEvents, type ParkedEvent } from '@tracker/read-models/parked-events';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { KEY_STORE } from '@tracker/runtime/persistence.module';
import { userInfo } from 'node:os';
import { withStores } from './cli-context';

/**
 * Creates the registry and each projection's first generation (the runner's init does it on context
 * start), and drops the read-model tables a data folder from before `read-models.db` still holds in
 * `tracker.db`: nothing reads them any more (the read models are built from the log into `read-models.db`).
 */
export async function migrate(): Promise<void> {
  await withStores(async (context) => {
    const generations = await context.get(ProjectionRunner).status();
    process.stdout.write(
      `read models ready: ${generations.filter((g) => g.status !== 'retired').length} generations\n`,
    );
    const keys = context.get<ReadModelStore>(KEY_STORE);
    if (keys === context.get<ReadModelStore>(READ_MODEL_STORE)) return;
    const legacy = await keys.all<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table'
       AND (name LIKE 'rm\\_%' ESCAPE '\\' OR name IN ('projection_generations', 'projection_leases'))`,
    );
    for (const { name } of legacy) await keys.exec(`DROP TABLE "${name}"`);
    if (legacy.length > 0) process.stdout.write(`dropped ${legacy.length} read-model tables left in tracker.db\n`);
  });
}

/** Prints one line per live generation. */
export async function projectionsStatus(): Promise<void> {
  await withStores(async (context) => {
    const head = (await headOf(context.get<EventStorePort>(EVENT_STORE)))?.commit ?? 0n;
    for (const g of await context.get(ProjectionRunner).status()) {
      if (g.status === 'retired') continue;
      const checkpoint = g.position ? formatPosition(g.position) : '-';
      const lag = head - (g.position?.commit ?? 0n);
      process.stdout.write(
        `${g.name.padEnd(24)} v${g.version} gen ${g.generation} ${g.status.padEnd(8)} checkpoint ${checkpoint} lag ${lag}\n`,
      );
    }
  });
}

/** Requests a rebuild and, unless `--no-wait`, builds it in this process until the new generation is active. */
export async function projectionsRebuild(name: string, options: { wait: boolean; timeout: number }): Promise<void> {
  await withStores(async (context) => {
    const runner = context.get(ProjectionRunner);
    runner.projection(name);
    const requested = await runner.rebuild(name);
    process.stdout.write(`${name}: building generation ${requested.generation} from position 0\n`);
    if (!options.wait) return;
    runner.start();
    const deadline = Date.now() + options.timeout * 1000;
    try {
      for (;;) {
        const generation = (await runner.status()).find(
          (g) => g.name === name && g.generation === requested.generation,
        );
        if (generation?.status === 'active') {
          const at = generation.position ? formatPosition(generation.position) : 'start';
          process.stdout.write(`${name}: generation ${requested.generation} active at ${at}\n`);
          return;
        }
        if (Date.now() > deadline) throw new Error(`${name}: rebuild still running after ${options.timeout}s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await runner.stop();
    }
  });
}

/** Lists parked events (of one projection, or of all): position, status, attempts, type, stream and error. */
export async function projectionsParked(name: string | undefined): Promise<void> {
  await withStores(async (context) => {
    const runner = context.get(ProjectionRunner);
    const names = name ? [runner.projection(name).name] : (await runner.status()).map((g) => g.name);
    let waiting = 0;
    for (const projection of [...new Set(names)].map((n) => runner.projection(n))) {
      for (const event of await ParkedEvents.list(context.get<ReadModelStore>(READ_MODEL_STORE), projection)) {
        if (event.status === 'parked') waiting++;
        process.stdout.write(`${parkedLine(event)}\n`);
      }
    }
    process.stdout.write(`${waiting} parked event${waiting === 1 ? '' : 's'} awaiting retry or skip\n`);
  });
}

/** Applies a parked event once, after a fix; exits 1 with the error if it still fails. */
export async function projectionsRetry(name: string, position: string): Promise<void> {
  await parkedChange(name, position, (db, store, projection, at) =>
    ParkedEvents.retry(db, store, projection, at, operator()),
  );
}

/** Leaves a parked event out of the read model, recording the operator and the reason. */
export async function projectionsSkip(name: string, position: string, options: { reason: string }): Promise<void> {
  await parkedChange(name, position, (db, _, projection, at) =>
    ParkedEvents.skip(db, projection, at, operator(), options.reason),
  );
}

async function parkedChange(
  name: string,
  position: string,
  change: (
    db: ReadModelStore,
    store: EventStorePort,
    projection: ReturnType<ProjectionRunner['projection']>,
    at: ReturnType<typeof parsePosition>,
  ) => Promise<ParkedEvent>,
): Promise<void> {
  await withStores(async (context) => {
    const projection = context.get(ProjectionRunner).projection(name);
    const db = context.get<ReadModelStore>(READ_MODEL_STORE);
    try {
      const event = await change(db, context.get<EventStorePort>(EVENT_STORE), projection, parsePosition(position));
      process.stdout.write(`${parkedLine(event)}\n`);
    } catch (error) {
      if (!(error instanceof ParkedEventError)) throw error;
      process.stderr.write(`${name} ${position}: ${error.message}\n`);
      process.exitCode = 1;
    }
  });
}

const parkedLine = (e: ParkedEvent) =>
  [
    e.projection.padEnd(24),
    e.position.padEnd(10),
    e.status.padEnd(8),
    `attempts ${e.attempts}`,
    e.type,
    `${e.streamId}@${e.revision}`,
    e.resolvedBy ? `by ${e.resolvedBy}${e.reason ? ` (${e.reason})` : ''}` : e.error,
  ].join('  ');

/** Who the CLI acts as in the parked-event record: the operating-system user. */
function operator(): string {
  try {
    return `cli:${userInfo().username || 'unknown'}`;
  } catch {
    return 'cli:unknown';
  }
}
