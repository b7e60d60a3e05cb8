import { RECORD_KINDS } from '../record-kinds';
import { fillMissingPublisher } from './source-publisher.upcaster';
import { UpcasterRegistry, type VersionedEvent } from './upcaster-registry';

/** The schema version of every event type, as the deciders of the record-kind manifest write them today. */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = Object.assign(
  {},
  ...RECORD_KINDS.map((k) => k.decider.schemaVersions),
);

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
