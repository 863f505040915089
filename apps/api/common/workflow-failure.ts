import {
  ActivityFailure,
  ApplicationFailure,
  WorkflowFailedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ErrorCode, type FieldIssue } from '../../../libs/domain';

const CODES = new Set<string>(Object.values(ErrorCode));

/** A refusal a workflow step chose to tell the client: its code, words, field issues and extra facts. */
export interface WorkflowRefusal {
  code: ErrorCode;
  message: string;
  details: FieldIssue[];
  extra: Record<string, unknown>;
}

/**
 * What an Update or a workflow the API ran to its end failed with. A validator's refusal is the cause itself; an
 * activity's refusal inside the handler is wrapped once more. Only a failure typed with one of Tahap's error codes
 * is a refusal for the client (`told`); any other failure of a step is ours to look into (`failure`), and its
 * words, which may name hosts, tables or ids, go to the log only. Undefined for errors that are neither.
 */
export function workflowFailure(
  error: unknown,
): { told: WorkflowRefusal } | { failure: ApplicationFailure } | undefined {
  const failed = error instanceof WorkflowUpdateFailedError || error instanceof WorkflowFailedError;
  if (!failed) return undefined;
  const cause = error.cause instanceof ActivityFailure ? error.cause.cause : error.cause;
  if (!(cause instanceof ApplicationFailure)) return undefined;
  if (!cause.type || !CODES.has(cause.type)) return { failure: cause };
  // Activities send their refusal's field issues and extra facts as the failure's details (see refusingAsFailure).
  const [details, extra] = (cause.details ?? []) as [FieldIssue[] | undefined, Record<string, unknown> | null];
  return {
    told: { code: cause.type as ErrorCode, message: cause.message, details: details ?? [], extra: extra ?? {} },
  };
}
