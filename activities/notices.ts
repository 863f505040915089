import type { EntityManager } from 'typeorm';
import type { NoticeText } from '../libs/domain';
import { NoticeEntity, type AgencyEntity } from '../libs/persistence';

/**
 * Puts one notice per agency into the in-app inbox. The key (workflow id plus event) is unique per agency, so
 * a retried activity adds nothing. Issue 7's notify activity adds e-mail and webhooks behind the same key.
 */
export async function writeNotices(
  tx: EntityManager,
  key: string,
  kind: string,
  agencies: AgencyEntity[],
  render: (agency: AgencyEntity) => NoticeText,
): Promise<void> {
  if (agencies.length === 0) return;
  const rows = agencies.map((agency) => ({
    key,
    kind,
    agencyCode: agency.code,
    language: agency.language,
    ...render(agency),
  }));
  for (let start = 0; start < rows.length; start += 1000) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(NoticeEntity)
      .values(rows.slice(start, start + 1000))
      .orIgnore()
      .execute();
  }
}
