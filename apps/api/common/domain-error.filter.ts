import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Response } from 'express';
import { DomainError, ErrorCode, type FieldIssue } from '../../../libs/domain';
import { BUSY_RETRY_SECONDS, ENGINE_BUSY, engineBusy } from './engine-busy';
import { workflowFailure } from './workflow-failure';

const STATUS_BY_CODE: Record<ErrorCode, HttpStatus> = {
  [ErrorCode.TemplateInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.TemplateNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.CycleExists]: HttpStatus.CONFLICT,
  [ErrorCode.CycleNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.CycleCalendarPast]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.StageNotOpen]: HttpStatus.CONFLICT,
  [ErrorCode.StageAlreadyClosed]: HttpStatus.CONFLICT,
  [ErrorCode.RegistrationNotOpen]: HttpStatus.CONFLICT,
  [ErrorCode.RegistrationClosed]: HttpStatus.CONFLICT,
  [ErrorCode.RegistrationDuplicate]: HttpStatus.CONFLICT,
  [ErrorCode.EntryNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.AgencyNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.AgencyExists]: HttpStatus.CONFLICT,
  [ErrorCode.AgencyImportInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [ErrorCode.BodyTypeUnsupported]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.BodyTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.AuthRequired]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.AuthInvalidCredentials]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.AuthForbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.AuthTooManyAttempts]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.AuthAccountDisabled]: HttpStatus.FORBIDDEN,
  [ErrorCode.UserNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.OwnAccount]: HttpStatus.CONFLICT,
  [ErrorCode.UserExists]: HttpStatus.CONFLICT,
  [ErrorCode.ApiKeyNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.StageWindowClash]: HttpStatus.CONFLICT,
  [ErrorCode.CyclePaused]: HttpStatus.CONFLICT,
  [ErrorCode.CycleNotPaused]: HttpStatus.CONFLICT,
  [ErrorCode.CycleStartInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.StageDeadlineInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.StageNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.StageAlreadyOpen]: HttpStatus.CONFLICT,
  [ErrorCode.StageNotNext]: HttpStatus.CONFLICT,
  [ErrorCode.ConcurrentChange]: HttpStatus.CONFLICT,
  [ErrorCode.RegistrationIneligible]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.RegistrationNotEligible]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.EntryNotEditable]: HttpStatus.CONFLICT,
  [ErrorCode.DraftNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.DraftWrongState]: HttpStatus.CONFLICT,
  [ErrorCode.ScreeningNotOpen]: HttpStatus.CONFLICT,
  [ErrorCode.RepetitionNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.NoticeNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.WebhookUrlRefused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.WebhookNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.MailNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ScoreInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.NotAssigned]: HttpStatus.FORBIDDEN,
  [ErrorCode.EvaluatorConflict]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.EvaluatorNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.SelectionNotReady]: HttpStatus.CONFLICT,
  [ErrorCode.NotANominee]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.ObjectionNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ObjectionResolved]: HttpStatus.CONFLICT,
  [ErrorCode.ObjectionLimit]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.ObjectionNotConfirmed]: HttpStatus.CONFLICT,
  [ErrorCode.SlotTaken]: HttpStatus.CONFLICT,
  [ErrorCode.SlotNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.SlotUnfit]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.CutOffPassed]: HttpStatus.CONFLICT,
  [ErrorCode.NotBooked]: HttpStatus.CONFLICT,
  [ErrorCode.NotOnPanel]: HttpStatus.FORBIDDEN,
  [ErrorCode.PanelNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ScheduleFixed]: HttpStatus.CONFLICT,
  [ErrorCode.AttendanceRecorded]: HttpStatus.CONFLICT,
  [ErrorCode.FieldVisitNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.FieldVisitAlreadyRecorded]: HttpStatus.CONFLICT,
  [ErrorCode.FieldVisitNoEligibleVisitor]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.WorkflowNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.EventNotInHistory]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.PlenaryNotOpen]: HttpStatus.CONFLICT,
  [ErrorCode.PlenaryNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.PlenaryNotMember]: HttpStatus.FORBIDDEN,
  [ErrorCode.PlenaryNotPresent]: HttpStatus.CONFLICT,
  [ErrorCode.PlenaryNoQuorum]: HttpStatus.CONFLICT,
  [ErrorCode.PlenaryNotAdopted]: HttpStatus.CONFLICT,
  [ErrorCode.OverrideInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.OverrideNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.OverrideClosed]: HttpStatus.CONFLICT,
  [ErrorCode.DecisionNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.DecisionSuperseded]: HttpStatus.CONFLICT,
  [ErrorCode.CorrectionInvalid]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.ResultsNotAnnounced]: HttpStatus.CONFLICT,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: FieldIssue[];
  [fact: string]: unknown;
}

/** The one place where error codes become HTTP: domain errors, Update rejections from workflows, and Nest's own. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const body = this.toBody(error);
    const response = host.switchToHttp().getResponse<Response>();
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE)
      response.setHeader('Retry-After', String(BUSY_RETRY_SECONDS));
    if (typeof body.retryAfterSeconds === 'number') response.setHeader('Retry-After', String(body.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof DomainError) {
      return {
        statusCode: STATUS_BY_CODE[error.code],
        code: error.code,
        message: error.message,
        details: error.details,
        ...error.extra,
      };
    }
    const fromWorkflow = workflowFailure(error);
    if (fromWorkflow && 'told' in fromWorkflow) {
      const { code, message, details, extra } = fromWorkflow.told;
      return { statusCode: STATUS_BY_CODE[code], code, message, details, ...extra };
    }
    if (error instanceof WorkflowNotFoundError) {
      // An Update raced the workflow's end (a stage or cycle that just finished): nothing can change any more.
      return {
        statusCode: HttpStatus.CONFLICT,
        code: 'WORKFLOW.FINISHED',
        message: 'It has already finished; nothing can be changed any more.',
        details: [],
      };
    }
    if (engineBusy(error)) {
      this.logger.warn(`Temporal did not answer in time: ${(error as Error).message}`);
      return ENGINE_BUSY;
    }
    if (error instanceof HttpException) {
      const statusCode = error.getStatus();
      return { statusCode, code: `HTTP.${statusCode}`, message: error.message, details: [] };
    }
    // Anything else, a workflow step's own failure included, is ours to look into: its words stay in the log.
    const logged = fromWorkflow ? fromWorkflow.failure : error;
    this.logger.error(logged instanceof Error ? (logged.stack ?? logged.message) : String(logged));
    return INTERNAL;
  }
}

/** What the client is told of a failure that is not a refusal it can act on. */
export const INTERNAL: ErrorBody = {
  statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
  code: 'INTERNAL',
  message: 'Something went wrong on our side; it has been logged.',
  details: [],
};
