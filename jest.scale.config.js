/**
 * `npm run test:scale`: the 1,000-entry whole-cycle suite (test/national) on the integration suites' servers. About
 * nine CPU-minutes, a fifth of what the whole run needed with it on a 2-core machine, so it runs on its own, outside
 * `npm test` and its 15-minute budget.
 */
const base = require('./jest.config');

const integration = base.projects.find((project) => project.displayName === 'integration');

module.exports = {
  ...base,
  projects: [
    {
      ...integration,
      displayName: 'national',
      testMatch: ['<rootDir>/test/national/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};
