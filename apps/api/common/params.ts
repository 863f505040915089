import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../libs/domain';

const notWhole = (name: string) =>
  new DomainError(ErrorCode.ValidationFailed, `${name} must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}.`, [
    { path: name, message: 'must be a whole number' },
  ]);

/** A positive whole-number path or query parameter that fits the database's ids; the error names it. */
export const wholeNumber = (name: string) => ({
  transform(value: unknown): number {
    // The global validation pipe may already have turned the text into a number.
    const text = typeof value === 'number' ? String(value) : value;
    const parsed = typeof text === 'string' && /^\d{1,16}$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < 1) throw notWhole(name);
    return parsed;
  },
});

/** An entry id that is not a UUID names no entry: 404, as for an entry the caller may not see. */
export const entryIdParam = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.EntryNotFound, 'No such entry.') });

/** A user id that is not a UUID names no account: 404. */
export const userIdParam = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.UserNotFound, 'No such account.') });
