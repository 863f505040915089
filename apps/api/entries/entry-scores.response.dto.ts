import { ApiProperty } from '@nestjs/swagger';

/** The mean of one rubric criterion over the stage's score sheets. */
export class CriterionMeanDto {
  @ApiProperty({ example: 'kebaruan', description: 'Criterion key from the rubric' })
  key: string;

  @ApiProperty({ example: 'Kebaruan/Inovatif', description: 'Criterion name from the rubric' })
  name: string;

  @ApiProperty({ example: 72.5, description: 'Mean on the criterion’s own scale, to two decimals' })
  mean: number;
}

/** An entry's scores in one scored stage: means only, never who scored or what they wrote. */
export class StageScoresDto {
  @ApiProperty({ example: 'evaluasi-desk' })
  stageKey: string;

  @ApiProperty({ example: 'Evaluasi Desk' })
  stageName: string;

  @ApiProperty({ enum: ['desk-evaluation', 'interview'] })
  stageType: 'desk-evaluation' | 'interview';

  @ApiProperty({ example: 2, description: 'Score sheets counted: the latest of each evaluator or panelist' })
  sheets: number;

  @ApiProperty({ example: 71.25, description: 'Mean weighted score, 0–100, to two decimals' })
  weighted: number;

  @ApiProperty({ type: [CriterionMeanDto], description: 'In the rubric’s order' })
  criteria: CriterionMeanDto[];
}
