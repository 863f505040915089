import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError, ErrorCode, type Principal, type Role } from '../../../libs/domain';
import { ALLOWED_ROLES } from './access.decorator';
import { CredentialsService } from './credentials.service';

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Deny by default: who may call a route is declared on it with @Allow; an auditor never writes. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<(Role | 'public')[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    if (!allowed) {
      this.logger.error(`${request.method} ${request.path} declares no roles; refused to everyone`);
      throw new DomainError(ErrorCode.AuthForbidden, 'This route is not open to anyone.');
    }
    if (allowed.includes('public')) return true;

    const principal = await this.credentials.principalOf(request);
    request.principal = principal;
    if (principal.role === 'auditor' && !READ_METHODS.has(request.method)) {
      throw new DomainError(ErrorCode.AuthForbidden, 'Auditors read everything and change nothing.');
    }
    if (!allowed.includes(principal.role)) {
      throw new DomainError(
        ErrorCode.AuthForbidden,
        `This is for ${allowed.join(', ')}; you are signed in as ${principal.role}.`,
      );
    }
    return true;
  }
}
