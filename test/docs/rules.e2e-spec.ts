import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { ruleCodes, rulesTable, ruleSources, warningCodes } from '@app/domain';

/** The rules table is generated from the domain's catalogue; this keeps the document honest. */
describe('the rules table (docs/rules.md)', () => {
  it('gives every refusal and warning code a source', () => {
    const codes = [...ruleCodes, ...warningCodes];
    expect(codes.filter((c) => !ruleSources[c]?.trim())).toEqual([]);
    expect(Object.keys(ruleSources).sort()).toEqual([...codes].sort());
  });

  it('is what docs/rules.md says (run `npm run rules:table` after changing a rule)', () => {
    const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(doc).toBe(rulesTable());
  });

  it('lists each code once with its decision', () => {
    const table = rulesTable();
    for (const c of ruleCodes) expect(table).toContain(`| \`${c}\` | refuse |`);
    for (const c of warningCodes) expect(table).toContain(`| \`${c}\` | warn |`);
  });
});
