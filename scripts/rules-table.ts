/** Writes docs/rules.md from the rule catalogue (libs/domain/src/rule-table.ts). */
import { writeFileSync } from 'node:fs';
import { rulesTable } from '../libs/domain/src/rule-table.js';
import { helpRequested } from './support/cli.js';

helpRequested(`
Usage:
  npm run rules:table   write docs/rules.md from libs/domain/src/rule-table.ts

Every rule code with its decision (refuse or warn), its source and its Swedish message.
`);

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesTable());
process.stdout.write('docs/rules.md written\n');
