import 'reflect-metadata';
import { loadAuthConfig, loadConfig } from '../../libs/config';
import { bootstrapApi } from './bootstrap';

Promise.resolve()
  .then(() => bootstrapApi(loadConfig(), loadAuthConfig()))
  .then((app) => app.enableShutdownHooks())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
