import { availableParallelism } from 'node:os';

// Native ESM Jest (see docs/adr/0001-nestjs-12-esm.md): swc transforms TypeScript,
// `.js` suffixes on relative imports are stripped, `@app/*` maps like tsconfig paths.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, importAttributes: true },
      // Keep `with { type: 'json' }` (shipped house styles are JSON modules).
      experimental: { keepImportAttributes: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@app/(domain|event-store|protocol|projections)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // Jest's own default on a 2-core machine is one worker (cores - 1), and most suites wait on
  // servers and browsers in child processes rather than compute: more workers than cores cut the
  // suite's wall time, still under CPU load (.ci/run).
  maxWorkers: Math.max(3, availableParallelism() - 1),
  // A test waits for conditions, never for a wall-clock budget: on a busy machine (CI runs the
  // suite beside two CPU-bound processes) a default of 5 s failed tests that were correct.
  testTimeout: 120_000,
  globalSetup: '<rootDir>/test/jest-global-setup.js',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
