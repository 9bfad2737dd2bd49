import type { Warning } from './errors.js';

/**
 * A decider per stream type: pure functions, no I/O, no clock.
 *   decide(command, state, context) → events   (or throws a RuleViolation)
 *   evolve(state, event) → state
 * `context` carries what a rule needs from other streams (e.g. the meeting's attendance
 * when recording on a paragraph); the command handler loads it.
 *
 * A decider whose rules can also warn (procedure the chair and the meeting decide: recorded,
 * but worth a second look) offers `decideWithWarnings`; it decides exactly as `decide` does
 * and adds the warnings. Callers that do not care keep calling `decide`.
 */
export interface Decider<Command, Event, State, Context = undefined> {
  readonly initialState: State;
  decide(command: Command, state: State, context: Context): Event[];
  evolve(state: State, event: Event): State;
  decideWithWarnings?(command: Command, state: State, context: Context): Decision<Event>;
}

/** What a command records, and what the clerk is warned about. */
export interface Decision<Event> {
  readonly events: Event[];
  readonly warnings: Warning[];
}

/** Fold a stream's events into its state. */
export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State, unknown>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState);
}
