import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { engineBusy } from './engine-busy';

const grpcError = (code: number) => Object.assign(new Error('from the server'), { code, details: '', metadata: {} });

describe('engineBusy', () => {
  it('is true when an Update was not confirmed in time', () => {
    expect(engineBusy(new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled'))).toBe(
      true,
    );
  });

  it.each([
    [4, 'DEADLINE_EXCEEDED'],
    [8, 'RESOURCE_EXHAUSTED'],
    [14, 'UNAVAILABLE'],
  ])('is true for a Temporal call that failed with gRPC %i (%s)', (code) => {
    expect(engineBusy(new ServiceError('could not start', { cause: grpcError(code) }))).toBe(true);
  });

  it('is false for a refusal or an error nobody expected', () => {
    expect(engineBusy(new ServiceError('bad request', { cause: grpcError(3) }))).toBe(false);
    expect(engineBusy(new Error('a bug'))).toBe(false);
  });
});
