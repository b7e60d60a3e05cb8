import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { isCalendarDate } from '../shared/calendar-date';
import { DomainError } from '../shared/domain-error';
import type { Source } from '../shared/source';

/** Lower-case words joined by single hyphens, e.g. `taiwan-inauguration-2024`; it is also the stream id. */
export const ANCHOR_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A key date that timelines are read around. */
export interface AnchorFacts {
  name: string;
  /** Calendar date `YYYY-MM-DD`, e.g. `2024-05-20`. */
  date: string;
  title: string;
  description?: string;
  source: Source;
}

/** Define a key date. */
export type DefineAnchor = DomainCommand<'DefineAnchor', AnchorFacts>;
/** Every anchor command. */
export type AnchorCommand = DefineAnchor;

/** A key date was defined. */
export type AnchorDefined = DomainEvent<'AnchorDefined', AnchorFacts>;
/** Every anchor event. */
export type AnchorEvent = AnchorDefined;

/** What the rules need to remember about one anchor. */
export type AnchorState = { status: 'none' } | { status: 'defined'; date: string };

/** Stream of one anchor, keyed by its name so a second definition meets the first. */
export const anchorStreamId = (name: string) => `anchor-${name}`;

/** Anchors: defined once per name; a second definition is a duplicate, whatever its date. */
export const anchorDecider: Decider<AnchorCommand, AnchorEvent, AnchorState> = {
  initialState: () => ({ status: 'none' }),
  schemaVersions: { AnchorDefined: 1 },
  decide(command, state) {
    switch (command.type) {
      case 'DefineAnchor': {
        const { name, date } = command.data;
        if (state.status !== 'none') {
          throw new DomainError('conflict', 'anchor-exists', `Anchor ${name} is already defined (${state.date})`);
        }
        if (!ANCHOR_NAME.test(name)) {
          throw new DomainError('rule-violation', 'invalid-anchor-name', `${name} is not a lower-case slug`);
        }
        if (!isCalendarDate(date)) {
          throw new DomainError('rule-violation', 'invalid-anchor-date', `${date} is not a calendar date YYYY-MM-DD`);
        }
        return [{ type: 'AnchorDefined', data: command.data }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'AnchorDefined':
        return { status: 'defined', date: event.data.date };
    }
  },
};
