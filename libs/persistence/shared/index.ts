export * from './cycle-lookup';
export * from './locks';
export * from './db';
