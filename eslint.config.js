// Type-aware linting, plus the layering rules of eslint.layers.js (which `npm test` also runs on their own).
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const layers = require('./eslint.layers');

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      '.tools/',
      'coverage/',
      'eslint.config.js',
      'eslint.layers.js',
      'jest.config.js',
      'jest.long.config.js',
      'test/support/summary-reporter.js',
      'test/support/cpu-environment.js',
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
  ...layers,
);
