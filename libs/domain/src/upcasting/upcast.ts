import { anchorDecider } from '../anchor/anchor.decider';
import { diplomaticEngagementDecider } from '../diplomatic-engagement/diplomatic-engagement.decider';
import { escalationSignalDecider } from '../escalation-signal/escalation-signal.decider';
import { policyActionDecider } from '../policy-action/policy-action.decider';
import { sanctionedEntityDecider } from '../sanctioned-entity/sanctioned-entity.decider';
import { statementDecider } from '../statement/statement.decider';
import { fillMissingPublisher } from './source-publisher.upcaster';
import { UpcasterRegistry, type VersionedEvent } from './upcaster-registry';

/** The schema version of every event type, as the deciders write them today. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  ...statementDecider.schemaVersions,
  ...sanctionedEntityDecider.schemaVersions,
  ...policyActionDecider.schemaVersions,
  ...escalationSignalDecider.schemaVersions,
  ...diplomaticEngagementDecider.schemaVersions,
  ...anchorDecider.schemaVersions,
};

/** Every schema change the tracker's events went through; a new version needs its step here. */
export const trackerUpcasters = new UpcasterRegistry(CURRENT_SCHEMA_VERSIONS, [
  { type: 'StatementRecorded', fromVersion: 1, upcast: fillMissingPublisher },
  { type: 'SanctionedEntityAdded', fromVersion: 1, upcast: fillMissingPublisher },
]);

/**
 * Upgrades a stored event to the current schema of its type (a copy; the input and the log stay
 * as they are). Call it on every event read from the store before a decider or projection sees it.
 */
export function upcast<E extends VersionedEvent>(event: E): E {
  return trackerUpcasters.upcast(event);
}
