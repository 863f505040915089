import type { Logger } from '@temporalio/common';

/** For bundleWorkflowCode in tests: webpack's progress is noise, its warnings and errors are not. */
export const bundleLogger: Logger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};
