import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const PROJECT_ROOT = resolve(__dirname, '..');

/** Builds the portal with Vite into `outDir` (a few seconds); `npm start` and the test setup call it, as `npm run build` does. */
export async function buildWeb(outDir: string): Promise<void> {
  const vite = resolve(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await promisify(execFile)(process.execPath, [vite, 'build', '--logLevel', 'warn', '-c', 'apps/web/vite.config.mts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WEB_BUILD_DIR: outDir },
  });
}
