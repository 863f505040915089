export * from './client';
export * from './dev-server';
export * from './free-port';
export * from './temporal-cli';
export * from './temporal-server';
