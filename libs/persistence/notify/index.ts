export * from './audiences.store';
export * from './deliveries.store';
export * from './notices.store';
export * from './webhook-endpoints.store';
