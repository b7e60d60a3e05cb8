/** Event data or metadata as stored: plain JSON. */
export type JsonRecord = Record<string, unknown>;

/** Rewrites one event type's data from one schema version to the next; pure, never mutates its input. */
export type Upcaster = (data: JsonRecord, metadata: JsonRecord) => JsonRecord;

/** An event as read from the log; extra fields (stream, revision, position) pass through. */
export interface VersionedEvent {
  readonly type: string;
  readonly data: JsonRecord;
  readonly metadata: JsonRecord;
}

/** One step of an event type's schema history. */
export interface UpcasterStep {
  readonly type: string;
  /** The step turns data at this version into data at `fromVersion + 1`. */
  readonly fromVersion: number;
  readonly upcast: Upcaster;
}

/** `metadata.schemaVersion` when it is a positive integer; events from before versioning count as 1. */
export function schemaVersionOf(metadata: JsonRecord): number {
  const version = metadata.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : 1;
}

/**
 * Upgrades stored events to the schema the code understands, so the log is never rewritten and
 * deciders and projections only ever see the current shape. Built from each event type's current
 * version and every step up to it; a missing or duplicate step fails at construction, not on a
 * read years later.
 */
export class UpcasterRegistry {
  private readonly current = new Map<string, number>();
  private readonly steps = new Map<string, Upcaster>();

  constructor(currentVersions: Readonly<Record<string, number>>, steps: readonly UpcasterStep[]) {
    for (const [type, version] of Object.entries(currentVersions)) this.current.set(type, version);
    for (const step of steps) {
      const key = stepKey(step.type, step.fromVersion);
      const current = this.current.get(step.type);
      if (current === undefined || step.fromVersion < 1 || step.fromVersion >= current) {
        throw new RangeError(`Upcaster ${key} does not lead to a version up to ${step.type} v${current ?? '?'}`);
      }
      if (this.steps.has(key)) throw new RangeError(`Two upcasters for ${key}`);
      this.steps.set(key, step.upcast);
    }
    for (const [type, version] of this.current) {
      for (let from = 1; from < version; from++) {
        if (!this.steps.has(stepKey(type, from))) throw new RangeError(`No upcaster for ${stepKey(type, from)}`);
      }
    }
  }

  /** The schema version this code writes for `type`, if it knows the type. */
  currentVersion(type: string): number | undefined {
    return this.current.get(type);
  }

  /**
   * Applies every step from the event's `metadata.schemaVersion` (default 1) to the current version
   * and returns a copy with the upgraded `data` and `metadata.schemaVersion`. Events already current,
   * of unknown types, or written by newer code are returned as they are.
   */
  upcast<E extends VersionedEvent>(event: E): E {
    const current = this.current.get(event.type);
    let version = schemaVersionOf(event.metadata);
    if (current === undefined || version >= current) return event;
    let data = event.data;
    for (; version < current; version++) {
      data = (this.steps.get(stepKey(event.type, version)) as Upcaster)(data, event.metadata);
    }
    return { ...event, data, metadata: { ...event.metadata, schemaVersion: current } };
  }
}

function stepKey(type: string, fromVersion: number): string {
  return `${type}@v${fromVersion}`;
}
