export * from './audit/audit-log';
export * from './data-source';
export * from './entities';
export * from './cycles/submission-window';
export * from './unique-violation';
export * from './shared';
