import type { EventData, ExpectedRevision } from '@tracker/event-store/event-store.port';
import { SqliteEventStore } from '@tracker/event-store/sqlite/sqlite-event-store';
import { chainEvents, GENESIS_HASH } from '@tracker/event-store/tamper-evidence/event-hash';
import { statementBody } from '@tracker/testing/fixtures';
import { randomUUID } from 'node:crypto';
import { TrackerEventGenerator } from '@tracker/testing/tracker-event-generator';

/** Metadata as the command handlers write it (actor, correlation, causation, schema version, hash). */
export function metadata(schemaVersion: number): EventData['metadata'] {
  const id = randomUUID();
  return {
    recordedAt: new Date().toISOString(),
    actor: 'bench',
    correlationId: id,
    causationId: id,
    schemaVersion,
  };
}

/** One `StatementRecorded` as `POST /v1/statements` with `statementBody()` would store it. */
export function statementEvent(): EventData {
  const statementId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'StatementRecorded',
    data: { statementId, ...statementBody() },
    metadata: { ...metadata(2), hash: GENESIS_HASH },
  };
}

interface PendingAppend {
  streamId: string;
  expectedRevision: ExpectedRevision;
  events: EventData[];
}

/** What seeding produced. */
export interface SeedResult {
  readonly filename: string;
  readonly events: number;
  readonly streams: number;
  readonly seconds: number;
  readonly bytes: number;
}

/**
 * Writes `size` generated events to a new SQLite event log through `appendToStream`, in windows
 * of many concurrent appends (one per stream, each with its exact expected revision), with hash
 * chains as the command handlers write them. Seeding is not what is measured: it opens the
 * store with `synchronous=NORMAL` to be quick.
 */
export async function seedTask(args: { filename: string; size: number }): Promise<SeedResult> {
  const store = new SqliteEventStore({ filename: args.filename, synchronous: 'NORMAL' });
  const generator = new TrackerEventGenerator();
  // Last hash of each recently created stream; follow-ups only go to streams created within ~20k events.
  const hashes = new Map<string, string>();
  const started = performance.now();
  let streams = 0;
  const window = 5000;
  try {
    for (let written = 0; written < args.size;) {
      const pending = new Map<string, PendingAppend>();
      const take = Math.min(window, args.size - written);
      for (let i = 0; i < take; i++) {
        const record = generator.next();
        const previous = record.revision === 0 ? GENESIS_HASH : hashes.get(record.streamId);
        if (previous === undefined) throw new Error(`no hash kept for ${record.streamId}`);
        const [event] = chainEvents(previous, [
          {
            eventId: randomUUID(),
            type: record.event.type,
            data: record.event.data as unknown as EventData['data'],
            metadata: metadata(record.schemaVersion),
          },
        ]);
        hashes.delete(record.streamId);
        hashes.set(record.streamId, event.metadata.hash);
        if (record.revision === 0) streams += 1;
        const append = pending.get(record.streamId);
        if (append) append.events.push(event);
        else
          pending.set(record.streamId, {
            streamId: record.streamId,
            expectedRevision: record.revision === 0 ? 'no_stream' : BigInt(record.revision - 1),
            events: [event],
          });
      }
      await Promise.all(
        [...pending.values()].map((a) =>
          store.appendToStream(a.streamId, a.events, { expectedRevision: a.expectedRevision }),
        ),
      );
      written += take;
      while (hashes.size > 50_000) hashes.delete(hashes.keys().next().value!);
    }
  } finally {
    await store.close();
  }
  const { statSync } = await import('node:fs');
  return {
    filename: args.filename,
    events: args.size,
    streams,
    seconds: (performance.now() - started) / 1000,
    bytes: statSync(args.filename).size,
  };
}
