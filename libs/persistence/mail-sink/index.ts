export * from './mail-sink';
