/**
 * Suites too long for `npm test` and its 15-minute budget on a 2-core machine, each run on its own on the integration
 * suites' servers:
 * - `npm run test:scale`: the 1,000-entry whole-cycle suite (test/national), about nine CPU-minutes;
 * - `npm run test:chaos`: the fault run on the production topology (test/chaos), about seven CPU-minutes, a third of
 *   the whole run's CPU when it ran inside it (2026-12-05: the run took 1,047 s with it).
 */
const base = require('./jest.config');

const integration = base.projects.find((project) => project.displayName === 'integration');

const longSuite = (displayName, folder) => ({
  ...integration,
  displayName,
  testMatch: [`<rootDir>/test/${folder}/**/*.test.ts`],
  testPathIgnorePatterns: ['/node_modules/'],
});

module.exports = {
  ...base,
  projects: [longSuite('national', 'national'), longSuite('chaos', 'chaos')],
};
