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
  ValidationFailed: 'REQUEST.INVALID',
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
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
