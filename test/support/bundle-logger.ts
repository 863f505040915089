/** For bundleWorkflowCode in tests: the same quiet logger auditors' replays bundle with. */
export { quietBundler as bundleLogger } from '../../libs/audit/workflow-bundle';
