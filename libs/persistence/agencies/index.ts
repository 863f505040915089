export * from './agency-directory';
