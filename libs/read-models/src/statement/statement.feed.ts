import type { StatementEvent } from '@tracker/domain/statement/statement.decider';
import { clip, type FeedEntry } from '../feed/feed-entry';

/** A statement's events in the feed. */
export function statementFeedEntry(event: StatementEvent): FeedEntry {
  const { statementId: recordId, source } = event.data;
  switch (event.type) {
    case 'StatementRecorded':
      return {
        recordId,
        headline: `${event.data.speaker}: ${clip(event.data.text)}`,
        occurredAt: event.data.occurredAt,
        source,
      };
    case 'StatementCorrected':
      return { recordId, headline: `Statement corrected: ${clip(event.data.reason)}`, source };
    case 'StatementRetracted':
      return { recordId, headline: `Statement retracted: ${clip(event.data.reason)}`, source };
  }
}
