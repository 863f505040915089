// moved to libs/notify/notice-drafts.ts
export * from '../../libs/notify/notice-drafts';
