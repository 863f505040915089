import 'reflect-metadata';
import { loadConfig } from '../../libs/config';
import { bootstrapWorker } from './bootstrap';

bootstrapWorker(loadConfig())
  .then((app) => app.enableShutdownHooks())
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
