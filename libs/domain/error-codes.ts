/**
 * One error vocabulary for the whole system. Codes survive process boundaries: an activity throws
 * `ApplicationFailure` with `type` set to a code, the API maps the same code to an HTTP status.
 */
export const ErrorCode = {
  TemplateInvalid: 'TEMPLATE.INVALID',
  TemplateNotFound: 'TEMPLATE.NOT_FOUND',
  CycleExists: 'CYCLE.EXISTS',
  CycleNotFound: 'CYCLE.NOT_FOUND',
  CycleCalendarPast: 'CYCLE.CALENDAR_PAST',
  StageNotOpen: 'STAGE.NOT_OPEN',
  StageAlreadyClosed: 'STAGE.ALREADY_CLOSED',
  RegistrationNotOpen: 'REGISTRATION.NOT_OPEN',
  RegistrationClosed: 'REGISTRATION.CLOSED',
  RegistrationDuplicate: 'REGISTRATION.DUPLICATE',
  EntryNotFound: 'ENTRY.NOT_FOUND',
  AgencyNotFound: 'AGENCY.NOT_FOUND',
  AgencyExists: 'AGENCY.EXISTS',
  AgencyImportInvalid: 'AGENCY.IMPORT_INVALID',
  ValidationFailed: 'REQUEST.INVALID',
  /** A body of a media type the route does not take (each route takes JSON, the agency import CSV). */
  BodyTypeUnsupported: 'REQUEST.UNSUPPORTED_TYPE',
  BodyTooLarge: 'REQUEST.TOO_LARGE',
  AuthRequired: 'AUTH.REQUIRED',
  AuthInvalidCredentials: 'AUTH.INVALID_CREDENTIALS',
  AuthForbidden: 'AUTH.FORBIDDEN',
  AuthTooManyAttempts: 'AUTH.TOO_MANY_ATTEMPTS',
  AuthAccountDisabled: 'AUTH.ACCOUNT_DISABLED',
  UserNotFound: 'USER.NOT_FOUND',
  OwnAccount: 'USER.OWN_ACCOUNT',
  UserExists: 'USER.EXISTS',
  ApiKeyNotFound: 'API_KEY.NOT_FOUND',
  CyclePaused: 'CYCLE.PAUSED',
  CycleNotPaused: 'CYCLE.NOT_PAUSED',
  CycleStartInvalid: 'CYCLE.START_INVALID',
  StageDeadlineInvalid: 'STAGE.DEADLINE_INVALID',
  StageNotFound: 'STAGE.NOT_FOUND',
  StageAlreadyOpen: 'STAGE.ALREADY_OPEN',
  StageNotNext: 'STAGE.NOT_NEXT',
  StageWindowClash: 'STAGE.WINDOW_CLASH',
  ConcurrentChange: 'REQUEST.CONCURRENT_CHANGE',
  RegistrationIneligible: 'REGISTRATION.INELIGIBLE',
  /** An innovation entered again that the template refuses for what it achieved in earlier years. */
  RegistrationNotEligible: 'REGISTRATION.NOT_ELIGIBLE',
  IdempotencyKeyReused: 'REGISTRATION.IDEMPOTENCY_KEY_REUSED',
  EntryNotEditable: 'ENTRY.NOT_EDITABLE',
  DraftNotFound: 'DRAFT.NOT_FOUND',
  DraftWrongState: 'DRAFT.WRONG_STATE',
  ScreeningNotOpen: 'SCREENING.NOT_OPEN',
  RepetitionNotFound: 'REPETITION.NOT_FOUND',
  NoticeNotFound: 'NOTICE.NOT_FOUND',
  WebhookUrlRefused: 'WEBHOOK.URL_REFUSED',
  WebhookNotFound: 'WEBHOOK.NOT_FOUND',
  MailNotFound: 'MAIL.NOT_FOUND',
  ScoreInvalid: 'DESK.SCORE_INVALID',
  NotAssigned: 'DESK.NOT_ASSIGNED',
  EvaluatorConflict: 'DESK.CONFLICT_OF_INTEREST',
  EvaluatorNotFound: 'DESK.EVALUATOR_NOT_FOUND',
  SelectionNotReady: 'SELECTION.NOT_READY',
  NotANominee: 'OBJECTION.NOT_A_NOMINEE',
  ObjectionNotFound: 'OBJECTION.NOT_FOUND',
  ObjectionResolved: 'OBJECTION.ALREADY_RESOLVED',
  ObjectionLimit: 'OBJECTION.TOO_MANY',
  ObjectionNotConfirmed: 'OBJECTION.NOT_CONFIRMED',
  SlotTaken: 'INTERVIEW.SLOT_TAKEN',
  SlotNotFound: 'INTERVIEW.SLOT_NOT_FOUND',
  SlotUnfit: 'INTERVIEW.SLOT_UNFIT',
  CutOffPassed: 'INTERVIEW.CUT_OFF_PASSED',
  NotBooked: 'INTERVIEW.NOT_BOOKED',
  NotOnPanel: 'INTERVIEW.NOT_ON_PANEL',
  PanelNotFound: 'INTERVIEW.PANEL_NOT_FOUND',
  ScheduleFixed: 'INTERVIEW.SCHEDULE_FIXED',
  AttendanceRecorded: 'INTERVIEW.ATTENDANCE_RECORDED',
  FieldVisitNotFound: 'FIELD_VISIT.NOT_FOUND',
  FieldVisitAlreadyRecorded: 'FIELD_VISIT.ALREADY_RECORDED',
  FieldVisitNoEligibleVisitor: 'FIELD_VISIT.NO_ELIGIBLE_VISITOR',
  WorkflowNotFound: 'AUDIT.WORKFLOW_NOT_FOUND',
  EventNotInHistory: 'AUDIT.EVENT_NOT_IN_HISTORY',
  PlenaryNotOpen: 'PLENARY.NOT_OPEN',
  PlenaryNotFound: 'PLENARY.NOT_FOUND',
  PlenaryNotMember: 'PLENARY.NOT_A_MEMBER',
  PlenaryNotPresent: 'PLENARY.NOT_PRESENT',
  PlenaryNoQuorum: 'PLENARY.NO_QUORUM',
  PlenaryNotAdopted: 'PLENARY.NOT_ADOPTED',
  OverrideInvalid: 'PLENARY.OVERRIDE_INVALID',
  OverrideNotFound: 'PLENARY.OVERRIDE_NOT_FOUND',
  OverrideClosed: 'PLENARY.OVERRIDE_CLOSED',
  DecisionNotFound: 'PLENARY.DECISION_NOT_FOUND',
  DecisionSuperseded: 'PLENARY.DECISION_SUPERSEDED',
  CorrectionInvalid: 'PLENARY.CORRECTION_INVALID',
  ResultsNotAnnounced: 'PLENARY.NOT_ANNOUNCED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A problem with one field of a request or document; `path` names the field as a person would find it. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
    /** Facts a caller can act on besides the message, e.g. the free slots to choose from instead. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
