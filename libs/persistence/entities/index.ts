import { AgencyEntity } from './agency.entity';
import { CycleStageEntity } from './cycle-stage.entity';
import { CycleEntity } from './cycle.entity';
import { EntryStageEventEntity } from './entry-stage-event.entity';
import { EntryEntity } from './entry.entity';
import { TemplateEntity } from './template.entity';

export { AgencyEntity, CycleEntity, CycleStageEntity, EntryEntity, EntryStageEventEntity, TemplateEntity };
export type { CycleStatus } from './cycle.entity';
export type { StageStatus } from './cycle-stage.entity';
export type { EntryStatus } from './entry.entity';
export type { EntryStageEventKind } from './entry-stage-event.entity';

export const ENTITIES = [
  AgencyEntity,
  CycleEntity,
  CycleStageEntity,
  EntryEntity,
  EntryStageEventEntity,
  TemplateEntity,
];
