import { join } from 'node:path';
import { DEFAULTS, readPort } from '../libs/config';
import type { DevServerOptions } from '../libs/temporal';

/** The dev server `npm start` and `npm run temporal -- start` run: state under the data folder, ports from the environment. */
export function localDevServerOptions(projectRoot: string, dataDir: string): DevServerOptions {
  return {
    projectRoot,
    ip: '127.0.0.1',
    port: readPort(process.env, 'TEMPORAL_PORT', DEFAULTS.temporalPort),
    uiPort: readPort(process.env, 'TEMPORAL_UI_PORT', DEFAULTS.temporalUiPort),
    dbFile: join(dataDir, 'temporal', 'temporal.db'),
    logFile: join(dataDir, 'temporal', 'server.log'),
    log: (line) => console.log(line),
  };
}
