import type { SqliteProjection } from '../projection';

/** One row per listing change, dated on the day the change takes effect. */
export const exportControlsProjection: SqliteProjection = {
  name: 'export-controls',
  version: 1,
  tables: ['rm_export_control_changes'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_export_control_changes (
      entity_id TEXT NOT NULL,
      list      TEXT NOT NULL,
      country   TEXT NOT NULL,
      day       TEXT NOT NULL,
      added     INTEGER NOT NULL,
      removed   INTEGER NOT NULL,
      recorded_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS rm_export_control_changes_day ON rm_export_control_changes (day, list, country);`,
  apply(db, event) {
    if (event.type !== 'SanctionedEntityAdded') return;
    const data = event.data;
    db.prepare(
      `INSERT INTO rm_export_control_changes (entity_id, list, country, day, added, removed, recorded_at)
       VALUES (?, ?, ?, ?, 1, 0, ?)`,
    ).run(data.entityId, data.list, data.country, data.effectiveFrom.slice(0, 10), event.recordedAt.toISOString());
  },
};
