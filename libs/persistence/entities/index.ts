import { CycleEvaluatorEntity } from './cycle-evaluator.entity';
import { DeskAssignmentEntity } from './desk-assignment.entity';
import { DeskResultEntity } from './desk-result.entity';
import { DeskScoreEntity } from './desk-score.entity';
import { ObjectionEntity } from './objection.entity';
import { SelectionEntity } from './selection.entity';
import { SelectionOutcomeEntity } from './selection-outcome.entity';
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
import { InterviewPanelEntity } from './interview-panel.entity';
import { InterviewPanelistEntity } from './interview-panelist.entity';
import { InterviewUnavailableDayEntity } from './interview-unavailable-day.entity';
import { InterviewSlotEntity } from './interview-slot.entity';
import { InterviewBookingEntity } from './interview-booking.entity';
import { InterviewBookingEventEntity } from './interview-booking-event.entity';
import { InterviewUnplacedEntity } from './interview-unplaced.entity';
import { InterviewScoreEntity } from './interview-score.entity';

export {
  CycleEvaluatorEntity,
  DeskAssignmentEntity,
  DeskResultEntity,
  DeskScoreEntity,
  ObjectionEntity,
  SelectionEntity,
  SelectionOutcomeEntity,
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
  InterviewPanelEntity,
  InterviewPanelistEntity,
  InterviewUnavailableDayEntity,
  InterviewSlotEntity,
  InterviewBookingEntity,
  InterviewBookingEventEntity,
  InterviewUnplacedEntity,
  InterviewScoreEntity,
};
export type { CycleStatus } from './cycle.entity';
export type { StageStatus } from './cycle-stage.entity';
export type { EntryStatus } from './entry.entity';
export type { EntryStageEventKind } from './entry-stage-event.entity';
export type { ScreeningDecider, ScreeningOutcome } from './screening-decision.entity';
export type { DeliveryChannel, DeliveryStatus } from './delivery.entity';
export type { DeskResultEvaluator } from './desk-result.entity';
export { OBJECTION_STATUSES, type ObjectionStatus } from './objection.entity';
export type { InterviewAttendance } from './interview-booking.entity';

export const ENTITIES = [
  CycleEvaluatorEntity,
  DeskAssignmentEntity,
  DeskResultEntity,
  DeskScoreEntity,
  ObjectionEntity,
  SelectionEntity,
  SelectionOutcomeEntity,
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
  InterviewPanelEntity,
  InterviewPanelistEntity,
  InterviewUnavailableDayEntity,
  InterviewSlotEntity,
  InterviewBookingEntity,
  InterviewBookingEventEntity,
  InterviewUnplacedEntity,
  InterviewScoreEntity,
];
