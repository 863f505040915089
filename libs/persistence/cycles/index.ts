export * from './cycles';
export * from './stages';
export * from './submission-window';
export * from './templates';
