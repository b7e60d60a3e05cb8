import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { CountryCode, Source } from '../shared/source';

/** Forms of contact we log. */
export const ENGAGEMENT_KINDS = ['visit', 'call', 'meeting'] as const;
/** One of `ENGAGEMENT_KINDS`. */
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Someone who took part, e.g. Wang Yi, Foreign Minister, CN. */
export interface Participant {
  name: string;
  role?: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: CountryCode;
}

/** The facts of a visit, call or meeting. */
export interface DiplomaticEngagementFacts {
  kind: EngagementKind;
  title: string;
  /** At least two, except a visit, which may name only the visitor. */
  participants: Participant[];
  /** Cities or venues, e.g. `Beijing`, `Shanghai`; empty for a call. */
  places: string[];
  /** First day, YYYY-MM-DD. */
  startsOn: string;
  /** Last day, YYYY-MM-DD, not before `startsOn`. */
  endsOn: string;
  summary?: string;
  source: Source;
}

/** Log a diplomatic engagement. */
export type RecordDiplomaticEngagement = DomainCommand<
  'RecordDiplomaticEngagement',
  DiplomaticEngagementFacts & { engagementId: string }
>;
/** Every diplomatic-engagement command. */
export type DiplomaticEngagementCommand = RecordDiplomaticEngagement;

/** A diplomatic engagement entered the record. */
export type DiplomaticEngagementRecorded = DomainEvent<
  'DiplomaticEngagementRecorded',
  DiplomaticEngagementFacts & { engagementId: string }
>;
/** Every diplomatic-engagement event. */
export type DiplomaticEngagementEvent = DiplomaticEngagementRecorded;

/** What the rules need to remember about one engagement. */
export type DiplomaticEngagementState = { status: 'none' } | { status: 'recorded'; engagementId: string };

/** Stream of one diplomatic engagement. */
export const diplomaticEngagementStreamId = (engagementId: string) => `diplomaticEngagement-${engagementId}`;

/** Fewest participants per kind: a visit can be logged from the visitor's side alone. */
const MIN_PARTICIPANTS: Readonly<Record<EngagementKind, number>> = { visit: 1, call: 2, meeting: 2 };

/** Diplomatic engagements: recorded once, with a consistent date range and enough participants. */
export const diplomaticEngagementDecider: Decider<
  DiplomaticEngagementCommand,
  DiplomaticEngagementEvent,
  DiplomaticEngagementState
> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { DiplomaticEngagementRecorded: 1 },
  decide(command, state) {
    switch (command.type) {
      case 'RecordDiplomaticEngagement': {
        const facts = command.data;
        if (state.status !== 'none') {
          throw new DomainError(
            'conflict',
            'diplomatic-engagement-exists',
            `Diplomatic engagement ${facts.engagementId} already exists`,
          );
        }
        if (facts.endsOn < facts.startsOn) {
          throw new DomainError(
            'rule-violation',
            'ends-before-start',
            `endsOn ${facts.endsOn} is before startsOn ${facts.startsOn}`,
          );
        }
        const fewest = MIN_PARTICIPANTS[facts.kind];
        if (facts.participants.length < fewest) {
          throw new DomainError(
            'rule-violation',
            'too-few-participants',
            `A ${facts.kind} needs at least ${fewest} participants`,
          );
        }
        return [{ type: 'DiplomaticEngagementRecorded', data: facts }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DiplomaticEngagementRecorded':
        return { status: 'recorded', engagementId: event.data.engagementId };
    }
  },
};
