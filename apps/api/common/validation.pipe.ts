import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldIssue } from '../../../libs/domain';

/** Each failed rule of a validated object as a field issue, nested fields named by their path. */
export function fieldIssuesOf(errors: ValidationError[], prefix = ''): FieldIssue[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...fieldIssuesOf(error.children ?? [], path)];
  });
}

/** Request bodies are checked at the edge; unknown fields are refused, and the message names each bad field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = fieldIssuesOf(errors);
      return new DomainError(
        ErrorCode.ValidationFailed,
        `Request is invalid: ${details.map((issue) => issue.message).join('; ')}`,
        details,
      );
    },
  });
}
