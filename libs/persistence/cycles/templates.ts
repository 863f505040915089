import type { CompetitionTemplate } from '../../domain';
import { TemplateEntity } from '../entities';
import type { Db } from '../shared/db';

/** The given version of a template, or its latest when none is given; null when there is none. */
export function templateVersionRow(db: Db, key: string, version?: number): Promise<TemplateEntity | null> {
  return db.getRepository(TemplateEntity).findOne({
    where: version === undefined ? { key } : { key, version },
    order: { version: 'DESC' },
  });
}

export function allTemplateVersions(db: Db): Promise<TemplateEntity[]> {
  return db.getRepository(TemplateEntity).find({ order: { key: 'ASC', version: 'ASC' } });
}

/** Stores each definition as version 1 of its key, unless that version exists. */
export async function insertFirstVersions(db: Db, definitions: readonly CompetitionTemplate[]): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(TemplateEntity)
    .values(definitions.map((definition) => ({ key: definition.key, version: 1, definition })))
    .orIgnore()
    .execute();
}

/** The highest version stored under the key, 0 when none. */
export async function latestVersionNumber(tx: Db, key: string): Promise<number> {
  const row = await tx
    .getRepository(TemplateEntity)
    .createQueryBuilder('t')
    .select('coalesce(max(t.version), 0)', 'max')
    .where('t.key = :key', { key })
    .getRawOne<{ max: number }>();
  return Number((row ?? { max: 0 }).max);
}

export function insertTemplateVersion(
  tx: Db,
  key: string,
  version: number,
  definition: CompetitionTemplate,
): Promise<TemplateEntity> {
  return tx.getRepository(TemplateEntity).save({ key, version, definition });
}
