import type {
  PolicyActionAdvanced,
  PolicyActionEvent,
  PolicyActionRecorded,
  StageFacts,
} from '@tracker/domain/policy-action/policy-action.decider';
import type Database from 'better-sqlite3';
import type { ProjectedEvent, SqliteProjection } from '../projection';
import { closeVersion, currentDoc, insertVersion } from '../versioned-rows';

const TABLE = 'rm_policy_actions';
const KEY = 'policy_action_id';

/**
 * A policy action as lists show it: the recorded facts, with `stage` the current stage
 * (as of the query's cut-off) and `occurredAt` the date of the first recorded stage.
 */
export type PolicyActionView = Omit<PolicyActionRecorded['data'], 'policyActionId'> & {
  id: string;
  streamId: string;
  /** Stream revision of the event that made this version. */
  revision: number;
  /** When the action entered the record. */
  recordedAt: string;
  /** When the current stage happened. */
  stageOccurredAt: string;
  /** When the current stage was recorded. */
  stageRecordedAt: string;
};

/** One stage an action went through, with who said so and when we learnt it. */
export type PolicyActionStageView = StageFacts & {
  /** Stream revision of the event that recorded the stage. */
  revision: number;
  recordedAt: string;
};

/** Timestamps are stored as ISO UTC text so that they order and compare as text. */
const iso = (timestamp: string) => new Date(timestamp).toISOString();

/**
 * Policy actions: one version row per stage (valid from its recording until the next one,
 * read with `versionAt`), plus an append-only stage history (read with `knownAt`).
 */
export const policyActionsProjection: SqliteProjection<PolicyActionEvent> = {
  name: 'policy-actions',
  version: 1,
  tables: ['rm_policy_actions', 'rm_policy_action_actors', 'rm_policy_action_stages'],
  schema: `
    CREATE TABLE IF NOT EXISTS rm_policy_actions (
      policy_action_id  TEXT NOT NULL,
      revision          INTEGER NOT NULL,
      kind              TEXT NOT NULL,
      stage             TEXT NOT NULL,
      stage_occurred_at TEXT NOT NULL,
      search_text       TEXT NOT NULL,
      recorded_from     TEXT NOT NULL,
      recorded_to       TEXT,
      doc               TEXT NOT NULL,
      PRIMARY KEY (policy_action_id, revision)
    );
    CREATE INDEX IF NOT EXISTS rm_policy_actions_order ON rm_policy_actions (stage_occurred_at DESC, policy_action_id DESC);
    CREATE TABLE IF NOT EXISTS rm_policy_action_actors (
      policy_action_id TEXT NOT NULL,
      actor            TEXT NOT NULL COLLATE NOCASE,
      PRIMARY KEY (actor, policy_action_id)
    );
    CREATE TABLE IF NOT EXISTS rm_policy_action_stages (
      policy_action_id TEXT NOT NULL,
      revision         INTEGER NOT NULL,
      stage            TEXT NOT NULL,
      occurred_at      TEXT NOT NULL,
      recorded_at      TEXT NOT NULL,
      doc              TEXT NOT NULL,
      PRIMARY KEY (policy_action_id, revision)
    );`,
  apply(db, event) {
    switch (event.type) {
      case 'PolicyActionRecorded':
        return applyRecorded(db, event);
      case 'PolicyActionAdvanced':
        return applyAdvanced(db, event);
      default:
        return;
    }
  },
};

function applyRecorded(db: Database.Database, event: ProjectedEvent<PolicyActionRecorded>): void {
  const { policyActionId, ...facts } = event.data;
  const recordedAt = event.recordedAt.toISOString();
  const view: PolicyActionView = {
    id: policyActionId,
    streamId: event.streamId,
    revision: Number(event.revision),
    recordedAt,
    stageOccurredAt: facts.occurredAt,
    stageRecordedAt: recordedAt,
    ...facts,
  };
  insertPolicyActionVersion(db, view);
  const actor = db.prepare('INSERT OR IGNORE INTO rm_policy_action_actors (policy_action_id, actor) VALUES (?, ?)');
  for (const name of facts.actors) actor.run(policyActionId, name);
  insertStage(db, policyActionId, {
    stage: facts.stage,
    occurredAt: facts.occurredAt,
    revision: view.revision,
    recordedAt,
    source: facts.source,
  });
}

function applyAdvanced(db: Database.Database, event: ProjectedEvent<PolicyActionAdvanced>): void {
  const { policyActionId, stage, occurredAt, note, source } = event.data;
  const recordedAt = event.recordedAt.toISOString();
  const previous = currentDoc<PolicyActionView>(db, TABLE, KEY, policyActionId);
  if (!previous) return;
  closeVersion(db, TABLE, KEY, policyActionId, recordedAt);
  const revision = Number(event.revision);
  insertPolicyActionVersion(db, {
    ...previous,
    revision,
    stage,
    stageOccurredAt: occurredAt,
    stageRecordedAt: recordedAt,
  });
  insertStage(db, policyActionId, { stage, occurredAt, note, revision, recordedAt, source });
}

function insertPolicyActionVersion(db: Database.Database, view: PolicyActionView): void {
  insertVersion(db, TABLE, {
    [KEY]: view.id,
    revision: view.revision,
    kind: view.kind,
    stage: view.stage,
    stage_occurred_at: iso(view.stageOccurredAt),
    search_text: `${view.title}\n${view.instrument}`.toLowerCase(),
    recorded_from: view.stageRecordedAt,
    recorded_to: null,
    doc: JSON.stringify(view),
  });
}

function insertStage(db: Database.Database, policyActionId: string, stage: PolicyActionStageView): void {
  db.prepare(
    `INSERT INTO rm_policy_action_stages (policy_action_id, revision, stage, occurred_at, recorded_at, doc)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(policyActionId, stage.revision, stage.stage, iso(stage.occurredAt), stage.recordedAt, JSON.stringify(stage));
}
