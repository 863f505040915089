/** What the jest global setup started, passed to test files through the environment. */
export const TEST_ENV = {
  temporalAddress: 'TAHAP_TEST_TEMPORAL_ADDRESS',
  databaseUrl: 'TAHAP_TEST_DATABASE_URL',
  workflowBundle: 'TAHAP_TEST_WORKFLOW_BUNDLE',
  scratch: 'TAHAP_TEST_SCRATCH',
  smtpUrl: 'TAHAP_TEST_SMTP_URL',
  build: 'TAHAP_TEST_BUILD',
  /**
   * JSON: each shared pair by its task queue (`shared-1`): where its API listens and the API's and the worker's
   * process ids (read by cpu-environment.js too).
   */
  sharedPairs: 'TAHAP_TEST_SHARED_PAIRS',
} as const;

export function testEnv(name: keyof typeof TEST_ENV): string {
  const value = process.env[TEST_ENV[name]];
  if (!value)
    throw new Error(`${TEST_ENV[name]} is unset: integration suites run through jest's global setup (npm test).`);
  return value;
}
