import type { DomainEvent } from '@tracker/domain/shared/decider';
import type { EventOfKind, RecordKind } from '@tracker/domain/record-kinds';
import { anchorFeedEntry } from './anchor/anchor.feed';
import { anchorsProjection } from './anchor/anchors.projection';
import { diplomaticEngagementFeedEntry } from './diplomatic-engagement/diplomatic-engagement.feed';
import { diplomaticEngagementsProjection } from './diplomatic-engagement/diplomatic-engagements.projection';
import { escalationSignalFeedEntry } from './escalation-signal/escalation-signal.feed';
import { escalationSignalsProjection } from './escalation-signal/escalation-signals.projection';
import type { FeedEntry } from './feed/feed-entry';
import { policyActionFeedEntry } from './policy-action/policy-action.feed';
import { policyActionsProjection } from './policy-action/policy-actions.projection';
import type { Projection } from './projection';
import { sanctionedEntityFeedEntry } from './sanctioned-entity/sanctioned-entity.feed';
import { sanctionedEntitiesProjection } from './sanctioned-entity/sanctioned-entities.projection';
import { statementFeedEntry } from './statement/statement.feed';
import { statementsProjection } from './statement/statements.projection';

/** What the read-model side adds to one kind of the domain's manifest (`libs/domain/src/record-kinds.ts`). */
export interface KindReadModels<E extends DomainEvent> {
  /** The kind's own read models (its registry or list); cross-kind timelines and the feed are not listed here. */
  readonly projections: readonly Projection<E>[];
  /** How each of its events reads in the developments feed. */
  readonly feed: (event: E) => FeedEntry;
}

/**
 * The read-model half of the record-kind manifest, one entry per kind of the domain's (the type
 * makes a missing kind a compile error): the projection list and the feed are derived from it.
 */
export const READ_MODEL_KINDS: { readonly [K in RecordKind]: KindReadModels<EventOfKind<K>> } = {
  statement: { projections: [statementsProjection], feed: statementFeedEntry },
  'sanctioned-entity': { projections: [sanctionedEntitiesProjection], feed: sanctionedEntityFeedEntry },
  'policy-action': { projections: [policyActionsProjection], feed: policyActionFeedEntry },
  'escalation-signal': { projections: [escalationSignalsProjection], feed: escalationSignalFeedEntry },
  'diplomatic-engagement': { projections: [diplomaticEngagementsProjection], feed: diplomaticEngagementFeedEntry },
  anchor: { projections: [anchorsProjection], feed: anchorFeedEntry },
};
