export * from './objections.store';
export * from './selection.store';
