export * from './api-keys';
export * from './login-failures';
export * from './users';
