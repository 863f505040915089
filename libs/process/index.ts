export * from './orphan-guard';
export * from './parent-watch';
