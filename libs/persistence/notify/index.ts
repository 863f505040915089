export * from './audiences';
export * from './deliveries';
export * from './notices';
export * from './webhook-endpoints';
export * from './cycle-deliveries';
