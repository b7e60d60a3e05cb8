import type { PolicyActionEvent } from '@tracker/domain/policy-action/policy-action.decider';
import type { FeedEntry } from '../feed/feed-entry';

/** A policy action's events in the feed. */
export function policyActionFeedEntry(event: PolicyActionEvent): FeedEntry {
  const { policyActionId: recordId, occurredAt, source } = event.data;
  switch (event.type) {
    case 'PolicyActionRecorded':
      return {
        recordId,
        headline: `${event.data.title} (${event.data.kind}): ${event.data.stage}`,
        occurredAt,
        source,
      };
    case 'PolicyActionAdvanced':
      return {
        recordId,
        headline: `${event.data.kind} moved from ${event.data.previousStage} to ${event.data.stage}`,
        occurredAt,
        source,
      };
  }
}
