import { Command } from '@nestjs/cqrs';
import type { DomainCommand } from '@app/domain';
import type { CommandContext } from './command-context.js';

/** What every write answers: the stream's new revision, and the ids of what it created. */
export interface WriteResult {
  readonly revision: number;
  readonly [id: string]: string | number;
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
