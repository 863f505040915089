export * from './assignments';
export * from './entries';
export * from './entry-lists';
export * from './entry-outcomes';
export * from './entry-workflow-input';
export * from './lineage';
export * from './stage-events';
export * from './settled-outcomes';
