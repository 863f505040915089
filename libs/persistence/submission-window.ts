// moved to libs/persistence/cycles/submission-window.ts
export * from './cycles/submission-window';
