// moved to libs/persistence/audit/audit-log.ts
export * from './audit/audit-log';
