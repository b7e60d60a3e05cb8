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

/** What an amendment may change; identity (name, list, country) and dates stay. */
export type ListingChanges = Partial<
  Pick<
    ListingFacts,
    'aliases' | 'addresses' | 'programs' | 'federalRegisterCitation' | 'licenseRequirement' | 'licensePolicy' | 'reason'
  >
>;

/** Put an entity on a list. */
export type AddSanctionedEntity = DomainCommand<'AddSanctionedEntity', ListingFacts & { entityId: string }>;
/** Change a listing's details as a later rule published them. */
export type AmendSanctionedEntity = DomainCommand<
  'AmendSanctionedEntity',
  { entityId: string; changes: ListingChanges; note?: string; source: Source }
>;
/** Take an entity off its list from a date. */
export type RemoveSanctionedEntity = DomainCommand<
  'RemoveSanctionedEntity',
  { entityId: string; effectiveOn: string; federalRegisterCitation?: string; reason?: string; source: Source }
>;
/** Every sanctioned-entity command. */
export type SanctionedEntityCommand = AddSanctionedEntity | AmendSanctionedEntity | RemoveSanctionedEntity;

/** An entity was put on a list. */
export type SanctionedEntityAdded = DomainEvent<'SanctionedEntityAdded', ListingFacts & { entityId: string }>;
/** A listing's details changed. */
export type SanctionedEntityAmended = DomainEvent<'SanctionedEntityAmended', AmendSanctionedEntity['data']>;
/** An entity was delisted. */
export type SanctionedEntityRemoved = DomainEvent<'SanctionedEntityRemoved', RemoveSanctionedEntity['data']>;
/** Every sanctioned-entity event. */
export type SanctionedEntityEvent = SanctionedEntityAdded | SanctionedEntityAmended | SanctionedEntityRemoved;

/** What the rules need to remember about one listing. */
export type SanctionedEntityState =
  { status: 'none' } | { status: 'listed' | 'removed'; entityId: string; list: SanctionsList; effectiveFrom: string };

function assertListed(
  state: SanctionedEntityState,
  entityId: string,
): asserts state is SanctionedEntityState & { status: 'listed' } {
  if (state.status === 'none')
    throw new DomainError('not-found', 'entity-not-found', `No sanctioned entity ${entityId}`);
  if (state.status === 'removed') {
    throw new DomainError('rule-violation', 'not-listed', `Entity ${entityId} is not listed on ${state.list}`);
  }
}

/** Listings: one stream per entity and list; added, amended, removed (and relisted) by events. */
export const sanctionedEntityDecider: Decider<SanctionedEntityCommand, SanctionedEntityEvent, SanctionedEntityState> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { SanctionedEntityAdded: 2, SanctionedEntityAmended: 1, SanctionedEntityRemoved: 1 },
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
      case 'AmendSanctionedEntity':
        assertListed(state, command.data.entityId);
        if (Object.keys(command.data.changes).length === 0) {
          throw new DomainError('rule-violation', 'nothing-to-amend', 'An amendment must change at least one detail');
        }
        return [{ type: 'SanctionedEntityAmended', data: command.data }];
      case 'RemoveSanctionedEntity':
        assertListed(state, command.data.entityId);
        if (command.data.effectiveOn < state.effectiveFrom) {
          throw new DomainError(
            'rule-violation',
            'removed-before-listed',
            `Removal on ${command.data.effectiveOn} precedes the listing on ${state.effectiveFrom}`,
          );
        }
        return [{ type: 'SanctionedEntityRemoved', data: command.data }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'SanctionedEntityAdded':
        return {
          status: 'listed',
          entityId: event.data.entityId,
          list: event.data.list,
          effectiveFrom: event.data.effectiveFrom,
        };
      case 'SanctionedEntityAmended':
        return state;
      case 'SanctionedEntityRemoved':
        return state.status === 'none' ? state : { ...state, status: 'removed' };
    }
  },
};
