import { ConfigError, loadConfig } from './config';

const BASE = { DATABASE_URL: 'postgres://tahap@db:5432/tahap', TEMPORAL_ADDRESS: 'temporal:7233' };

describe('loadConfig', () => {
  it('fills the defaults around the two required addresses', () => {
    expect(loadConfig(BASE)).toEqual({
      databaseUrl: BASE.DATABASE_URL,
      temporalAddress: BASE.TEMPORAL_ADDRESS,
      temporalNamespace: 'default',
      taskQueue: 'tahap',
      apiHost: '127.0.0.1',
      apiPort: 3000,
      workflowBundlePath: undefined,
      logLevel: 'log',
    });
  });

  it.each([
    [{ TEMPORAL_ADDRESS: 'temporal:7233' }, /DATABASE_URL is not set/],
    [{ ...BASE, DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ ...BASE, TEMPORAL_ADDRESS: 'temporal' }, /TEMPORAL_ADDRESS must be host:port, got "temporal"/],
    [{ ...BASE, API_PORT: '70000' }, /API_PORT must be a TCP port between 0 and 65535, got "70000"/],
    [{ ...BASE, LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of error, warn, log, debug/],
  ])('refuses %p naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
