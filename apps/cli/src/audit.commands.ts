import { toAuditTrailItem } from '@tracker/commands/audit-trail-item';
import { EVENT_STORE, type EventStorePort } from '@tracker/event-store/event-store.port';
import { verifyChains } from '@tracker/event-store/tamper-evidence/verify-chains';
import { ALL_PROJECTIONS } from '@tracker/read-models/projections';
import { replayAndCompare } from '@tracker/read-models/replay-compare';
import { READ_MODEL_STORE, type ReadModelStore } from '@tracker/read-models/store/read-model-store';
import { withStores } from './cli-context';

/** JSON lines of one stream's events (or the whole log) with their metadata, to stdout. */
export async function auditExport(streamId: string | undefined, options: { all?: boolean }): Promise<void> {
  if (!streamId === !options.all) throw new Error('audit export needs a streamId or --all, not both');
  await withStores(async (context) => {
    const store = context.get<EventStorePort>(EVENT_STORE);
    const events = streamId ? store.readStream(streamId) : store.readAll();
    let count = 0;
    for await (const event of events) {
      process.stdout.write(`${JSON.stringify(toAuditTrailItem(event))}\n`);
      count++;
    }
    process.stderr.write(`exported ${count} events\n`);
  });
}

/** Recomputes the hash chains; prints the first break and exits 1 when there is one. */
export async function auditVerify(options: { stream?: string }): Promise<void> {
  const report = await withStores((context) =>
    verifyChains(context.get<EventStorePort>(EVENT_STORE), { streamId: options.stream }),
  );
  process.stdout.write(
    `verified ${report.events} events in ${report.streams} streams: ${report.breaks.length} breaks\n`,
  );
  const [first] = report.breaks;
  if (first) {
    process.stdout.write(
      `first break: ${first.streamId} revision ${first.revision} expected ${first.expected} found ${first.found ?? 'no hash'}\n`,
    );
    process.exitCode = 1;
  }
}

/** Replays each projection into scratch tables and diffs them with the live tables; exits 1 on any difference. */
export async function auditReplayCompare(options: { projection?: string }): Promise<void> {
  const projections = ALL_PROJECTIONS.filter((p) => !options.projection || p.name === options.projection);
  if (projections.length === 0) throw new Error(`No projection named ${options.projection}`);
  await withStores(async (context) => {
    const store = context.get<EventStorePort>(EVENT_STORE);
    const db = context.get<ReadModelStore>(READ_MODEL_STORE);
    let different = 0;
    for (const projection of projections) {
      const result = await replayAndCompare(store, db, projection);
      const rows = result.tables.map((t) => `${t.table} ${t.live}/${t.replayed}`).join(', ');
      process.stdout.write(
        `${result.equal ? 'same' : 'DIFF'} ${projection.name} at ${result.position ?? 'start'}: ${rows}\n`,
      );
      for (const table of result.tables) {
        for (const row of table.onlyLive)
          process.stdout.write(`  only live   ${table.table}: ${JSON.stringify(row)}\n`);
        for (const row of table.onlyReplayed)
          process.stdout.write(`  only replay ${table.table}: ${JSON.stringify(row)}\n`);
      }
      if (!result.equal) different++;
    }
    process.stdout.write(
      `${projections.length - different} of ${projections.length} projections equal a replay from position 0\n`,
    );
    if (different > 0) process.exitCode = 1;
  });
}
