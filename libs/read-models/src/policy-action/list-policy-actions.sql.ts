import { asOfParam, knownAt, versionAt, whereSet } from '../as-of';
import { containsPattern, likeCondition } from '../like';
import { keysetPage, type Page } from '../pagination';
import type { Tables } from '../projection';
import type { SqlSession } from '../store/read-model-store';
import type { PolicyActionView } from './policy-actions.projection';

/** Filters of the policy-actions list; `from`/`to` are inclusive and match any stage's `occurredAt`. */
export interface PolicyActionsFilter {
  kind?: string;
  /** Current stage, as of `asOf`. */
  stage?: string;
  /** One actor, exact but case-insensitive (matched lower-cased), e.g. `USTR`. */
  actor?: string;
  /** Text the title or instrument contains, case-insensitive. */
  q?: string;
  from?: string;
  to?: string;
  /** Recorded-time cut-off: the list as the system knew it then. */
  asOf?: string;
  limit: number;
  cursor?: string;
}

/** The `to` date as an exclusive upper bound (the start of the next day), or `null`. */
const endOfDayExclusive = (to: string | undefined) =>
  to ? new Date(Date.parse(to.slice(0, 10)) + 86_400_000).toISOString() : null;

/** Latest development first (the current stage's `occurredAt`), keyset-paginated. */
export function listPolicyActions(
  db: SqlSession,
  t: Tables,
  filter: PolicyActionsFilter,
): Promise<Page<PolicyActionView>> {
  const params = {
    kind: filter.kind ?? null,
    stage: filter.stage ?? null,
    actor: filter.actor?.toLowerCase() ?? null,
    q: filter.q ? containsPattern(filter.q) : null,
    from: filter.from ? new Date(filter.from).toISOString() : null,
    toExclusive: endOfDayExclusive(filter.to),
    asOf: asOfParam(filter.asOf),
  };
  // Some stage (known at `asOf`) occurred in the range: only when the range is given.
  const stageInRange = whereSet(params, ['s.policy_action_id = a.policy_action_id'], {
    asOf: knownAt('s'),
    from: 's.occurred_at >= @from',
    toExclusive: 's.occurred_at < @toExclusive',
  });
  const inRange = params.from != null || params.toExclusive != null;
  return keysetPage(db, filter, {
    table: t.rm_policy_actions,
    alias: 'a',
    sortKey: 'stage_occurred_at',
    id: 'policy_action_id',
    params,
    always: [
      versionAt('a', params.asOf),
      ...(inRange ? [`EXISTS (SELECT 1 FROM ${t.rm_policy_action_stages} s WHERE ${stageInRange})`] : []),
    ],
    when: {
      kind: 'a.kind = @kind',
      stage: 'a.stage = @stage',
      q: likeCondition('a.search_text', 'q'),
      actor: `EXISTS (SELECT 1 FROM ${t.rm_policy_action_actors} x
         WHERE x.policy_action_id = a.policy_action_id AND x.actor_key = @actor)`,
    },
  });
}
