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
  }
  return state;
}

export const numberingDecider: Decider<NumberingCommand, NumberingEvent, NumberingState> = {
  initialState: initialNumberingState,
  decide: (command, state) => decide(command, state),
  evolve,
};
