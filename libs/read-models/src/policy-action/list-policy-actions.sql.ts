import { asOfParam, knownAt, versionAt, whereSet } from '../as-of';
import { decodeCursor, type Page, toPage } from '../pagination';
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

/** Escapes `LIKE` wildcards and wraps the text for a contains-match. */
const containsPattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The `to` date as an exclusive upper bound (the start of the next day), or `null`. */
const endOfDayExclusive = (to: string | undefined) =>
  to ? new Date(Date.parse(to.slice(0, 10)) + 86_400_000).toISOString() : null;

/** Latest development first (the current stage's `occurredAt`), keyset-paginated. */
export async function listPolicyActions(
  db: SqlSession,
  t: Tables,
  filter: PolicyActionsFilter,
): Promise<Page<PolicyActionView>> {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  const params = {
    kind: filter.kind ?? null,
    stage: filter.stage ?? null,
    actor: filter.actor?.toLowerCase() ?? null,
    q: filter.q ? containsPattern(filter.q) : null,
    from: filter.from ? new Date(filter.from).toISOString() : null,
    toExclusive: endOfDayExclusive(filter.to),
    asOf: asOfParam(filter.asOf),
    cursorKey: cursor?.sortKey ?? null,
    cursorId: cursor?.id ?? null,
    limit: filter.limit + 1,
  };
  // Some stage (known at `asOf`) occurred in the range: only when the range is given.
  const stageInRange = whereSet(params, ['s.policy_action_id = a.policy_action_id'], {
    asOf: knownAt('s'),
    from: 's.occurred_at >= @from',
    toExclusive: 's.occurred_at < @toExclusive',
  });
  const inRange = params.from != null || params.toExclusive != null;
  const where = whereSet(
    params,
    [
      versionAt('a', params.asOf),
      ...(inRange ? [`EXISTS (SELECT 1 FROM ${t.rm_policy_action_stages} s WHERE ${stageInRange})`] : []),
    ],
    {
      kind: 'a.kind = @kind',
      stage: 'a.stage = @stage',
      q: "a.search_text LIKE @q ESCAPE '\\'",
      actor: `EXISTS (SELECT 1 FROM ${t.rm_policy_action_actors} x
         WHERE x.policy_action_id = a.policy_action_id AND x.actor_key = @actor)`,
      cursorKey: '(a.stage_occurred_at, a.policy_action_id) < (@cursorKey, @cursorId)',
    },
  );
  const rows = await db.all<{ policy_action_id: string; stage_occurred_at: string; doc: string }>(
    `SELECT a.policy_action_id, a.stage_occurred_at, a.doc FROM ${t.rm_policy_actions} a
     WHERE ${where}
     ORDER BY a.stage_occurred_at DESC, a.policy_action_id DESC
     LIMIT @limit`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (r) => [r.stage_occurred_at, r.policy_action_id],
    (r) => JSON.parse(r.doc) as PolicyActionView,
  );
}
