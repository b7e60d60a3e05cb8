import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { EventStorePort, Position, RecordedEvent } from '@tracker/event-store/event-store.port';
import { comparePositions } from '@tracker/event-store/position';
import { DEFAULT_BATCH_SIZE, foldBatch, projected } from './fold';
import { Generations } from './generations';
import { type Projection, tablesOf } from './projection';
import type { ReadModelStore } from './store/read-model-store';

/** One projection's comparison of a scratch replay with its live tables. */
export interface ReplayComparison {
  projection: string;
  generation: number;
  position: string | null;
  tables: { table: string; live: number; replayed: number; onlyLive: unknown[]; onlyReplayed: unknown[] }[];
  equal: boolean;
}

const SCRATCH_GENERATION = 999_999;

/**
 * Replays the log from position 0 into scratch tables, up to the live generation's
 * checkpoint, and compares them row for row with the live tables: the proof that a
 * projection is a pure function of the log. Differences are listed, at most 20 per side.
 */
export async function replayAndCompare(
  store: EventStorePort,
  db: ReadModelStore,
  projection: Projection<DomainEvent>,
  options: { batchSize?: number } = {},
): Promise<ReplayComparison> {
  const live = (await Generations.list(db, projection.name)).find((g) => g.status === 'active');
  if (!live) throw new RangeError(`${projection.name} has no active generation`);
  const scratch = tablesOf(projection, SCRATCH_GENERATION);
  for (const table of Object.values(scratch)) await db.exec(`DROP TABLE IF EXISTS ${table}`);
  await db.exec(projection.schema(scratch));
  try {
    await fold(store, db, projection, scratch, live.position, options);
    const liveTables = tablesOf(projection, live.generation);
    const tables = [];
    for (const logical of projection.tables) {
      tables.push({ table: logical, ...(await diff(db, liveTables[logical], scratch[logical])) });
    }
    return {
      projection: projection.name,
      generation: live.generation,
      position: live.position ? `${live.position.commit}` : null,
      tables,
      equal: tables.every((t) => t.onlyLive.length === 0 && t.onlyReplayed.length === 0),
    };
  } finally {
    for (const table of Object.values(scratch)) await db.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}

async function fold(
  store: EventStorePort,
  db: ReadModelStore,
  projection: Projection<DomainEvent>,
  t: Record<string, string>,
  until: Position | undefined,
  options: { batchSize?: number },
): Promise<void> {
  if (!until) return;
  let batch: RecordedEvent[] = [];
  const flush = async () => {
    const events = batch;
    batch = [];
    await db.transaction((tx) => foldBatch(tx, projection, events.map(projected), t));
  };
  for await (const event of store.readAll()) {
    if (comparePositions(event.position, until) > 0) break;
    batch.push(event);
    if (batch.length >= (options.batchSize ?? DEFAULT_BATCH_SIZE)) await flush();
  }
  await flush();
}

async function diff(db: ReadModelStore, live: string, replayed: string) {
  const canonical = (rows: Record<string, unknown>[]) =>
    rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  const a = canonical(await db.all<Record<string, unknown>>(`SELECT * FROM ${live}`));
  const b = canonical(await db.all<Record<string, unknown>>(`SELECT * FROM ${replayed}`));
  const multiset = (rows: string[]) => rows.reduce((m, r) => m.set(r, (m.get(r) ?? 0) + 1), new Map<string, number>());
  const [ma, mb] = [multiset(a), multiset(b)];
  const missing = (from: Map<string, number>, other: Map<string, number>) =>
    [...from].flatMap(([row, n]) => Array(Math.max(0, n - (other.get(row) ?? 0))).fill(row)).map((r) => JSON.parse(r));
  return {
    live: a.length,
    replayed: b.length,
    onlyLive: missing(ma, mb).slice(0, 20),
    onlyReplayed: missing(mb, ma).slice(0, 20),
  };
}
