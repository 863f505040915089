export * from './notice-drafts';
export * from './outbox';
export * from './webhook-address';
export * from './webhook-client';
export { bookingCalendarFile } from './interview-notice-drafts';
