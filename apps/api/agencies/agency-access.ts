import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { agencyByCode } from '../../../libs/persistence/agencies/agency-directory';
import type { AgencyEntity } from '../../../libs/persistence/entities';
import type { Db } from '../../../libs/persistence/shared';

/**
 * The agency if the caller may act on it: admins and auditors on any, an agency on itself; others look absent.
 * `{ manager }` (a data source) is taken until every caller holds a Db.
 */
export async function agencyVisibleTo(
  db: Db | { manager: Db },
  code: string,
  principal: Principal,
): Promise<AgencyEntity> {
  const manager = 'manager' in db ? db.manager : db;
  const agency =
    principal.role === 'agency' && principal.agencyCode !== code ? null : await agencyByCode(manager, code);
  if (!agency) throw new DomainError(ErrorCode.AgencyNotFound, `No agency with code "${code}".`);
  return agency;
}
