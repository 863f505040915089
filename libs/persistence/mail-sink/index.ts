export * from './mail-sink.store';
