import {
  isAgencyRole,
  showsScoresToAgency,
  type Criterion,
  type Role,
  type StageParams,
  type StageType,
} from '../../../libs/domain';

/** The stages whose evaluators or panelists fill score sheets. */
export const SCORED_STAGE_TYPES: readonly StageType[] = ['desk-evaluation', 'interview'];

export interface StageForScores {
  type: StageType;
  status: 'pending' | 'open' | 'closed';
  params?: StageParams;
}

/**
 * Whether a caller who may see the entry reads its scores of this stage. Admins and auditors read every scored
 * stage, while it is open too. An agency reads a stage's scores only where its template says `showScoresToAgency`,
 * and only once the stage has closed: never while scoring is still going on. Nobody else reads them here.
 */
export function stageScoresVisibleTo(role: Role, stage: StageForScores): boolean {
  if (!SCORED_STAGE_TYPES.includes(stage.type)) return false;
  if (role === 'admin' || role === 'auditor') return true;
  return isAgencyRole(role) && stage.status === 'closed' && showsScoresToAgency(stage.params);
}

export interface MeanScores {
  /** Score sheets counted: the latest of each scorer. */
  sheets: number;
  /** Mean weighted score, 0–100, to two decimals. */
  weighted: number;
  /** Mean per criterion on its own scale, to two decimals, in the rubric's order. */
  criteria: { key: string; name: string; mean: number }[];
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The means of an entry's sheets in one stage: of the weighted score and of each criterion of its rubric. Nothing
 * of who scored or what they wrote. Undefined without sheets.
 */
export function meanScores(
  criteria: Pick<Criterion, 'key' | 'name'>[],
  sheets: { scores: Record<string, number>; weighted: number }[],
): MeanScores | undefined {
  if (sheets.length === 0) return undefined;
  return {
    sheets: sheets.length,
    weighted: twoDecimals(mean(sheets.map((sheet) => sheet.weighted))),
    criteria: criteria.flatMap(({ key, name }) => {
      const values = sheets
        .map((sheet) => (Object.hasOwn(sheet.scores, key) ? sheet.scores[key] : undefined))
        .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
      return values.length > 0 ? [{ key, name, mean: twoDecimals(mean(values)) }] : [];
    }),
  };
}
