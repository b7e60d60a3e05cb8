/** A command as the domain sees it: intent plus the facts the caller supplies (time, ids, actor). */
export interface DomainCommand<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** Server time at which the command is handled; deciders never read the clock. */
  readonly now: Date;
}

/** An event as the domain emits it; the application adds ids and metadata. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** A pure decision model: `decide` checks rules and emits events, `evolve` folds them into state. */
export interface Decider<Command extends DomainCommand, Event extends DomainEvent, State> {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
  /** Schema version of each event type this decider emits. */
  readonly schemaVersions: Readonly<Record<Event['type'], number>>;
}
