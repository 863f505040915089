import { ApplicationFailure } from '@temporalio/activity';
import { DomainError } from '../libs/domain';

/** Runs a step; a business refusal becomes a non-retryable failure carrying its error code to the caller. */
export async function refusingAsFailure<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
        details: [error.details, error.extra ?? null],
      });
    }
    throw error;
  }
}
