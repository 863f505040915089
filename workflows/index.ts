/** The workflows the worker registers; a function's name is its registered type and never changes without versioning. */
export { cycleWorkflow } from './cycle.workflow';
export { entryWorkflow } from './entry.workflow';
export { yearlyCycleWorkflow } from './yearly-cycle.workflow';
export { deliveryWorkflow } from './delivery.workflow';
export { plenaryWorkflow } from './plenary.workflow';
export { decisionCorrectionWorkflow } from './decision-correction.workflow';
export { draftRemindersWorkflow } from './draft-reminders.workflow';
