/**
 * A decider per stream type: pure functions, no I/O, no clock.
 *   decide(command, state, context) → events   (or throws a RuleViolation)
 *   evolve(state, event) → state
 * `context` carries what a rule needs from other streams (e.g. the meeting's attendance
 * when recording on a paragraph); the command handler loads it.
 */
export interface Decider<Command, Event, State, Context = undefined> {
  readonly initialState: State;
  decide(command: Command, state: State, context: Context): Event[];
  evolve(state: State, event: Event): State;
}

/** Fold a stream's events into its state. */
export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
