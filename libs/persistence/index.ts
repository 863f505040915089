export * from './audit-log';
export * from './data-source';
export * from './entities';
export * from './submission-window';
export * from './unique-violation';
export * from './shared';
