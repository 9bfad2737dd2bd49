import { describe, expect, it } from '@jest/globals';
import * as domain from './index.js';

describe("the domain's production index", () => {
  it('exports no test helpers (they are imported from testing.ts by the tests)', () => {
    for (const helper of ['given', 'run', 'deepEqual']) expect(domain).not.toHaveProperty(helper);
    expect(domain).toHaveProperty('paragraphDecider');
  });
});
