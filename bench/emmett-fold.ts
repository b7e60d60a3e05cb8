import { createEventStoreSchema, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Per-day sums, the shape of our timelines, folded in memory. */
interface FoldState {
  events: number;
  byType: Map<string, number>;
  listingsByDay: Map<string, number>;
  aircraftByDay: Map<string, number>;
}

/**
 * Child task: copies the events of our seeded log into Emmett's schema (created by Emmett), then
 * times Emmett reading them back in `global_position` order with `readMessagesBatch` (what its
 * processors use) and folding them into memory.
 */
export async function emmettFoldTask(args: { eventsFile: string; dir: string }): Promise<{
  events: number;
  seconds: number;
  eventsPerSecond: number;
}> {
  mkdirSync(args.dir, { recursive: true });
  const fileName = join(args.dir, 'emmett-fold.db');
  const setup = sqliteConnection({ fileName });
  await createEventStoreSchema(setup);
  setup.close();
  const db = new Database(fileName);
  db.exec(`ATTACH DATABASE '${args.eventsFile.replace(/'/g, "''")}' AS ours`);
  db.exec(`BEGIN;
    INSERT INTO emt_messages (stream_id, stream_position, partition, message_kind, message_data, message_metadata,
      message_schema_version, message_type, message_id, is_archived, global_position)
    SELECT stream_id, revision + 1, 'emt:default', 'E', data,
      json_set(metadata, '$.streamName', stream_id, '$.messageId', event_id, '$.streamPosition', revision + 1),
      CAST(revision AS TEXT), type, event_id, 0, position FROM ours.events ORDER BY position;
    INSERT INTO emt_streams (stream_id, stream_position, partition, stream_type, stream_metadata, is_archived)
    SELECT stream_id, max(revision) + 1, 'emt:default', substr(stream_id, 1, instr(stream_id, '-') - 1), '[]', 0
    FROM ours.events GROUP BY stream_id;
    COMMIT;`);
  db.close();
  const connection = sqliteConnection({ fileName });
  const state: FoldState = { events: 0, byType: new Map(), listingsByDay: new Map(), aircraftByDay: new Map() };
  const started = performance.now();
  let after = 0n;
  for (;;) {
    const batch = await readMessagesBatch<{ type: string; data: Record<string, any> }>(connection, {
      after,
      batchSize: 1000,
    });
    for (const message of batch.messages) fold(state, message.type, message.data);
    after = batch.currentGlobalPosition;
    if (!batch.areEventsLeft) break;
  }
  const seconds = (performance.now() - started) / 1000;
  connection.close();
  return { events: state.events, seconds, eventsPerSecond: state.events / seconds };
}

function fold(state: FoldState, type: string, data: Record<string, any>): void {
  state.events += 1;
  state.byType.set(type, (state.byType.get(type) ?? 0) + 1);
  if (type === 'SanctionedEntityAdded' || type === 'SanctionedEntityRemoved') {
    const day = type === 'SanctionedEntityAdded' ? data.effectiveFrom : data.effectiveOn;
    state.listingsByDay.set(day, (state.listingsByDay.get(day) ?? 0) + (type === 'SanctionedEntityAdded' ? 1 : -1));
  } else if (type === 'EscalationSignalRecorded') {
    const day = String(data.observedTo).slice(0, 10);
    state.aircraftByDay.set(day, (state.aircraftByDay.get(day) ?? 0) + (data.metrics?.aircraft ?? 0));
  }
}
