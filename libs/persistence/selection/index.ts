export * from './objections';
export * from './selection';
