import type { StageType } from '../../libs/domain';
import { announcementStage } from './announcement';
import { deskEvaluation } from './desk-evaluation';
import { interviewStage } from './interview';
import { objectionStage } from './objection';
import { plenaryStage } from './plenary';
import { screeningStage } from './screening';
import { selectionStage } from './selection';
import type { CycleRun, StageKind } from './stage-kind';

/**
 * Every stage type's steps, for one cycle. Called once when the cycle starts: kinds that take Updates (uji publik's
 * resolutions) install their handlers then. The record's type makes the compiler refuse a stage type without a kind.
 */
export function stageKinds(cycle: CycleRun): Record<StageType, StageKind> {
  return {
    submission: {},
    screening: screeningStage,
    'desk-evaluation': deskEvaluation,
    selection: selectionStage,
    objection: objectionStage(cycle),
    interview: interviewStage,
    // Visits are planned and recorded through the API while the stage is open; the cycle only opens and closes it.
    'field-verification': {},
    plenary: plenaryStage,
    announcement: announcementStage,
  };
}
