import { AgencyEntity } from './agency.entity';
import { ApiKeyEntity } from './api-key.entity';
import { CycleStageEntity } from './cycle-stage.entity';
import { CycleEntity } from './cycle.entity';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { EntryAssignmentEntity } from './entry-assignment.entity';
import { EntryStageEventEntity } from './entry-stage-event.entity';
import { EntryEntity } from './entry.entity';
import { MailSinkMessageEntity } from './mail-sink-message.entity';
import { NoticeEntity } from './notice.entity';
import { ScreeningDecisionEntity } from './screening-decision.entity';
import { StageDeadlineChangeEntity } from './stage-deadline-change.entity';
import { TemplateEntity } from './template.entity';
import { UserEntity } from './user.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';

export {
  AgencyEntity,
  ApiKeyEntity,
  CycleEntity,
  CycleStageEntity,
  DeliveryAttemptEntity,
  DeliveryEntity,
  EntryAssignmentEntity,
  EntryEntity,
  EntryStageEventEntity,
  MailSinkMessageEntity,
  NoticeEntity,
  ScreeningDecisionEntity,
  StageDeadlineChangeEntity,
  TemplateEntity,
  UserEntity,
  WebhookEndpointEntity,
};
export type { CycleStatus } from './cycle.entity';
export type { StageStatus } from './cycle-stage.entity';
export type { EntryStatus } from './entry.entity';
export type { EntryStageEventKind } from './entry-stage-event.entity';
export type { ScreeningDecider, ScreeningOutcome } from './screening-decision.entity';
export type { DeliveryChannel, DeliveryStatus } from './delivery.entity';

export const ENTITIES = [
  AgencyEntity,
  ApiKeyEntity,
  CycleEntity,
  CycleStageEntity,
  DeliveryAttemptEntity,
  DeliveryEntity,
  EntryAssignmentEntity,
  EntryEntity,
  EntryStageEventEntity,
  MailSinkMessageEntity,
  NoticeEntity,
  ScreeningDecisionEntity,
  StageDeadlineChangeEntity,
  TemplateEntity,
  UserEntity,
  WebhookEndpointEntity,
];
