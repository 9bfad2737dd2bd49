/**
 * given / when / then for deciders, usable from any test framework (it throws plain Errors):
 *
 *   given(paragraphDecider, events, { meeting }).when(command).then([...expectedEvents]);
 *   given(meetingDecider, events).when(command).thenRefused('MEETING_NOT_SCHEDULED');
 */
import { fold, type Decider } from './decider.js';
import { isRuleViolation, type RuleCode, type RuleViolation } from './errors.js';

export type DecisionOutcome<Event> = { readonly events: Event[] } | { readonly refusal: RuleViolation };

/** Structural equality like Jest's toEqual: keys whose value is undefined count as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const defined = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : 1));
  const ea = defined(a);
  const eb = defined(b);
  return ea.length === eb.length && ea.every(([k, v], i) => eb[i]![0] === k && deepEqual(v, eb[i]![1]));
}

const show = (x: unknown) => JSON.stringify(x, null, 2);

export function given<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  events: readonly Event[],
  context?: Context,
) {
  const state = fold(decider, events);
  return {
    state,
    when(command: Command) {
      const outcome = (): DecisionOutcome<Event> => {
        try {
          return { events: decider.decide(command, state, context as Context) };
        } catch (error) {
          if (isRuleViolation(error)) return { refusal: error };
          throw error;
        }
      };
      return {
        outcome,
        /** The command is accepted and records exactly `expected`. Returns the events. */
        then(expected: readonly Event[]): Event[] {
          const result = outcome();
          if ('refusal' in result) {
            throw new Error(
              `Expected events but the command was refused: ${result.refusal.code} — ${result.refusal.message}\n` +
                show(result.refusal.details),
            );
          }
          if (!deepEqual(result.events, expected)) {
            throw new Error(`Expected events:\n${show(expected)}\nbut got:\n${show(result.events)}`);
          }
          return result.events;
        },
        /** The command is accepted (whatever it records). Returns the events. */
        thenAccepted(): Event[] {
          const result = outcome();
          if ('refusal' in result) {
            throw new Error(`Expected acceptance but got ${result.refusal.code} — ${result.refusal.message}`);
          }
          return result.events;
        },
        /** The command is refused with `code`. Returns the refusal. */
        thenRefused(code: RuleCode): RuleViolation {
          const result = outcome();
          if (!('refusal' in result)) {
            throw new Error(
              `Expected refusal ${code} but the command was accepted with:\n${show(result.events)}`,
            );
          }
          if (result.refusal.code !== code) {
            throw new Error(
              `Expected refusal ${code} but got ${result.refusal.code} — ${result.refusal.message}\n` +
                show(result.refusal.details),
            );
          }
          return result.refusal;
        },
      };
    },
  };
}

/**
 * Decide a sequence of commands, each on the state the earlier ones produced; returns all
 * events. Handy to build a history for `given`. `context` may depend on the events so far.
 */
export function run<Command, Event, State, Context>(
  decider: Decider<Command, Event, State, Context>,
  commands: readonly Command[],
  context?: Context | ((events: readonly Event[]) => Context),
  history: readonly Event[] = [],
): Event[] {
  const events = [...history];
  for (const command of commands) {
    const ctx =
      typeof context === 'function' ? (context as (e: readonly Event[]) => Context)(events) : context;
    events.push(...decider.decide(command, fold(decider, events), ctx as Context));
  }
  return events.slice(history.length);
}
