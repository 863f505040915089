// moved to libs/persistence/selection (latestSelection) and libs/domain/desk (selectionStageFor)
export { latestSelection } from '../../libs/persistence/selection';
export { selectionStageFor } from '../../libs/domain';
