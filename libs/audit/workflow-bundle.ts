import type { Logger } from '@temporalio/common';
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ReplayBundle } from './replay';

/** Webpack's progress is noise for auditors; its warnings and errors are not. */
export const quietBundler: Logger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};

let built: Promise<ReplayBundle> | undefined;

/**
 * The workflow code replays are judged against: the production bundle file when one is configured
 * (WORKFLOW_BUNDLE_PATH, what the workers run), else today's workflows/ bundled once per process.
 */
export function productionBundle(bundlePath?: string): Promise<ReplayBundle> {
  if (bundlePath) return Promise.resolve({ codePath: bundlePath });
  built ??= bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietBundler });
  return built;
}

/**
 * Bundles today's `workflows/` into one file, for WORKFLOW_BUNDLE_PATH: workers that start from it skip webpack (a
 * restarted worker is polling seconds sooner), and replays judge histories against the very code the workers run.
 */
export async function writeWorkflowBundle(path: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: quietBundler,
  });
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  return path;
}
