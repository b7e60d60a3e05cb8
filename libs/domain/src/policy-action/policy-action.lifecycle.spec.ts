import { deciderSpecification } from '@tracker/testing/decider-specification';
import { type PolicyActionEvent, policyActionDecider } from './policy-action.decider';
import {
  POLICY_ACTION_KINDS,
  LIFECYCLES,
  type PolicyActionKind,
  type PolicyActionStage,
} from './policy-action.lifecycle';

const spec = deciderSpecification(policyActionDecider);
const now = new Date('2024-06-01T00:00:00Z');
const policyActionId = 'c3d4e5f6-0000-4000-8000-000000000002';
const source = { url: 'https://www.congress.gov/', publisher: 'Congress.gov' };

/** Events of an action of `kind` that went through `stages`, one day apart. */
function history(kind: PolicyActionKind, stages: readonly PolicyActionStage[]): PolicyActionEvent[] {
  return stages.map((stage, i) => {
    const occurredAt = `2024-04-${String(10 + i).padStart(2, '0')}`;
    if (i === 0) {
      const data = { policyActionId, kind, title: 't', actors: ['US Congress'], instrument: 'H.R. 7521' };
      return { type: 'PolicyActionRecorded', data: { ...data, stage, occurredAt, source } };
    }
    const previousStage = stages[i - 1];
    return { type: 'PolicyActionAdvanced', data: { policyActionId, stage, occurredAt, source, kind, previousStage } };
  });
}

/** Tries `to` on an action of `kind` that went through `stages` (recording it when there are none). */
function attempt(kind: PolicyActionKind, stages: readonly PolicyActionStage[], to: PolicyActionStage) {
  const [expected] = history(kind, [...stages, to]).slice(-1);
  return spec.given(history(kind, stages)).when(
    expected.type === 'PolicyActionRecorded'
      ? { type: 'RecordPolicyAction', data: expected.data, now }
      : {
          type: 'AdvancePolicyAction',
          data: { policyActionId, stage: to, occurredAt: expected.data.occurredAt, source },
          now,
        },
  );
}

/** Oracle: every complete path each lifecycle allows, written out by hand from the rules. */
const VALID_PATHS: Record<PolicyActionKind, PolicyActionStage[][]> = {
  legislation: [
    ['introduced', 'passed-house', 'passed-senate', 'signed'],
    ['introduced', 'passed-house', 'passed-senate', 'vetoed'],
    ['introduced', 'passed-senate', 'passed-house', 'signed'],
    ['introduced', 'passed-senate', 'passed-house', 'vetoed'],
  ],
  investigation: [
    ['petition', 'initiated', 'hearing', 'determination', 'action'],
    ['initiated', 'hearing', 'determination', 'action'],
  ],
  tariff: [
    ['proposed', 'announced', 'effective'],
    ['proposed', 'announced', 'withdrawn'],
    ['proposed', 'withdrawn'],
  ],
  'export-control-rule': [['published', 'effective']],
  'sanctions-package': [['announced', 'effective']],
  report: [['published']],
  visit: [['announced', 'completed']],
};

const stagesOf = (kind: PolicyActionKind) => Object.keys(LIFECYCLES[kind].next) as PolicyActionStage[];
const key = (stages: readonly string[]) => stages.join('>');
const prefixes = (kind: PolicyActionKind) =>
  new Map(VALID_PATHS[kind].flatMap((path) => path.map((_, i) => path.slice(0, i + 1))).map((p) => [key(p), p]));

/** Every (history, stage of the kind) pair the oracle does not allow, first stages included; foreign stages are in the table. */
const invalidMoves = POLICY_ACTION_KINDS.flatMap((kind) => {
  const valid = prefixes(kind);
  const histories = [[], ...valid.values()];
  return histories.flatMap((stages) =>
    stagesOf(kind)
      .filter((to) => !valid.has(key([...stages, to])))
      .map((to): [PolicyActionKind, string, PolicyActionStage, PolicyActionStage[]] => [
        kind,
        key(stages) || '(new)',
        to,
        stages,
      ]),
  );
});

