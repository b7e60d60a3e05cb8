import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { formatPosition, headOf } from '@tracker/event-store/position';
import { ProjectionRunner } from '@tracker/read-models/projection-runner';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { KEY_STORE } from '@tracker/runtime/persistence.module';
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
