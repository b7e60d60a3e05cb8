import { type CameoCode, goldsteinWeight } from '../shared/cameo';
import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import type { Source } from '../shared/source';
import type { EscalationRegion } from './escalation-region';

/** What was observed: PLA air or naval activity, coast-guard incursions, drills, coercion, words, lawfare. */
export const ESCALATION_KINDS = [
  'air',
  'naval',
  'coast-guard',
  'exercise',
  'economic-coercion',
  'rhetoric',
  'legal',
] as const;
/** One of `ESCALATION_KINDS`. */
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/** Counts as a daily activity report gives them (Taiwan MND: aircraft, median-line crossings, ships, balloons). */
export interface EscalationMetrics {
  aircraft?: number;
  medianLineCrossings?: number;
  navyVessels?: number;
  /** "Official ships" in MND reports. */
  coastGuardVessels?: number;
  balloons?: number;
}
/** Every metric name, in report order. */
export const ESCALATION_METRICS = [
  'aircraft',
  'medianLineCrossings',
  'navyVessels',
  'coastGuardVessels',
  'balloons',
] as const satisfies readonly (keyof EscalationMetrics)[];

/** The facts of one escalation signal as the analyst reports them. */
export interface EscalationSignalFacts {
  region: EscalationRegion;
  kind: EscalationKind;
  /** ISO 8601 date-time with offset at which the observation window opens. */
  observedFrom: string;
  /** ISO 8601 date-time with offset at which it closes; the signal is dated on this instant's local day. */
  observedTo: string;
  metrics: EscalationMetrics;
  /** Analyst's grading, 1 (routine) to 5 (crisis). */
  severity: number;
  cameoCode?: CameoCode;
  summary?: string;
  source: Source;
}

/** Log an escalation signal. */
export type RecordEscalationSignal = DomainCommand<
  'RecordEscalationSignal',
  EscalationSignalFacts & { signalId: string }
>;
/** Every escalation-signal command. */
export type EscalationSignalCommand = RecordEscalationSignal;

/** A signal entered the record; `goldstein` is the weight of `cameoCode` at recording time, kept for replays. */
export type EscalationSignalRecorded = DomainEvent<
  'EscalationSignalRecorded',
  EscalationSignalFacts & { signalId: string; goldstein?: number }
>;
/** Every escalation-signal event. */
export type EscalationSignalEvent = EscalationSignalRecorded;

/** What the rules need to remember about one signal. */
export type EscalationSignalState = { status: 'none' } | { status: 'recorded'; signalId: string };

/** Stream of one signal. */
export const escalationSignalStreamId = (signalId: string) => `escalationSignal-${signalId}`;

/** Clock skew we tolerate between the reporting source and our server. */
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/** Escalation signals: recorded once, with a window that closes after it opens and no later than now. */
export const escalationSignalDecider: Decider<EscalationSignalCommand, EscalationSignalEvent, EscalationSignalState> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { EscalationSignalRecorded: 1 },
  decide(command, state) {
    switch (command.type) {
      case 'RecordEscalationSignal': {
        const data = command.data;
        if (state.status !== 'none') {
          throw new DomainError('conflict', 'escalation-signal-exists', `Signal ${data.signalId} already exists`);
        }
        checkWindow(data.observedFrom, data.observedTo, command.now);
        checkGrades(data);
        if (data.cameoCode === undefined) return [{ type: 'EscalationSignalRecorded', data }];
        const goldstein = goldsteinWeight(data.cameoCode);
        if (goldstein === undefined) {
          throw new DomainError('rule-violation', 'unknown-cameo-code', `${data.cameoCode} is not a known CAMEO code`);
        }
        return [{ type: 'EscalationSignalRecorded', data: { ...data, goldstein } }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'EscalationSignalRecorded':
        return { status: 'recorded', signalId: event.data.signalId };
    }
  },
};

function checkWindow(observedFrom: string, observedTo: string, now: Date): void {
  const from = Date.parse(observedFrom);
  const to = Date.parse(observedTo);
  if (!(to > from)) {
    throw new DomainError('rule-violation', 'invalid-observation-window', 'observedTo must be later than observedFrom');
  }
  if (to > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError('rule-violation', 'observed-in-future', 'observedTo lies in the future');
  }
}

function checkGrades({ severity, metrics }: EscalationSignalFacts): void {
  if (!Number.isInteger(severity) || severity < 1 || severity > 5) {
    throw new DomainError('rule-violation', 'invalid-severity', 'severity must be an integer from 1 to 5');
  }
  for (const name of ESCALATION_METRICS) {
    const value = metrics[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new DomainError('rule-violation', 'invalid-metric', `metrics.${name} must be a non-negative integer`);
    }
  }
  const { aircraft, medianLineCrossings } = metrics;
  if (aircraft !== undefined && medianLineCrossings !== undefined && medianLineCrossings > aircraft) {
    throw new DomainError(
      'rule-violation',
      'crossings-exceed-aircraft',
      'medianLineCrossings counts aircraft, so it cannot exceed aircraft',
    );
  }
}
