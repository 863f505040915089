export * from './icalendar';
export * from './slots';
export * from './allocation';
