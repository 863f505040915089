export * from './cycle-lookup';
export * from './locks';
