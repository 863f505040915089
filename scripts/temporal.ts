import { resolve } from 'node:path';
import { DEFAULTS } from '../libs/config';
import { ensureTemporalCli, ensureTemporalServer, startDevServer } from '../libs/temporal';
import { localDevServerOptions } from './local-temporal';

const PROJECT_ROOT = resolve(__dirname, '..');

/**
 * `npm run temporal -- ensure`: find the Temporal CLI or build it into .tools/bin (CI and fresh machines).
 * `npm run temporal -- ensure-server`: the same for the Temporal server and its SQL tool (`npm run stack`, the tests).
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
  if (command === 'ensure-server') {
    const started = Date.now();
    const binaries = ensureTemporalServer(PROJECT_ROOT);
    if (!binaries) throw new Error('The Temporal server is built with Go, which is not installed.');
    console.log(`Temporal server: ${binaries.server} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`Temporal SQL tool: ${binaries.sqlTool}`);
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
  console.error('usage: npm run temporal -- ensure | ensure-server | start');
  process.exit(2);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
