import { kindOfEventType, type RecordKind } from '@tracker/domain/record-kinds';
import type { TrackerEvent } from '@tracker/domain/tracker-event';
import { formatPosition } from '@tracker/event-store/position';
import type { ProjectedEvent, Projection } from '../projection';
import { READ_MODEL_KINDS } from '../record-kinds';
import type { FeedEntry } from './feed-entry';

/** One development in the feed: any new record or change, in the order it was recorded. */
export interface FeedItem {
  /** Global log position; also the SSE event id for live resumption. */
  position: string;
  kind: RecordKind;
  recordId: string;
  streamId: string;
  eventType: string;
  headline: string;
  occurredAt: string | null;
  recordedAt: string;
  source: unknown;
}

type Described = Pick<FeedItem, 'kind'> & FeedEntry;

/** How an event reads in the feed, as the kind that emits it says (`READ_MODEL_KINDS`); `undefined` for no kind's event. */
export function describe(event: TrackerEvent): Described | undefined {
  const kind = kindOfEventType(event.type);
  if (!kind) return undefined;
  const entry = READ_MODEL_KINDS[kind].feed as (event: TrackerEvent) => FeedEntry;
  return { kind, ...entry(event) };
}

/** The developments feed: one append-only row per development, newest by log position. */
export const feedProjection: Projection = {
  name: 'feed',
  version: 3,
  tables: ['rm_feed'],
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_feed} (
      commit_pos  BIGINT NOT NULL,
      prepare_pos BIGINT NOT NULL,
      kind        TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      doc         TEXT NOT NULL,
      PRIMARY KEY (commit_pos, prepare_pos)
    );`,
  indexes: (t) => [`CREATE INDEX IF NOT EXISTS ${t.rm_feed}_kind ON ${t.rm_feed} (kind, commit_pos DESC)`],
  async apply(tx, event: ProjectedEvent, t) {
    const described = describe(event);
    if (!described) return;
    const { occurredAt, source, ...rest } = described;
    const item: FeedItem = {
      position: formatPosition(event.position),
      ...rest,
      streamId: event.streamId,
      eventType: event.type,
      occurredAt: occurredAt ?? null,
      recordedAt: event.recordedAt.toISOString(),
      source: source ?? null,
    };
    tx.insert(t.rm_feed, {
      commit_pos: event.position.commit,
      prepare_pos: event.position.prepare,
      kind: item.kind,
      recorded_at: item.recordedAt,
      doc: JSON.stringify(item),
    });
  },
};
