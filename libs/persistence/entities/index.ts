import { AgencyEntity } from './agency.entity';
import { ApiKeyEntity } from './api-key.entity';
import { CycleStageEntity } from './cycle-stage.entity';
import { CycleEntity } from './cycle.entity';
import { EntryAssignmentEntity } from './entry-assignment.entity';
import { EntryStageEventEntity } from './entry-stage-event.entity';
import { EntryEntity } from './entry.entity';
import { NoticeEntity } from './notice.entity';
import { ScreeningDecisionEntity } from './screening-decision.entity';
import { StageDeadlineChangeEntity } from './stage-deadline-change.entity';
import { TemplateEntity } from './template.entity';
import { UserEntity } from './user.entity';

export {
  AgencyEntity,
  ApiKeyEntity,
  CycleEntity,
  CycleStageEntity,
  EntryAssignmentEntity,
  EntryEntity,
  EntryStageEventEntity,
  NoticeEntity,
  ScreeningDecisionEntity,
  StageDeadlineChangeEntity,
  TemplateEntity,
  UserEntity,
};
export type { CycleStatus } from './cycle.entity';
export type { StageStatus } from './cycle-stage.entity';
export type { EntryStatus } from './entry.entity';
export type { EntryStageEventKind } from './entry-stage-event.entity';
export type { ScreeningDecider, ScreeningOutcome } from './screening-decision.entity';

export const ENTITIES = [
  AgencyEntity,
  ApiKeyEntity,
  CycleEntity,
  CycleStageEntity,
  EntryAssignmentEntity,
  EntryEntity,
  EntryStageEventEntity,
  NoticeEntity,
  ScreeningDecisionEntity,
  StageDeadlineChangeEntity,
  TemplateEntity,
  UserEntity,
];
