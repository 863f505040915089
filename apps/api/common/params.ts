import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../libs/domain';

/** A whole-number path or query parameter; the error names it. */
export const wholeNumber = (name: string) =>
  new ParseIntPipe({
    exceptionFactory: () =>
      new DomainError(ErrorCode.ValidationFailed, `${name} must be a whole number.`, [
        { path: name, message: 'must be a whole number' },
      ]),
  });

/** An entry id that is not a UUID names no entry: 404, as for an entry the caller may not see. */
export const entryIdParam = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.EntryNotFound, 'No such entry.') });
