import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { CountryCode, Source } from '../shared/source';

/** Who could hear it. */
export const AUDIENCES = ['public', 'private'] as const;
/** The statement's leaning towards the other side. */
export const STANCES = ['supportive', 'conciliatory', 'neutral', 'critical', 'hostile'] as const;

/** The facts of one official's statement. */
export interface StatementFacts {
  speaker: string;
  role?: string;
  organization?: string;
  country: CountryCode;
  audience: (typeof AUDIENCES)[number];
  /** ISO 8601 date or date-time at which the words were said. */
  occurredAt: string;
  text: string;
  topics: string[];
  stance?: (typeof STANCES)[number];
  /** CAMEO event code, e.g. `010` make statement, `111` criticize. */
  cameoCode?: string;
  source: Source;
}

/** Log a statement. */
export type RecordStatement = DomainCommand<'RecordStatement', StatementFacts & { statementId: string }>;
/** Every statement command. */
export type StatementCommand = RecordStatement;

/** A statement entered the record. */
export type StatementRecorded = DomainEvent<'StatementRecorded', StatementFacts & { statementId: string }>;
/** Every statement event. */
export type StatementEvent = StatementRecorded;

/** What the rules need to remember about one statement. */
export type StatementState = { status: 'none' } | { status: 'recorded'; statementId: string };

/** Stream of one statement. */
export const statementStreamId = (statementId: string) => `statement-${statementId}`;

/** Statements: recorded once; the rest of their lifecycle arrives with corrections and retractions. */
export const statementDecider: Decider<StatementCommand, StatementEvent, StatementState> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { StatementRecorded: 1 },
  decide(command, state) {
    switch (command.type) {
      case 'RecordStatement': {
        if (state.status !== 'none') {
          throw new DomainError('conflict', 'statement-exists', `Statement ${command.data.statementId} already exists`);
        }
        if (Date.parse(command.data.occurredAt) > command.now.getTime() + 24 * 3600 * 1000) {
          throw new DomainError('rule-violation', 'occurred-in-future', 'occurredAt lies in the future');
        }
        return [{ type: 'StatementRecorded', data: command.data }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'StatementRecorded':
        return { status: 'recorded', statementId: event.data.statementId };
    }
  },
};
