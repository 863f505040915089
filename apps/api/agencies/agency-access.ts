import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { AgencyEntity } from '../../../libs/persistence';

/** The agency if the caller may act on it: admins and auditors on any, an agency on itself; others look absent. */
export async function agencyVisibleTo(
  dataSource: DataSource,
  code: string,
  principal: Principal,
): Promise<AgencyEntity> {
  const agency =
    principal.role === 'agency' && principal.agencyCode !== code
      ? null
      : await dataSource.getRepository(AgencyEntity).findOneBy({ code });
  if (!agency) throw new DomainError(ErrorCode.AgencyNotFound, `No agency with code "${code}".`);
  return agency;
}
