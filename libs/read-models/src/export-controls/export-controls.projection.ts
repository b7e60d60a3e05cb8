import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { SanctionedEntityEvent } from '@tracker/domain/sanctioned-entity/sanctioned-entity.decider';
import type { Projection } from '../projection';
import { preload } from '../projection-session';

/** Counts an export-control rule announced without naming the entities (as a policy action carries them). */
export interface AnnouncedListings {
  list: string;
  total: number;
  byCountry: Record<string, number>;
  effectiveOn: string;
}

/** The policy-action event this projection reads, by shape, so it need not know the whole lifecycle. */
type ExportControlRuleRecorded = DomainEvent<
  'PolicyActionRecorded',
  { policyActionId: string; kind: string; announcedListings?: AnnouncedListings }
>;

/** The list or country of per-day totals over every list or every country (no real list or country is named so). */
export const ALL = '*';

const DAY_TOTALS = {
  update: ['list', 'country', 'day'],
  combine: { added: 'sum', removed: 'sum', announced: 'sum' },
} as const;

interface Change {
  subject: string;
  list: string;
  country: string;
  day: string;
}

/** Where a subject was last added: what its delisting is counted under. */
type Subject = Pick<Change, 'list' | 'country'>;

const subjectKey = (id: string) => `export-control-subject\u0000${id}`;

interface Counts {
  added: number;
  removed: number;
  announced: number;
}

/**
 * One row per change, dated on the day it takes effect: +1 added for a listing, +1 removed
 * for a delisting, and announced counts for rules whose entities are only counted.
 * Rows are append-only and carry `recorded_at`, so as-of answers are a filter. The same
 * counts are also summed per day, list and country, with `ALL` rows for "every list" and
 * "every country", which is what the timeline reads when no `asOf` is asked for: a
 * dashboard's query then reads one row per day, however many changes the day had.
 */
export const exportControlsProjection: Projection<SanctionedEntityEvent | ExportControlRuleRecorded> = {
  name: 'export-controls',
  version: 7,
  tables: ['rm_export_control_changes', 'rm_export_control_days', 'rm_export_control_subjects'],
  eventTypes: ['PolicyActionRecorded', 'SanctionedEntityAdded', 'SanctionedEntityRemoved'],
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_export_control_changes} (
      subject_id  TEXT NOT NULL,
      list        TEXT NOT NULL,
      country     TEXT NOT NULL,
      day         TEXT NOT NULL,
      added       INTEGER NOT NULL DEFAULT 0,
      removed     INTEGER NOT NULL DEFAULT 0,
      announced   INTEGER NOT NULL DEFAULT 0,
      recorded_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS ${t.rm_export_control_days} (
      day       TEXT NOT NULL,
      list      TEXT NOT NULL,
      country   TEXT NOT NULL,
      added     INTEGER NOT NULL,
      removed   INTEGER NOT NULL,
      announced INTEGER NOT NULL,
      PRIMARY KEY (list, country, day)
    );
    CREATE TABLE IF NOT EXISTS ${t.rm_export_control_subjects} (
      subject_id TEXT PRIMARY KEY, list TEXT NOT NULL, country TEXT NOT NULL
    );`,
  indexes: (t) => [
    `CREATE INDEX IF NOT EXISTS ${t.rm_export_control_changes}_day ON ${t.rm_export_control_changes} (day, list, country)`,
    // Covers the timeline's read, so it never visits the table itself.
    `CREATE INDEX IF NOT EXISTS ${t.rm_export_control_days}_read ON ${t.rm_export_control_days} (list, country, day, added, removed, announced)`,
  ],
  // A delisting is counted under the list and country its subject was added with.
  prefetch: (tx, events, t) =>
    preload<Subject & { id: string }>(
      tx,
      events.flatMap((e) => (e.type === 'SanctionedEntityRemoved' ? [e.data.entityId] : [])),
      subjectKey,
      (list) => `SELECT subject_id AS id, list, country FROM ${t.rm_export_control_subjects} WHERE subject_id ${list}`,
      ({ list, country }): Subject => ({ list, country }),
    ),
  async apply(tx, event, t) {
    const recordedAt = event.recordedAt.toISOString();
    const insert = ({ subject, list, country, day, ...changed }: Change & Partial<Counts>) => {
      const counts = { added: changed.added ?? 0, removed: changed.removed ?? 0, announced: changed.announced ?? 0 };
      tx.insert(t.rm_export_control_changes, {
        subject_id: subject,
        list,
        country,
        day,
        ...counts,
        recorded_at: recordedAt,
      });
      for (const [l, c] of [
        [list, country],
        [list, ALL],
        [ALL, country],
        [ALL, ALL],
      ]) {
        tx.insert(t.rm_export_control_days, { day, list: l, country: c, ...counts }, { onConflict: DAY_TOTALS });
      }
    };
    switch (event.type) {
      case 'SanctionedEntityAdded': {
        const { entityId, list, country, effectiveFrom } = event.data;
        // Re-adding a subject moves it to its new list and country (formerly INSERT OR REPLACE).
        tx.insert(
          t.rm_export_control_subjects,
          { subject_id: entityId, list, country },
          { onConflict: { update: ['subject_id'] } },
        );
        tx.memo.set(subjectKey(entityId), { list, country });
        insert({ subject: entityId, list, country, day: effectiveFrom.slice(0, 10), added: 1 });
        return;
      }
      case 'SanctionedEntityRemoved': {
        const key = subjectKey(event.data.entityId);
        const subject = tx.memo.has(key)
          ? (tx.memo.get(key) as Subject | undefined)
          : await tx.get<Subject>(`SELECT list, country FROM ${t.rm_export_control_subjects} WHERE subject_id = @id`, {
              id: event.data.entityId,
            });
        if (!subject) return;
        insert({ ...subject, subject: event.data.entityId, day: event.data.effectiveOn, removed: 1 });
        return;
      }
      case 'PolicyActionRecorded': {
        const announced = event.data.announcedListings;
        if (event.data.kind !== 'export-control-rule' || !announced) return;
        const row = { subject: event.data.policyActionId, list: announced.list, day: announced.effectiveOn };
        let named = 0;
        for (const [country, count] of Object.entries(announced.byCountry)) {
          insert({ ...row, country, announced: count });
          named += count;
        }
        // The rest of the total, under no country: counted only when the timeline is not filtered by country.
        if (announced.total > named) insert({ ...row, country: '', announced: announced.total - named });
        return;
      }
    }
  },
};
