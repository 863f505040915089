import { DomainError, ErrorCode, isAgencyRole, type Principal } from '../../../libs/domain';
import { agencyByCode } from '../../../libs/persistence/agencies/agency-directory';
import type { AgencyEntity } from '../../../libs/persistence/entities';
import type { Db } from '../../../libs/persistence/shared';

/**
 * The agency if the caller may act on it: admins and auditors on any, an agency on itself; others look absent.
 */
export async function agencyVisibleTo(db: Db, code: string, principal: Principal): Promise<AgencyEntity> {
  const agency = isAgencyRole(principal.role) && principal.agencyCode !== code ? null : await agencyByCode(db, code);
  if (!agency) throw new DomainError(ErrorCode.AgencyNotFound, `No agency with code "${code}".`);
  return agency;
}
