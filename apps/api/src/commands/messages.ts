import { Command } from '@nestjs/cqrs';
import type { MeetingCommand, OpenParagraph, ParagraphCommand } from '@app/domain';
import type { CommandContext } from './command-context.js';
import type { CommandWarning } from './command-runner.js';

/**
 * What every write answers: the stream's new revision, the ids of what it created, and (only
 * when there are any) the warnings of procedure rules: recorded, but worth a second look.
 */
export interface WriteResult {
  readonly revision: number;
  readonly warnings?: readonly CommandWarning[];
  readonly [id: string]: string | number | readonly CommandWarning[] | undefined;
}

/** Add the warnings to an answer when there are any: answers without them stay as they were. */
export function withWarnings<T extends object>(
  result: T,
  warnings: readonly CommandWarning[],
): T & { warnings?: readonly CommandWarning[] } {
  return warnings.length > 0 ? { ...result, warnings } : result;
}

/**
 * The messages on the CommandBus: one per way a command is run (docs/adr/0051), each with the
 * domain command and who sent it. The domain's own union types say which commands they carry.
 */
export class MeetingCommandMessage extends Command<WriteResult> {
  constructor(
    readonly command: MeetingCommand,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** One paragraph command, or several of one paragraph written together (all or none). */
export class ParagraphCommandMessage extends Command<WriteResult> {
  constructor(
    readonly command:
      | Exclude<ParagraphCommand, OpenParagraph>
      | readonly [Exclude<ParagraphCommand, OpenParagraph>, ...Exclude<ParagraphCommand, OpenParagraph>[]],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** Opening carries an optional § number (the next free one when absent): not yet the domain's command. */
export type OpenParagraphRequest = Omit<OpenParagraph['data'], 'number'> & { readonly number?: number };

export class OpenParagraphMessage extends Command<WriteResult> {
  constructor(
    readonly request: OpenParagraphRequest,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

/** The agenda in a new order: the meeting's paragraph ids, first to last (docs/adr/0055). */
export class ReorderAgendaMessage extends Command<WriteResult> {
  constructor(
    readonly meetingId: string,
    readonly order: readonly string[],
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
