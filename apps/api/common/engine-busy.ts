import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** How long a person is asked to wait before sending again (the answer's Retry-After). */
export const BUSY_RETRY_SECONDS = 5;

/** gRPC answers of a Temporal server that is up but overloaded or briefly unreachable. */
const TRANSIENT_GRPC_CODES = new Set([
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED
  14, // UNAVAILABLE
]);

/**
 * Whether Temporal did not take a request in time: a load peak (a stage opening for thousands of entries), not a
 * fault in the request or in Tahap.
 */
export function engineBusy(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && TRANSIENT_GRPC_CODES.has(cause.code);
}

/** The answer to a busy engine. An Update may still be applied after it, so the person looks before sending again. */
export const ENGINE_BUSY = {
  statusCode: 503,
  code: 'ENGINE.BUSY',
  message:
    'The engine is busy and did not confirm this in time. Wait a moment, reload to see whether it was recorded, and send it again if not.',
  details: [],
};
