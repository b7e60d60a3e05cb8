import type { DomainEvent } from '@tracker/domain/shared/decider';
import { READ_MODEL_STORE_FACTORIES, type ReadModelStoreFactory } from '@tracker/testing/read-model-stores';
import { TrackerEventGenerator } from '@tracker/testing/tracker-event-generator';
import { foldBatch } from './fold';
import { fullSchema, type ProjectedEvent, type Projection, tablesOf } from './projection';
import { ALL_PROJECTIONS } from './projections';

/** A realistic log with corrections, amendments, removals and re-listings of records from earlier batches. */
function log(size: number): ProjectedEvent<DomainEvent>[] {
  const generator = new TrackerEventGenerator(7);
  return Array.from({ length: size }, (_, i) => {
    const { streamId, revision, event, schemaVersion } = generator.next();
    const position = BigInt(i + 1);
    return {
      ...event,
      eventId: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      metadata: { actor: 'analyst', correlationId: `c${i}`, schemaVersion },
      streamId,
      revision: BigInt(revision),
      position: { commit: position, prepare: position },
      recordedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    } as unknown as ProjectedEvent<DomainEvent>;
  });
}

const EVENTS = log(1500);

describe.each(READ_MODEL_STORE_FACTORIES)('folding in batches ($label)', ({ create }) => {
  let store: Awaited<ReturnType<ReadModelStoreFactory['create']>> | undefined;
  beforeAll(async () => {
    store = await create();
  });
  afterAll(() => store?.dispose());

  /** Every row of every table of `generation`, as sorted JSON lines. */
  async function contents(projection: Projection<DomainEvent>, generation: number): Promise<string[][]> {
    const t = tablesOf(projection, generation);
    return Promise.all(
      projection.tables.map(async (table) =>
        (await store!.all<Record<string, unknown>>(`SELECT * FROM ${t[table]}`))
          .map((row) => JSON.stringify(row))
          .sort(),
      ),
    );
  }

  async function fold(projection: Projection<DomainEvent>, generation: number, batchSize: number, events = EVENTS) {
    const t = tablesOf(projection, generation);
    await store!.exec(fullSchema(projection, t));
    for (let start = 0; start < events.length; start += batchSize) {
      await store!.transaction((tx) => foldBatch(tx, projection, events.slice(start, start + batchSize), t));
    }
  }

  it('the log mixes first events with changes to records of earlier batches', () => {
    const changes = EVENTS.filter((e) => e.revision > 0n).length;
    expect(changes).toBeGreaterThan(150);
  });

  it.each(ALL_PROJECTIONS.map((p) => [p.name, p] as const))(
    '%s: one batch, batches of 7, and batches of 7 without prefetch fill the same tables',
    async (_, projection) => {
      const { prefetch: _prefetch, ...withoutPrefetch } = projection;
      await fold(projection, 1, EVENTS.length);
      await fold(projection, 2, 7);
      await fold(withoutPrefetch, 3, 7);
      const whole = await contents(projection, 1);
      expect(whole.flat().length).toBeGreaterThan(0);
      expect(await contents(projection, 2)).toEqual(whole);
      expect(await contents(projection, 3)).toEqual(whole);
    },
  );

  it.each(ALL_PROJECTIONS.filter((p) => p.eventTypes).map((p) => [p.name, p] as const))(
    '%s: the events outside its eventTypes change nothing (the runner passes them without a transaction)',
    async (_, projection) => {
      const acts = new Set<string>(projection.eventTypes);
      const relevant = EVENTS.filter((event) => acts.has(event.type));
      expect(new Set(relevant.map((event) => event.type))).toEqual(acts);
      expect(relevant.length).toBeLessThan(EVENTS.length);
      await fold(projection, 4, EVENTS.length);
      await fold(projection, 5, 7, relevant);
      expect(await contents(projection, 5)).toEqual(await contents(projection, 4));
    },
  );
});
