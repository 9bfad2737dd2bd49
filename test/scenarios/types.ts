import type { DomainCommand } from '@app/domain';

/**
 * A scenario step: a command as the domain defines it (libs/domain/src/commands.ts). Scenarios
 * are ordered lists of these, so any driver can replay them: the deciders directly
 * (test/golden/record.ts) or the API over HTTP.
 */
export type ScenarioCommand = DomainCommand;
