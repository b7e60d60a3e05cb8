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

/** Facts a correction may replace; the speaker's words keep their identity. */
export type StatementChanges = Partial<Omit<StatementFacts, 'source'>>;

/** Log a statement. */
export type RecordStatement = DomainCommand<'RecordStatement', StatementFacts & { statementId: string }>;
/** Replace some facts of a statement, saying why and on what source. */
export type CorrectStatement = DomainCommand<
  'CorrectStatement',
  { statementId: string; changes: StatementChanges; reason: string; source: Source }
>;
/** Withdraw a statement from lists and timelines; it stays in the audit trail. */
export type RetractStatement = DomainCommand<
  'RetractStatement',
  { statementId: string; reason: string; source: Source }
>;
/** Every statement command. */
export type StatementCommand = RecordStatement | CorrectStatement | RetractStatement;

/** A statement entered the record. */
export type StatementRecorded = DomainEvent<'StatementRecorded', StatementFacts & { statementId: string }>;
/** Some facts of a statement were corrected. */
export type StatementCorrected = DomainEvent<'StatementCorrected', CorrectStatement['data']>;
/** A statement was retracted. */
export type StatementRetracted = DomainEvent<'StatementRetracted', RetractStatement['data']>;
/** Every statement event. */
export type StatementEvent = StatementRecorded | StatementCorrected | StatementRetracted;

/** What the rules need to remember about one statement. */
export type StatementState =
  { status: 'none' } | { status: 'recorded' | 'retracted'; statementId: string; occurredAt: string };

/** Stream of one statement. */
export const statementStreamId = (statementId: string) => `statement-${statementId}`;

const DAY_MS = 24 * 3600 * 1000;

function assertNotInFuture(occurredAt: string | undefined, now: Date): void {
  if (occurredAt !== undefined && Number.isNaN(Date.parse(occurredAt))) {
    throw new DomainError('rule-violation', 'invalid-date', `occurredAt ${occurredAt} is not a date`);
  }
  if (occurredAt !== undefined && Date.parse(occurredAt) > now.getTime() + DAY_MS) {
    throw new DomainError('rule-violation', 'occurred-in-future', 'occurredAt lies in the future');
  }
}

function assertRecorded(
  state: StatementState,
  statementId: string,
): asserts state is StatementState & { status: 'recorded' } {
  if (state.status === 'none') throw new DomainError('not-found', 'statement-not-found', `No statement ${statementId}`);
  if (state.status === 'retracted') {
    throw new DomainError('rule-violation', 'statement-retracted', `Statement ${statementId} was retracted`);
  }
}

/** Statements: recorded once, then corrected or retracted by new events, never edited. */
export const statementDecider: Decider<StatementCommand, StatementEvent, StatementState> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { StatementRecorded: 2, StatementCorrected: 1, StatementRetracted: 1 },
  decide(command, state) {
    switch (command.type) {
      case 'RecordStatement':
        if (state.status !== 'none') {
          throw new DomainError('conflict', 'statement-exists', `Statement ${command.data.statementId} already exists`);
        }
        assertNotInFuture(command.data.occurredAt, command.now);
        return [{ type: 'StatementRecorded', data: command.data }];
      case 'CorrectStatement':
        assertRecorded(state, command.data.statementId);
        if (Object.keys(command.data.changes).length === 0) {
          throw new DomainError('rule-violation', 'nothing-to-correct', 'A correction must change at least one fact');
        }
        assertNotInFuture(command.data.changes.occurredAt, command.now);
        return [{ type: 'StatementCorrected', data: command.data }];
      case 'RetractStatement':
        assertRecorded(state, command.data.statementId);
        return [{ type: 'StatementRetracted', data: command.data }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'StatementRecorded':
        return { status: 'recorded', statementId: event.data.statementId, occurredAt: event.data.occurredAt };
      case 'StatementCorrected':
        return state.status === 'none'
          ? state
          : { ...state, occurredAt: event.data.changes.occurredAt ?? state.occurredAt };
      case 'StatementRetracted':
        return state.status === 'none' ? state : { ...state, status: 'retracted' };
    }
  },
};