describe('policy action lifecycles', () => {
  it.each(
    POLICY_ACTION_KINDS.flatMap((kind) =>
      [...prefixes(kind).values()].map((stages): [PolicyActionKind, string, PolicyActionStage[]] => [
        kind,
        key(stages),
        stages,
      ]),
    ),
  )('a %s may go %s', (kind, _, stages) =>
    attempt(kind, stages.slice(0, -1), stages[stages.length - 1]).then(history(kind, stages).slice(-1)),
  );

  it.each<[PolicyActionKind, PolicyActionStage[], PolicyActionStage, string]>([
    ['legislation', [], 'passed-house', 'invalid-initial-stage'],
    ['legislation', ['introduced'], 'signed', 'stage-out-of-order'],
    ['legislation', ['introduced'], 'vetoed', 'stage-out-of-order'],
    ['legislation', ['introduced', 'passed-house'], 'signed', 'stage-prerequisites-missing'],
    ['legislation', ['introduced', 'passed-senate'], 'vetoed', 'stage-prerequisites-missing'],
    ['legislation', ['introduced', 'passed-house'], 'passed-house', 'stage-already-reached'],
    ['legislation', ['introduced', 'passed-house'], 'introduced', 'stage-already-reached'],
    ['legislation', ['introduced', 'passed-house', 'passed-senate', 'signed'], 'vetoed', 'final-stage'],
    ['legislation', ['introduced', 'passed-senate', 'passed-house', 'vetoed'], 'signed', 'final-stage'],
    ['legislation', ['introduced'], 'effective', 'stage-not-in-lifecycle'],
    ['investigation', [], 'hearing', 'invalid-initial-stage'],
    ['investigation', ['petition'], 'hearing', 'stage-out-of-order'],
    ['investigation', ['initiated'], 'petition', 'stage-out-of-order'],
    ['investigation', ['initiated', 'hearing'], 'initiated', 'stage-already-reached'],
    ['investigation', ['initiated', 'hearing'], 'action', 'stage-out-of-order'],
    ['investigation', ['initiated', 'hearing', 'determination', 'action'], 'action', 'final-stage'],
    ['tariff', [], 'announced', 'invalid-initial-stage'],
    ['tariff', ['proposed'], 'effective', 'stage-out-of-order'],
    ['tariff', ['proposed', 'announced', 'effective'], 'withdrawn', 'final-stage'],
    ['tariff', ['proposed', 'withdrawn'], 'announced', 'final-stage'],
    ['tariff', ['proposed'], 'signed', 'stage-not-in-lifecycle'],
    ['export-control-rule', [], 'effective', 'invalid-initial-stage'],
    ['export-control-rule', ['published', 'effective'], 'effective', 'final-stage'],
    ['export-control-rule', ['published'], 'announced', 'stage-not-in-lifecycle'],
    ['sanctions-package', [], 'effective', 'invalid-initial-stage'],
    ['sanctions-package', ['announced', 'effective'], 'announced', 'final-stage'],
    ['report', ['published'], 'published', 'final-stage'],
    ['report', [], 'introduced', 'stage-not-in-lifecycle'],
    ['visit', [], 'completed', 'invalid-initial-stage'],
    ['visit', ['announced', 'completed'], 'announced', 'final-stage'],
  ])('a %s after [%s] refuses %s with %s', (kind, stages, to, code) =>
    attempt(kind, stages, to).thenThrows({ kind: 'rule-violation', code }),
  );

  it.each(invalidMoves)('every other move is a rule violation: a %s at %s refuses %s', (kind, _, to, stages) =>
    attempt(kind, stages, to).thenThrows({ name: 'DomainError', kind: 'rule-violation' }),
  );
});
