export * from './signal-evaluators';
