import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../libs/domain';

export const ALLOWED_ROLES = 'tahap:allowed-roles';

/**
 * The roles that may call a route. Every route declares it; a route without it is refused to everyone
 * (deny by default). `'public'` opens a route to callers without credentials.
 */
export const Allow = (...roles: (Role | 'public')[]) => SetMetadata(ALLOWED_ROLES, roles);
