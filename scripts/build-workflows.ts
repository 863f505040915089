import { resolve } from 'node:path';
import { writeWorkflowBundle } from '../libs/audit/workflow-bundle';

/**
 * `npm run build`'s workflow bundle, `dist/workflow-bundle.js`: the image's workers start from it and its API replays
 * against it (WORKFLOW_BUNDLE_PATH in the Dockerfile), so no process runs webpack at start.
 */
writeWorkflowBundle(resolve(__dirname, '..', 'dist', 'workflow-bundle.js')).then(
  (path) => console.log(`Workflow bundle written to ${path}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
