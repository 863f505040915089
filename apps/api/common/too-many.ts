import { DomainError, formatInZone, type ErrorCode } from '../../../libs/domain';

/**
 * A refusal for now, not for good: says until when (in WIB) and carries `retryAfterSeconds`, which the error filter
 * sends as `Retry-After` (at least one second).
 */
export function tooMany(code: ErrorCode, what: string, retryAt: Date, now: Date): DomainError {
  return new DomainError(code, `${what}; try again after ${formatInZone(retryAt, 'WIB')}.`, [], {
    retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)),
  });
}
