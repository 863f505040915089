export * from './field-visits';
