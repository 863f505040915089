export * from './assignments';
export * from './desk-stage';
export * from './evaluator-queue';
export * from './evaluators';
export * from './missing-scores';
export * from './reminders';
export * from './scores';
