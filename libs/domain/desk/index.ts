export * from './assignment';
export * from './aggregation';
export * from './selection';
export * from './selection-stages';
