export * from './final-score';
export * from './ranking';
export * from './plenary-rules';
export * from './decision-document';
export { formatDecimal, roundHalfAwayFromZero } from './decimal';
export { instantId, dateId, scoreId } from './indonesian-text';
export * from './correction';
