/** A prebuilt workflow bundle (tests bundle once per run); unset, the worker bundles `workflows/` at start. */
export const WORKFLOW_BUNDLE_PATH = Symbol('WORKFLOW_BUNDLE_PATH');
