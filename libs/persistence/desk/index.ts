export * from './assignments.store';
export * from './desk-stage.store';
export * from './evaluators.store';
export * from './missing-scores.store';
export * from './reminders.store';
export * from './scores.store';
export * from './entries.store';
