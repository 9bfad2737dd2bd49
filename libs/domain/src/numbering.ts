/**
 * The numbering stream `numbering-<bodyId>-<year>`: § numbers run per body and calendar year,
 * and each is given once. The command handler appends with the expected revision it read, so two
 * clerks reserving the same number at once cannot both succeed (docs/adr/0004).
 */
import type { NumberingCommand } from './commands.js';
import type { Decider } from './decider.js';
import { ensure, unknownCommand } from './errors.js';
import type { NumberingEvent, ParagraphNumberReserved } from './events.js';

export interface NumberingState {
  /** paragraphId by § number. */
  readonly byNumber: ReadonlyMap<number, ParagraphNumberReserved['data']>;
  /** § number by paragraphId. */
  readonly byParagraph: ReadonlyMap<string, number>;
  /**
   * The next number in sequence, a suggestion for the clerk: the lowest released number not
   * given again (a failed opening's number is the first to be reused, so it leaves no hole),
   * else one after the highest reserved.
   */
  readonly nextNumber: number;
  /** Numbers given back by ParagraphNumberReleased (some may have been reserved again since). */
  readonly released: ReadonlySet<number>;
}

export const initialNumberingState: NumberingState = {
  byNumber: new Map(),
  byParagraph: new Map(),
  nextNumber: 1,
  released: new Set(),
};

/** Released numbers below the highest held are free again; the lowest of them comes first. */
function next(byNumber: ReadonlyMap<number, unknown>, released: ReadonlySet<number>): number {
  let highest = 0;
  for (const n of byNumber.keys()) highest = Math.max(highest, n);
  let lowestFree = highest + 1;
  for (const n of released) if (n < lowestFree && !byNumber.has(n)) lowestFree = n;
  return lowestFree;
}

function decide(command: NumberingCommand, state: NumberingState): NumberingEvent[] {
  switch (command.type) {
    case 'ReserveParagraphNumber': {
      const { number, paragraphId } = command.data;
      ensure(Number.isInteger(number) && number > 0, 'INVALID_PARAGRAPH_NUMBER', { number });
      const holder = state.byNumber.get(number);
      // A retry of the same reservation (same paragraph, same number) records nothing new:
      // it lets a half-done OpenParagraph be completed (docs/adr/0004).
      if (holder?.paragraphId === paragraphId) return [];
      ensure(!holder, 'PARAGRAPH_NUMBER_TAKEN', { number, takenBy: holder?.paragraphId });
      const own = state.byParagraph.get(paragraphId);
      ensure(own === undefined, 'PARAGRAPH_ALREADY_NUMBERED', { paragraphId, number: own });
      return [{ type: 'ParagraphNumberReserved', data: command.data }];
    }
    case 'ReleaseParagraphNumber': {
      const { number, paragraphId } = command.data;
      // Released already (a retry, or two releasers): nothing to record.
      if (state.byParagraph.get(paragraphId) === undefined && !state.byNumber.has(number)) return [];
      ensure(state.byNumber.get(number)?.paragraphId === paragraphId, 'PARAGRAPH_NUMBER_NOT_RESERVED', {
        number,
        paragraphId,
      });
      return [{ type: 'ParagraphNumberReleased', data: command.data }];
    }
    case 'ReassignParagraphNumbers': {
      const { assignments, meetingId } = command.data;
      // A retry of a reassignment already recorded: every paragraph holds its new number.
      if (assignments.every((a) => state.byParagraph.get(a.paragraphId) === a.to)) return [];
      for (const a of assignments) {
        const held = state.byNumber.get(a.from);
        ensure(
          held?.paragraphId === a.paragraphId && held.meetingId === meetingId,
          'PARAGRAPH_NUMBER_NOT_RESERVED',
          {
            number: a.from,
            paragraphId: a.paragraphId,
          },
        );
      }
      // The same numbers change hands, none is taken from outside the meeting or left empty.
      const sorted = (ns: number[]) => ns.sort((x, y) => x - y).join();
      ensure(
        new Set(assignments.map((a) => a.paragraphId)).size === assignments.length &&
          sorted(assignments.map((a) => a.from)) === sorted(assignments.map((a) => a.to)),
        'AGENDA_NUMBERS_NOT_PERMUTED',
      );
      return [{ type: 'ParagraphNumbersReassigned', data: command.data }];
    }
  }
  return unknownCommand(command);
}

function evolve(state: NumberingState, event: NumberingEvent): NumberingState {
  switch (event.type) {
    case 'ParagraphNumberReserved': {
      const byNumber = new Map(state.byNumber).set(event.data.number, event.data);
      const byParagraph = new Map(state.byParagraph).set(event.data.paragraphId, event.data.number);
      return { byNumber, byParagraph, nextNumber: next(byNumber, state.released), released: state.released };
    }
    case 'ParagraphNumberReleased': {
      const byNumber = new Map(state.byNumber);
      byNumber.delete(event.data.number);
      const byParagraph = new Map(state.byParagraph);
      byParagraph.delete(event.data.paragraphId);
      const released = new Set(state.released).add(event.data.number);
      return { byNumber, byParagraph, nextNumber: next(byNumber, released), released };
    }
    case 'ParagraphNumbersReassigned': {
      const byNumber = new Map(state.byNumber);
      const byParagraph = new Map(state.byParagraph);
      for (const a of event.data.assignments) {
        const held = state.byNumber.get(a.from)!;
        byNumber.set(a.to, { ...held, number: a.to });
        byParagraph.set(a.paragraphId, a.to);
      }
      // The set of numbers is unchanged, and so is the next one.
      return { ...state, byNumber, byParagraph };
    }
  }
  return state;
}

/**
 * The agenda in a new order: the meeting's paragraphs take the numbers they hold, lowest first,
 * in that order (docs/adr/0055). `held` is every paragraph of the meeting with its number; the
 * order must name each of them once. Returns the paragraphs whose number changes.
 */
export function agendaAssignments(
  held: ReadonlyArray<{ readonly paragraphId: string; readonly number: number }>,
  order: readonly string[],
): { paragraphId: string; from: number; to: number }[] {
  const current = new Map(held.map((h) => [h.paragraphId, h.number]));
  const missing = [...current.keys()].filter((id) => !order.includes(id));
  const unknown = order.filter((id) => !current.has(id));
  ensure(
    missing.length === 0 && unknown.length === 0 && new Set(order).size === order.length,
    'AGENDA_ORDER_INCOMPLETE',
    { missing, unknown },
  );
  const numbers = [...current.values()].sort((a, b) => a - b);
  return order.flatMap((paragraphId, i) => {
    const from = current.get(paragraphId)!;
    return from === numbers[i] ? [] : [{ paragraphId, from, to: numbers[i] }];
  });
}

export const numberingDecider: Decider<NumberingCommand, NumberingEvent, NumberingState> = {
  initialState: initialNumberingState,
  decide: (command, state) => decide(command, state),
  evolve,
};
