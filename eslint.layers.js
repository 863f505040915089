// The layering rules of docs/architecture.md, checked by a tool rather than by memory. eslint.config.js applies them
// with the type-aware rules; the [structure] suite runs them alone (`eslint --config eslint.layers.js`), which needs
// no type information and so takes seconds.
const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const rules = [
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
  {
    // Queries live in libs/persistence, one folder per feature; everything else calls its named functions with a
    // `Db`. Migrations, the infrastructure that opens the database, scripts and tests are the exceptions.
    files: ['apps/**/*.ts', 'activities/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/persistence/**', 'libs/infrastructure/**', '**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'typeorm',
              importNames: ['DataSource', 'Repository', 'QueryRunner', 'SelectQueryBuilder'],
              message: 'Reach the database through a store in libs/persistence/<feature>, with a Db.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder|insert|upsert|find|findOne|findOneBy|findBy|findAndCount|count|save|update|delete|increment)$/][callee.object.name=/^(tx|db|manager|dataSource|em|repository)$/]',
          message: 'Queries live in libs/persistence/<feature>: call a named store function instead.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(query|getRepository|createQueryBuilder)$/]',
          message: 'Queries live in libs/persistence/<feature>: call a named store function instead.',
        },
      ],
    },
  },
  {
    // The API reaches workflows through Temporal and data through the stores, never through activity code.
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/activities/*', '**/activities/**'], message: 'The API does not import activities.' },
          ],
        },
      ],
    },
  },
];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', '.tools/', 'coverage/'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  ...rules,
);
