import type { SanctionsList } from '../sanctioned-entity/sanctioned-entity.decider';
import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { CountryCode, Source } from '../shared/source';
import {
  type PolicyActionKind,
  type PolicyActionStage,
  refuseAdvance,
  refuseStart,
  type StageRefusal,
} from './policy-action.lifecycle';

/**
 * Counts an export-control rule makes public even when the entity names are not yet
 * known to us; the export-controls timeline reads them from `PolicyActionRecorded`.
 */
export interface AnnouncedListings {
  list: SanctionsList;
  /** Entities the rule adds. */
  total: number;
  /** Entities added per ISO 3166-1 alpha-2 country (upper case); may cover only part of `total`. */
  byCountry: Record<CountryCode, number>;
  /** Date (YYYY-MM-DD) the listings take effect. */
  effectiveOn: string;
}

/** The facts of a policy action as first recorded, at its first known stage. */
export interface PolicyActionFacts {
  kind: PolicyActionKind;
  title: string;
  /** Who acts, e.g. `USTR`, `US Congress`. */
  actors: string[];
  /** The legal vehicle, e.g. `Section 301`, `H.R. 7521`, `Public Law 118-50`. */
  instrument: string;
  /** Formal citation, e.g. `89 FR 27474`. */
  citation?: string;
  /** Stage the action is recorded at. */
  stage: PolicyActionStage;
  /** ISO 8601 date or date-time at which that stage happened. */
  occurredAt: string;
  summary?: string;
  /** Tariff rate, e.g. `25%`; tariffs only. */
  rate?: string;
  /** Listings an export-control rule announces; export-control rules only. */
  announcedListings?: AnnouncedListings;
  source: Source;
}

/** The facts of one step along a policy action's lifecycle. */
export interface StageFacts {
  stage: PolicyActionStage;
  /** ISO 8601 date or date-time at which the stage happened. */
  occurredAt: string;
  note?: string;
  source: Source;
}

/** Log a policy action at its first known stage. */
export type RecordPolicyAction = DomainCommand<'RecordPolicyAction', PolicyActionFacts & { policyActionId: string }>;
/** Move a policy action to its next stage. */
export type AdvancePolicyAction = DomainCommand<'AdvancePolicyAction', StageFacts & { policyActionId: string }>;
/** Every policy-action command. */
export type PolicyActionCommand = RecordPolicyAction | AdvancePolicyAction;

/** A policy action entered the record. */
export type PolicyActionRecorded = DomainEvent<'PolicyActionRecorded', PolicyActionFacts & { policyActionId: string }>;
/** A policy action reached a further stage; carries the kind and previous stage so readers need no lookup. */
export type PolicyActionAdvanced = DomainEvent<
  'PolicyActionAdvanced',
  StageFacts & { policyActionId: string; kind: PolicyActionKind; previousStage: PolicyActionStage }
>;
/** Every policy-action event. */
export type PolicyActionEvent = PolicyActionRecorded | PolicyActionAdvanced;

/** What the rules need to remember about one policy action. */
export type PolicyActionState =
  | { status: 'none' }
  | {
      status: 'recorded';
      policyActionId: string;
      kind: PolicyActionKind;
      /** Stages reached, oldest first; the last is the current one. */
      reached: PolicyActionStage[];
      /** When the current stage happened. */
      occurredAt: string;
    };

/** Stream of one policy action. */
export const policyActionStreamId = (policyActionId: string) => `policyAction-${policyActionId}`;

const DAY_MS = 24 * 3600 * 1000;

const violation = (refusal: StageRefusal) => new DomainError('rule-violation', refusal.code, refusal.message);

function assertNotInFuture(occurredAt: string, now: Date): void {
  if (Date.parse(occurredAt) > now.getTime() + DAY_MS) {
    throw new DomainError('rule-violation', 'occurred-in-future', 'occurredAt lies in the future');
  }
}

function assertKindSpecificFacts(facts: PolicyActionFacts): void {
  if (facts.rate !== undefined && facts.kind !== 'tariff') {
    throw new DomainError('rule-violation', 'rate-only-for-tariffs', `A ${facts.kind} has no tariff rate`);
  }
  const listings = facts.announcedListings;
  if (listings === undefined) return;
  if (facts.kind !== 'export-control-rule') {
    throw new DomainError(
      'rule-violation',
      'listings-only-for-export-control-rules',
      `A ${facts.kind} announces no listings; only an export-control-rule does`,
    );
  }
  const counted = Object.values(listings.byCountry).reduce((sum, n) => sum + n, 0);
  if (counted > listings.total) {
    throw new DomainError(
      'rule-violation',
      'listings-exceed-total',
      `announcedListings.byCountry counts ${counted} entities, more than the total of ${listings.total}`,
    );
  }
}

/** Policy actions: recorded at a first stage, then advanced forward along their kind's lifecycle. */
export const policyActionDecider: Decider<PolicyActionCommand, PolicyActionEvent, PolicyActionState> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { PolicyActionRecorded: 1, PolicyActionAdvanced: 1 },
  decide(command, state) {
    switch (command.type) {
      case 'RecordPolicyAction': {
        const facts = command.data;
        if (state.status !== 'none') {
          throw new DomainError('conflict', 'policy-action-exists', `Policy action ${facts.policyActionId} exists`);
        }
        const refusal = refuseStart(facts.kind, facts.stage);
        if (refusal) throw violation(refusal);
        assertNotInFuture(facts.occurredAt, command.now);
        assertKindSpecificFacts(facts);
        return [{ type: 'PolicyActionRecorded', data: facts }];
      }
      case 'AdvancePolicyAction': {
        const facts = command.data;
        if (state.status === 'none') {
          throw new DomainError('not-found', 'policy-action-not-found', `No policy action ${facts.policyActionId}`);
        }
        const refusal = refuseAdvance(state.kind, state.reached, facts.stage);
        if (refusal) throw violation(refusal);
        assertNotInFuture(facts.occurredAt, command.now);
        if (Date.parse(facts.occurredAt) < Date.parse(state.occurredAt)) {
          throw new DomainError(
            'rule-violation',
            'occurred-before-previous-stage',
            `${facts.stage} cannot have happened before the current stage (${state.occurredAt})`,
          );
        }
        const previousStage = state.reached[state.reached.length - 1];
        return [{ type: 'PolicyActionAdvanced', data: { ...facts, kind: state.kind, previousStage } }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PolicyActionRecorded':
        return {
          status: 'recorded',
          policyActionId: event.data.policyActionId,
          kind: event.data.kind,
          reached: [event.data.stage],
          occurredAt: event.data.occurredAt,
        };
      case 'PolicyActionAdvanced':
        if (state.status === 'none') return state;
        return { ...state, reached: [...state.reached, event.data.stage], occurredAt: event.data.occurredAt };
    }
  },
};
