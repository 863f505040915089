import { ApplicationFailure } from '@temporalio/workflow';
import type { ErrorCode } from '../libs/domain/error-codes';

/** An Update validator's refusal: the code travels to the API, which maps it to an HTTP status. */
export function reject(code: ErrorCode, message: string): never {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
}
