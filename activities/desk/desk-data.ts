// moved to libs/persistence/desk
export { assignableEntries, assignableEvaluators } from '../../libs/persistence/desk';
