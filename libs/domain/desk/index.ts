export * from './assignment';
export * from './aggregation';
export * from './selection';
