/**
 * A scenario step: a command as the domain defines it (`type` and `data`, see
 * libs/domain/src/commands.ts). Kept structural here so scenarios can be replayed by any
 * driver: the deciders directly, or the API over HTTP.
 */
export interface ScenarioCommand {
  readonly type: string;
  readonly data: { readonly [key: string]: unknown };
}
