import { asOfParam, knownAt, versionAt, whereSet } from '../as-of';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { PolicyActionStageView, PolicyActionView } from './policy-actions.projection';

/** One policy action with every stage it went through, oldest first. */
export type PolicyActionDetail = PolicyActionView & { history: PolicyActionStageView[] };

/**
 * The action as known at `asOf` (now when absent): its stage is the last one recorded at or
 * before `asOf`, and `undefined` when it had not been recorded yet.
 */
export async function getPolicyAction(
  db: SqlSession,
  t: Tables,
  policyActionId: string,
  asOf?: string,
): Promise<PolicyActionDetail | undefined> {
  const params = { id: policyActionId, asOf: asOfParam(asOf) };
  const versionWhere = whereSet(params, ['a.policy_action_id = @id', versionAt('a', params.asOf)], {});
  const version = await db.get<{ doc: string }>(
    `SELECT a.doc FROM ${t.rm_policy_actions} a WHERE ${versionWhere}`,
    params,
  );
  if (!version) return undefined;
  const stagesWhere = whereSet(params, ['s.policy_action_id = @id'], { asOf: knownAt('s') });
  const stages = await db.all<{ doc: string }>(
    `SELECT s.doc FROM ${t.rm_policy_action_stages} s
     WHERE ${stagesWhere}
     ORDER BY s.revision`,
    params,
  );
  return {
    ...(JSON.parse(version.doc) as PolicyActionView),
    history: stages.map((s) => JSON.parse(s.doc) as PolicyActionStageView),
  };
}
