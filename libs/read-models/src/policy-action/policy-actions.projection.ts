import type {
  PolicyActionAdvanced,
  PolicyActionEvent,
  PolicyActionRecorded,
  StageFacts,
} from '@tracker/domain/policy-action/policy-action.decider';
import type { ProjectedEvent, Projection, Tables } from '../projection';
import type { ProjectionSession } from '../projection-session';
import { currentDoc, preloadCurrent, putVersion } from '../versioned-rows';

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
export const policyActionsProjection: Projection<PolicyActionEvent> = {
  name: 'policy-actions',
  version: 3,
  tables: ['rm_policy_actions', 'rm_policy_action_actors', 'rm_policy_action_stages'],
  eventTypes: ['PolicyActionRecorded', 'PolicyActionAdvanced'],
  schema: (t) => `
    CREATE TABLE IF NOT EXISTS ${t.rm_policy_actions} (
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
    CREATE TABLE IF NOT EXISTS ${t.rm_policy_action_actors} (
      policy_action_id TEXT NOT NULL,
      actor_key        TEXT NOT NULL,
      PRIMARY KEY (actor_key, policy_action_id)
    );
    CREATE TABLE IF NOT EXISTS ${t.rm_policy_action_stages} (
      policy_action_id TEXT NOT NULL,
      revision         INTEGER NOT NULL,
      stage            TEXT NOT NULL,
      occurred_at      TEXT NOT NULL,
      recorded_at      TEXT NOT NULL,
      doc              TEXT NOT NULL,
      PRIMARY KEY (policy_action_id, revision)
    );`,
  indexes: (t) => [
    `CREATE INDEX IF NOT EXISTS ${t.rm_policy_actions}_order ON ${t.rm_policy_actions} (stage_occurred_at DESC, policy_action_id DESC)`,
  ],
  prefetch: (tx, events, t) =>
    preloadCurrent(
      tx,
      t.rm_policy_actions,
      KEY,
      events.flatMap((e) => (e.type === 'PolicyActionAdvanced' ? [e.data.policyActionId] : [])),
    ),
  async apply(tx, event, t) {
    switch (event.type) {
      case 'PolicyActionRecorded':
        return applyRecorded(tx, t, event);
      case 'PolicyActionAdvanced':
        return applyAdvanced(tx, t, event);
      default:
        return;
    }
  },
};

async function applyRecorded(
  tx: ProjectionSession,
  t: Tables,
  event: ProjectedEvent<PolicyActionRecorded>,
): Promise<void> {
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
  await insertPolicyActionVersion(tx, t, view, true);
  // Actors match exactly but ignoring case: stored lower-cased, and once per action.
  for (const name of facts.actors) {
    tx.insert(
      t.rm_policy_action_actors,
      { policy_action_id: policyActionId, actor_key: name.toLowerCase() },
      { onConflict: 'ignore' },
    );
  }
  await insertStage(tx, t, policyActionId, {
    stage: facts.stage,
    occurredAt: facts.occurredAt,
    revision: view.revision,
    recordedAt,
    source: facts.source,
  });
}

async function applyAdvanced(
  tx: ProjectionSession,
  t: Tables,
  event: ProjectedEvent<PolicyActionAdvanced>,
): Promise<void> {
  const { policyActionId, stage, occurredAt, note, source } = event.data;
  const recordedAt = event.recordedAt.toISOString();
  const previous = await currentDoc<PolicyActionView>(tx, t.rm_policy_actions, KEY, policyActionId);
  if (!previous) return;
  const revision = Number(event.revision);
  await insertPolicyActionVersion(tx, t, {
    ...previous,
    revision,
    stage,
    stageOccurredAt: occurredAt,
    stageRecordedAt: recordedAt,
  });
  await insertStage(tx, t, policyActionId, { stage, occurredAt, note, revision, recordedAt, source });
}

async function insertPolicyActionVersion(
  tx: ProjectionSession,
  t: Tables,
  view: PolicyActionView,
  first = false,
): Promise<void> {
  const row = {
    [KEY]: view.id,
    revision: view.revision,
    kind: view.kind,
    stage: view.stage,
    stage_occurred_at: iso(view.stageOccurredAt),
    search_text: `${view.title}\n${view.instrument}`.toLowerCase(),
    recorded_from: view.stageRecordedAt,
    doc: view,
  };
  await putVersion(tx, t.rm_policy_actions, KEY, row, first);
}

async function insertStage(
  tx: ProjectionSession,
  t: Tables,
  policyActionId: string,
  stage: PolicyActionStageView,
): Promise<void> {
  tx.insert(t.rm_policy_action_stages, {
    policy_action_id: policyActionId,
    revision: stage.revision,
    stage: stage.stage,
    occurred_at: iso(stage.occurredAt),
    recorded_at: stage.recordedAt,
    doc: JSON.stringify(stage),
  });
}
