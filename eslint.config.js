import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** Outside the event store nothing names an adapter: describe() and openStore() (docs/adr/0048). */
const ADAPTERS = {
  name: '@app/event-store',
  importNames: ['SqliteEventStore', 'MemoryEventStore', 'EventStoreDbEventStore'],
  message: "Use the store's describe() and openStore() (docs/adr/0048).",
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'apps/web/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The clerk's web app runs in the browser (apps/web, its own tsconfig).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        crypto: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        queueMicrotask: 'readonly',
        TextDecoderStream: 'readonly',
        AbortController: 'readonly',
      },
    },
  },
  {
    // The domain is pure: no framework, no store, no I/O.
    files: ['libs/domain/**/*.ts', 'libs/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                '@app/event-store',
                '@app/projections',
                'better-sqlite3',
                '@eventstore/*',
                'node:fs',
                'fs',
              ],
              message: 'The domain and the renderer stay pure: no framework, store or I/O imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // Threads start one way (startWorker) and run typed .worker.ts modules: docs/adr/0048.
    files: ['**/*.ts'],
    ignores: ['libs/event-store/src/internal/worker-module.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Worker']",
          message: 'Start a thread with startWorker from @app/event-store (docs/adr/0048).',
        },
        {
          selector: "Property[key.name='eval'][value.value=true]",
          message: 'No eval workers: a worker is a .worker.ts module (docs/adr/0048).',
        },
      ],
    },
  },
  {
    // Outside the event store nothing names an adapter: describe() and openStore() (docs/adr/0048).
    // Tests, their helpers and the benchmark scripts build stores of their own.
    files: ['apps/api/src/**/*.ts', 'libs/projections/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/projections/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ADAPTERS],
        },
      ],
    },
  },
  {
    // The command path knows nothing of HTTP: it throws its own errors, mapped in errors/ (docs/adr/0051).
    files: ['apps/api/src/commands/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [ADAPTERS],
          patterns: [
            {
              group: ['**/errors/*'],
              message:
                'Throw an error of commands/command-errors.ts; errors/to-problem.ts maps it (docs/adr/0051).',
            },
          ],
        },
      ],
    },
  },
);
