import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { CountryCode, Source } from '../shared/source';

/** Restricted-party lists we track. */
export const SANCTIONS_LISTS = [
  'BIS_ENTITY_LIST',
  'BIS_MEU',
  'OFAC_SDN',
  'OFAC_NS_CMIC',
  'PRC_UNRELIABLE_ENTITY_LIST',
] as const;
/** One of `SANCTIONS_LISTS`. */
export type SanctionsList = (typeof SANCTIONS_LISTS)[number];

/** A listing as published, e.g. in the Federal Register. */
export interface ListingFacts {
  name: string;
  aliases: string[];
  country: CountryCode;
  list: SanctionsList;
  programs: string[];
  reason?: string;
  /** ISO date (YYYY-MM-DD) from which the listing applies. */
  effectiveFrom: string;
  federalRegisterCitation?: string;
  addresses: string[];
  licenseRequirement?: string;
  licensePolicy?: string;
  /** The publishing source's own identifier, when it has one. */
  sourceId?: string;
  source: Source;
}

/** Put an entity on a list. */
export type AddSanctionedEntity = DomainCommand<'AddSanctionedEntity', ListingFacts & { entityId: string }>;
/** Every sanctioned-entity command. */
export type SanctionedEntityCommand = AddSanctionedEntity;

/** An entity was put on a list. */
export type SanctionedEntityAdded = DomainEvent<'SanctionedEntityAdded', ListingFacts & { entityId: string }>;
/** Every sanctioned-entity event. */
export type SanctionedEntityEvent = SanctionedEntityAdded;

/** What the rules need to remember about one listing. */
export type SanctionedEntityState = { status: 'none' } | { status: 'listed'; entityId: string; list: SanctionsList };

/** Listings: one stream per entity and list; a second add of the same listing is a duplicate. */
export const sanctionedEntityDecider: Decider<SanctionedEntityCommand, SanctionedEntityEvent, SanctionedEntityState> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { SanctionedEntityAdded: 1 },
  decide(command, state) {
    switch (command.type) {
      case 'AddSanctionedEntity':
        if (state.status === 'listed') {
          throw new DomainError(
            'conflict',
            'already-listed',
            `${command.data.name} is already on ${state.list} (entity ${state.entityId})`,
          );
        }
        return [{ type: 'SanctionedEntityAdded', data: command.data }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'SanctionedEntityAdded':
        return { status: 'listed', entityId: event.data.entityId, list: event.data.list };
    }
  },
};
