export * from './icalendar';
export * from './slots';
export * from './allocation';
export * from './cut-off';
export * from './agency-presence';
export * from './interview-score';
