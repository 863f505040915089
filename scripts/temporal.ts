import { resolve } from 'node:path';
import { DEFAULTS } from '../libs/config';
import { ensureTemporalCli, startDevServer } from '../libs/temporal';
import { localDevServerOptions } from './local-temporal';

const PROJECT_ROOT = resolve(__dirname, '..');

/**
 * `npm run temporal -- ensure`: find the Temporal CLI or build it into .tools/bin (CI and fresh machines).
 * `npm run temporal -- start`: run only the dev server, with the data and search attributes `npm start` uses.
 */
async function main(command: string | undefined): Promise<void> {
  if (command === 'ensure') {
    const cli = ensureTemporalCli(PROJECT_ROOT);
    console.log(
      cli
        ? `Temporal CLI: ${cli}`
        : 'No Temporal CLI and no Go toolchain: the SDK will download its dev server at start.',
    );
    return;
  }
  if (command === 'start') {
    const dataDir = resolve(PROJECT_ROOT, process.env.DATA_DIR ?? DEFAULTS.dataDir);
    const server = await startDevServer(localDevServerOptions(PROJECT_ROOT, dataDir));
    console.log(`Temporal dev server at ${server.address}, UI ${server.uiUrl}. Ctrl-C stops it.`);
    const stop = () => void server.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  console.error('usage: npm run temporal -- ensure | start');
  process.exit(2);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
