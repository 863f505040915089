/** Unit specs sit next to the code; integration and end-to-end suites live under test/ and get real servers. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };

module.exports = {
  // Integration suites start real processes (API, worker) and sign in; the default 5 s is too short for that.
  testTimeout: 120_000,
  // Several suites run at once, each on its own task queue, cycle years and agencies. Three on a 2-core machine:
  // the run is CPU-bound (both cores 96% busy through a run of four at once), and with four the heaviest suites, all
  // started first, starved each other's workers enough to miss their own calendars (a demo interview slot, a tally
  // within two seconds).
  maxWorkers: Number(process.env.TAHAP_TEST_WORKERS ?? 3),
  reporters: ['default', '<rootDir>/test/support/suites-in-flight.js', '<rootDir>/test/support/summary-reporter.js'],
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/{libs,apps,activities,workflows,scripts}/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: '<rootDir>/test/support/cpu-environment.js',
      transform,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // test/national and test/chaos run on their own: jest.long.config.js.
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/scale/',
        '<rootDir>/test/national/',
        '<rootDir>/test/chaos/',
      ],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Query plans over a scratch database of their own: no Temporal, API or portal build, so no global setup.
      displayName: 'scale',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/test/scale/**/*.test.ts'],
    },
  ],
};
