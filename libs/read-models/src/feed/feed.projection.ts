import type { TrackerEvent } from '@tracker/domain/tracker-event';
import { formatPosition } from '@tracker/event-store/position';
import type { ProjectedEvent, Projection } from '../projection';

/** One development in the feed: any new record or change, in the order it was recorded. */
export interface FeedItem {
  /** Global log position; also the SSE event id for live resumption. */
  position: string;
  kind: 'statement' | 'sanctioned-entity' | 'policy-action' | 'escalation-signal' | 'diplomatic-engagement' | 'anchor';
  recordId: string;
  streamId: string;
  eventType: string;
  headline: string;
  occurredAt: string | null;
  recordedAt: string;
  source: unknown;
}

type Described = Pick<FeedItem, 'kind' | 'recordId' | 'headline'> & { occurredAt?: string; source?: unknown };

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** How each event reads in a feed; `undefined` for events that are not developments. */
export function describe(event: TrackerEvent): Described | undefined {
  switch (event.type) {
    case 'StatementRecorded':
      return {
        kind: 'statement',
        recordId: event.data.statementId,
        headline: `${event.data.speaker}: ${clip(event.data.text)}`,
        occurredAt: event.data.occurredAt,
        source: event.data.source,
      };
    case 'StatementCorrected':
      return {
        kind: 'statement',
        recordId: event.data.statementId,
        headline: `Statement corrected: ${clip(event.data.reason)}`,
        source: event.data.source,
      };
    case 'StatementRetracted':
      return {
        kind: 'statement',
        recordId: event.data.statementId,
        headline: `Statement retracted: ${clip(event.data.reason)}`,
        source: event.data.source,
      };
    case 'SanctionedEntityAdded':
      return {
        kind: 'sanctioned-entity',
        recordId: event.data.entityId,
        headline: `${event.data.name} (${event.data.country}) added to ${event.data.list}`,
        occurredAt: event.data.effectiveFrom,
        source: event.data.source,
      };
    case 'SanctionedEntityAmended':
      return {
        kind: 'sanctioned-entity',
        recordId: event.data.entityId,
        headline: `Listing amended: ${Object.keys(event.data.changes).join(', ')}`,
        source: event.data.source,
      };
    case 'SanctionedEntityRemoved':
      return {
        kind: 'sanctioned-entity',
        recordId: event.data.entityId,
        headline: 'Entity removed from its list',
        occurredAt: event.data.effectiveOn,
        source: event.data.source,
      };
    case 'PolicyActionRecorded':
      return {
        kind: 'policy-action',
        recordId: event.data.policyActionId,
        headline: `${event.data.title} (${event.data.kind}): ${event.data.stage}`,
        occurredAt: event.data.occurredAt,
        source: event.data.source,
      };
    case 'PolicyActionAdvanced':
      return {
        kind: 'policy-action',
        recordId: event.data.policyActionId,
        headline: `${event.data.kind} moved from ${event.data.previousStage} to ${event.data.stage}`,
        occurredAt: event.data.occurredAt,
        source: event.data.source,
      };
    case 'EscalationSignalRecorded':
      return {
        kind: 'escalation-signal',
        recordId: event.data.signalId,
        headline: `${event.data.region} ${event.data.kind} signal, severity ${event.data.severity}${event.data.summary ? `: ${clip(event.data.summary)}` : ''}`,
        occurredAt: event.data.observedTo,
        source: event.data.source,
      };
    case 'DiplomaticEngagementRecorded':
      return {
        kind: 'diplomatic-engagement',
        recordId: event.data.engagementId,
        headline: `${event.data.title} (${event.data.kind})`,
        occurredAt: event.data.startsOn,
        source: event.data.source,
      };
    case 'AnchorDefined':
      return {
        kind: 'anchor',
        recordId: event.data.name,
        headline: `Key date ${event.data.date}: ${event.data.title}`,
        occurredAt: event.data.date,
        source: event.data.source,
      };
    default:
      return undefined;
  }
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
