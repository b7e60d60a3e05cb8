import type { EscalationSignalEvent } from '@tracker/domain/escalation-signal/escalation-signal.decider';
import { clip, type FeedEntry } from '../feed/feed-entry';

/** An escalation signal in the feed. */
export function escalationSignalFeedEntry({ data }: EscalationSignalEvent): FeedEntry {
  return {
    recordId: data.signalId,
    headline: `${data.region} ${data.kind} signal, severity ${data.severity}${data.summary ? `: ${clip(data.summary)}` : ''}`,
    occurredAt: data.observedTo,
    source: data.source,
  };
}
