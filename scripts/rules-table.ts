/** Writes docs/rules.md from the rule catalogue (libs/domain/src/rule-table.ts). */
import { writeFileSync } from 'node:fs';
import { rulesTable } from '../libs/domain/src/rule-table.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesTable());
process.stdout.write('docs/rules.md written\n');
