import type { SanctionedEntityAdded } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import type { SqliteProjection } from '../projection';

/** A listing as the registry shows it. */
export type SanctionedEntityView = Omit<SanctionedEntityAdded['data'], 'entityId'> & {
  id: string;
  streamId: string;
  status: 'listed';
  revision: number;
  recordedAt: string;
};

/** Registry of listed entities; names and aliases go into a searchable text column. */
export const sanctionedEntitiesProjection: SqliteProjection = {
  name: 'sanctioned-entities',
  version: 1,
  tables: ['rm_sanctioned_entities'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_sanctioned_entities (
      entity_id      TEXT PRIMARY KEY,
      list           TEXT NOT NULL,
      country        TEXT NOT NULL,
      effective_from TEXT NOT NULL,
      search_text    TEXT NOT NULL,
      doc            TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_sanctioned_entities_order ON rm_sanctioned_entities (effective_from DESC, entity_id DESC);`,
  apply(db, event) {
    if (event.type !== 'SanctionedEntityAdded') return;
    const { entityId, ...listing } = event.data;
    const view: SanctionedEntityView = {
      id: entityId,
      streamId: event.streamId,
      status: 'listed',
      revision: Number(event.revision),
      recordedAt: event.recordedAt.toISOString(),
      ...listing,
    };
    db.prepare(
      `INSERT INTO rm_sanctioned_entities (entity_id, list, country, effective_from, search_text, doc)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      entityId,
      listing.list,
      listing.country,
      listing.effectiveFrom,
      [listing.name, ...listing.aliases].join('\n').toLowerCase(),
      JSON.stringify(view),
    );
  },
};
