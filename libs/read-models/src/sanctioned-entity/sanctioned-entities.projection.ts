import type {
  SanctionedEntityAdded,
  SanctionedEntityEvent,
} from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import type { Projection } from '../projection';
import { currentDoc, preloadCurrent, putVersion } from '../versioned-rows';

/** A listing as the registry shows it, with its amendment and removal history. */
export type SanctionedEntityView = Omit<SanctionedEntityAdded['data'], 'entityId'> & {
  id: string;
  streamId: string;
  status: 'listed' | 'removed';
  revision: number;
  recordedAt: string;
  amendments: { fields: string[]; note?: string; recordedAt: string }[];
  removal?: { effectiveOn: string; federalRegisterCitation?: string; reason?: string; recordedAt: string };
};

const SANCTIONED_ENTITY_EVENTS = new Set<string>([
  'SanctionedEntityAdded',
  'SanctionedEntityAmended',
  'SanctionedEntityRemoved',
] satisfies SanctionedEntityEvent['type'][]);

/** Registry of listings, one version per change; names and aliases in a searchable column. */
export const sanctionedEntitiesProjection: Projection<SanctionedEntityEvent> = {
  name: 'sanctioned-entities',
  version: 4,
  tables: ['rm_sanctioned_entities'],
  eventTypes: ['SanctionedEntityAdded', 'SanctionedEntityAmended', 'SanctionedEntityRemoved'],
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_sanctioned_entities} (
      entity_id      TEXT NOT NULL,
      recorded_from  TEXT NOT NULL,
      recorded_to    TEXT,
      status         TEXT NOT NULL,
      list           TEXT NOT NULL,
      country        TEXT NOT NULL,
      effective_from TEXT NOT NULL,
      search_text    TEXT NOT NULL,
      doc            TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${t.rm_sanctioned_entities}_id ON ${t.rm_sanctioned_entities} (entity_id, recorded_to);`,
  indexes: (t) => [
    `CREATE INDEX IF NOT EXISTS ${t.rm_sanctioned_entities}_current ON ${t.rm_sanctioned_entities} (recorded_to, effective_from DESC, entity_id DESC)`,
  ],
  // Every change but a first listing reads the current version.
  prefetch: (tx, events, t) =>
    preloadCurrent(
      tx,
      t.rm_sanctioned_entities,
      'entity_id',
      events.flatMap((e) => (SANCTIONED_ENTITY_EVENTS.has(e.type) && e.revision > 0n ? [e.data.entityId] : [])),
    ),
  async apply(tx, event, t) {
    const table = t.rm_sanctioned_entities;
    const recordedAt = event.recordedAt.toISOString();
    const base = { streamId: event.streamId, revision: Number(event.revision), recordedAt };
    const current = () => currentDoc<SanctionedEntityView>(tx, table, 'entity_id', event.data.entityId);
    let view: SanctionedEntityView;
    switch (event.type) {
      case 'SanctionedEntityAdded': {
        const { entityId, ...listing } = event.data;
        // A first listing has no earlier version; a re-listing keeps the amendments made before.
        const was = event.revision === 0n ? undefined : await current();
        view = { id: entityId, ...base, status: 'listed', amendments: was?.amendments ?? [], ...listing };
        break;
      }
      case 'SanctionedEntityAmended': {
        const was = await current();
        if (!was) return;
        const amendment = { fields: Object.keys(event.data.changes), note: event.data.note, recordedAt };
        view = { ...was, ...event.data.changes, ...base, amendments: [...was.amendments, amendment] };
        break;
      }
      case 'SanctionedEntityRemoved': {
        const was = await current();
        if (!was) return;
        const { effectiveOn, federalRegisterCitation, reason } = event.data;
        view = {
          ...was,
          ...base,
          status: 'removed',
          removal: { effectiveOn, federalRegisterCitation, reason, recordedAt },
        };
        break;
      }
      default:
        return;
    }
    const row = {
      entity_id: view.id,
      recorded_from: recordedAt,
      status: view.status,
      list: view.list,
      country: view.country,
      effective_from: view.effectiveFrom,
      search_text: [view.name, ...view.aliases].join('\n').toLowerCase(),
      doc: view,
    };
    await putVersion(tx, table, 'entity_id', row, event.revision === 0n);
  },
};
