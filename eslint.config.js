// Type-aware linting, and the dependency rules of STYLE.md checked by a tool rather than by memory.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.tools/',
      'coverage/',
      'eslint.config.js',
      'jest.config.js',
      'test/support/summary-reporter.js',
      'test/support/sequencer.js',
      'test/support/suites-in-flight.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflows are replayed deterministically: only @temporalio/workflow, libs/domain, and activity *types*.
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code is deterministic: no Node built-ins.' })),
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'Workflows import only @temporalio/workflow and libs/domain.',
            },
            {
              group: [
                '**/libs/persistence*',
                '**/libs/infrastructure*',
                '**/libs/temporal*',
                '**/libs/config*',
                '**/apps/*',
              ],
              message: 'Workflows import only @temporalio/workflow and libs/domain.',
            },
            {
              group: ['**/activities/*'],
              allowTypeImports: true,
              message: 'Import activity types only (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    // libs/domain is pure TypeScript shared by workflows, activities and the API: no packages, no Node built-ins.
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^[^.]', message: 'libs/domain imports only relative paths inside libs/domain.' },
            {
              group: ['**/libs/*', '**/apps/*', '**/activities/*', '**/workflows/*'],
              message: 'libs/domain depends on nothing else in the project.',
            },
          ],
        },
      ],
    },
  },
);
