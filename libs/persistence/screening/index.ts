export * from './screening.store';
