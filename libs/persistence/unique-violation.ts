import { QueryFailedError } from 'typeorm';

/** PostgreSQL's unique_violation: a natural key or idempotency key already taken. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}
