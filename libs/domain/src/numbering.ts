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
  /** The next number in sequence (one after the highest reserved), a suggestion for the clerk. */
  readonly nextNumber: number;
}

export const initialNumberingState: NumberingState = {
  byNumber: new Map(),
  byParagraph: new Map(),
  nextNumber: 1,
};

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
  }
  return unknownCommand(command.type satisfies never);
}

function evolve(state: NumberingState, event: NumberingEvent): NumberingState {
  switch (event.type) {
    case 'ParagraphNumberReserved': {
      const byNumber = new Map(state.byNumber).set(event.data.number, event.data);
      const byParagraph = new Map(state.byParagraph).set(event.data.paragraphId, event.data.number);
      return { byNumber, byParagraph, nextNumber: Math.max(state.nextNumber, event.data.number + 1) };
    }
  }
  return state;
}

export const numberingDecider: Decider<NumberingCommand, NumberingEvent, NumberingState> = {
  initialState: initialNumberingState,
  decide: (command, state) => decide(command, state),
  evolve,
};
