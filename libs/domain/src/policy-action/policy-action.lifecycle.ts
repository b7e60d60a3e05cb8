/** Kinds of policy action; each has its own lifecycle in `LIFECYCLES`. */
export const POLICY_ACTION_KINDS = [
  'legislation',
  'investigation',
  'tariff',
  'export-control-rule',
  'sanctions-package',
  'report',
  'visit',
] as const;
/** One of `POLICY_ACTION_KINDS`. */
export type PolicyActionKind = (typeof POLICY_ACTION_KINDS)[number];

/** Every stage of every lifecycle; which of them a kind accepts is in `LIFECYCLES`. */
export const POLICY_ACTION_STAGES = [
  'introduced',
  'passed-house',
  'passed-senate',
  'signed',
  'vetoed',
  'petition',
  'initiated',
  'hearing',
  'determination',
  'action',
  'proposed',
  'announced',
  'effective',
  'withdrawn',
  'published',
  'completed',
] as const;
/** One of `POLICY_ACTION_STAGES`. */
export type PolicyActionStage = (typeof POLICY_ACTION_STAGES)[number];

/** A kind's lifecycle: where it may start, what may follow each stage, what must have happened first. */
export interface Lifecycle {
  /** Stages an action of this kind may be recorded at. */
  readonly start: readonly PolicyActionStage[];
  /** Every stage of the kind with the stages that may follow it; an empty list marks a final stage. */
  readonly next: Readonly<Partial<Record<PolicyActionStage, readonly PolicyActionStage[]>>>;
  /** Stages that must all have been reached before this one. */
  readonly requires?: Readonly<Partial<Record<PolicyActionStage, readonly PolicyActionStage[]>>>;
}

const BOTH_CHAMBERS: readonly PolicyActionStage[] = ['passed-house', 'passed-senate'];

/** The lifecycles: stages only move forward, and a final stage accepts nothing more. */
export const LIFECYCLES: Readonly<Record<PolicyActionKind, Lifecycle>> = {
  legislation: {
    start: ['introduced'],
    next: {
      introduced: ['passed-house', 'passed-senate'],
      'passed-house': ['passed-senate', 'signed', 'vetoed'],
      'passed-senate': ['passed-house', 'signed', 'vetoed'],
      signed: [],
      vetoed: [],
    },
    requires: { signed: BOTH_CHAMBERS, vetoed: BOTH_CHAMBERS },
  },
  investigation: {
    start: ['petition', 'initiated'],
    next: {
      petition: ['initiated'],
      initiated: ['hearing'],
      hearing: ['determination'],
      determination: ['action'],
      action: [],
    },
  },
  tariff: {
    start: ['proposed'],
    next: { proposed: ['announced', 'withdrawn'], announced: ['effective', 'withdrawn'], effective: [], withdrawn: [] },
  },
  'export-control-rule': { start: ['published'], next: { published: ['effective'], effective: [] } },
  'sanctions-package': { start: ['announced'], next: { announced: ['effective'], effective: [] } },
  report: { start: ['published'], next: { published: [] } },
  visit: { start: ['announced'], next: { announced: ['completed'], completed: [] } },
};

/** Why a stage is not allowed: a stable code for clients and a message for people. */
export interface StageRefusal {
  readonly code: string;
  readonly message: string;
}

const stagesOf = (kind: PolicyActionKind) => Object.keys(LIFECYCLES[kind].next) as PolicyActionStage[];

/** Whether an action of `kind` may be recorded at `stage`; `undefined` when it may. */
export function refuseStart(kind: PolicyActionKind, stage: PolicyActionStage): StageRefusal | undefined {
  const lifecycle = LIFECYCLES[kind];
  if (!stagesOf(kind).includes(stage)) {
    return { code: 'stage-not-in-lifecycle', message: `A ${kind} has no stage ${stage}: ${stagesOf(kind).join(', ')}` };
  }
  if (!lifecycle.start.includes(stage)) {
    return {
      code: 'invalid-initial-stage',
      message: `A ${kind} is recorded at ${lifecycle.start.join(' or ')}, not ${stage}`,
    };
  }
  return undefined;
}

/** Whether an action of `kind` that went through `reached` (oldest first) may move to `to`; `undefined` when it may. */
export function refuseAdvance(
  kind: PolicyActionKind,
  reached: readonly PolicyActionStage[],
  to: PolicyActionStage,
): StageRefusal | undefined {
  const lifecycle = LIFECYCLES[kind];
  const current = reached[reached.length - 1];
  const next = lifecycle.next[current] ?? [];
  if (!stagesOf(kind).includes(to)) {
    return { code: 'stage-not-in-lifecycle', message: `A ${kind} has no stage ${to}: ${stagesOf(kind).join(', ')}` };
  }
  if (next.length === 0) {
    return { code: 'final-stage', message: `The ${kind} is ${current}, a final stage; it accepts no further stage` };
  }
  if (reached.includes(to)) {
    return { code: 'stage-already-reached', message: `The ${kind} has already been ${to}; stages only move forward` };
  }
  if (!next.includes(to)) {
    return {
      code: 'stage-out-of-order',
      message: `A ${kind} at ${current} moves to ${next.join(' or ')}, not ${to}`,
    };
  }
  const missing = (lifecycle.requires?.[to] ?? []).filter((stage) => !reached.includes(stage));
  if (missing.length > 0) {
    return { code: 'stage-prerequisites-missing', message: `A ${kind} is ${to} only after ${missing.join(' and ')}` };
  }
  return undefined;
}
