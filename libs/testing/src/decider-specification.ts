import type { Decider, DomainCommand, DomainEvent } from '@tracker/domain/shared/decider';

/** Given/when/then for pure deciders: past events, one command, then the new events or the error. */
export function deciderSpecification<C extends DomainCommand, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given: (events: E[]) => ({
      when: (command: C) => {
        const run = () => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: E[]) => expect(run()).toEqual(expected),
          thenThrows: (match: Partial<Error> & Record<string, unknown>) => {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toMatchObject(match);
          },
        };
      },
    }),
  };
}
