export * from './launch-cycle';
export * from './template-versions';
