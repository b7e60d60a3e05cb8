import type { KindEvent } from './record-kinds';

/** Every event the tracker writes, as a discriminated union on `type` (derived from the record-kind manifest). */
export type TrackerEvent = KindEvent;
