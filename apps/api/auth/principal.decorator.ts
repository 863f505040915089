import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '../../../libs/domain';

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The caller the AccessGuard established; only on routes that are not public. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().principal!;
});
