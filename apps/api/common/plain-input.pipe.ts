import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../../libs/domain';
import { plainInputProblems } from './plain-input';

/**
 * Runs before validation on every body, query and parameter: refuses text PostgreSQL cannot store and keys that
 * shadow built-in object properties, which the class validator would let through unnoticed.
 */
@Injectable()
export class PlainInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const issues = plainInputProblems(value);
    if (issues.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `Request is invalid: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
        issues,
      );
    }
    return value;
  }
}
