/** The stage types the engine knows. A template lists stages of these types; a new kind of stage is added here once. */
export const STAGE_TYPES = [
  'submission',
  'screening',
  'desk-evaluation',
  'selection',
  'objection',
  'interview',
  'field-verification',
  'plenary',
  'announcement',
] as const;

export type StageType = (typeof STAGE_TYPES)[number];

export function isStageType(value: unknown): value is StageType {
  return typeof value === 'string' && (STAGE_TYPES as readonly string[]).includes(value);
}
