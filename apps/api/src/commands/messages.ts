import { Command } from '@nestjs/cqrs';
import type { DomainCommand } from '@app/domain';
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

/** A domain command on its way through the CommandBus, with who sent it and how to trace it. */
export abstract class DomainCommandMessage<C extends DomainCommand> extends Command<WriteResult> {
  constructor(
    readonly command: C,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
