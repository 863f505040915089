import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode, type CompetitionTemplate } from '../domain';
import { TemplateEntity } from '../persistence';

export interface TemplateVersion {
  key: string;
  version: number;
  createdAt: Date;
  definition: CompetitionTemplate;
}

/** The given version of a template, or its latest when none is given. */
export async function findTemplateVersion(
  dataSource: DataSource,
  key: string,
  version?: number,
): Promise<TemplateVersion> {
  const row = await dataSource.getRepository(TemplateEntity).findOne({
    where: version === undefined ? { key } : { key, version },
    order: { version: 'DESC' },
  });
  if (!row) {
    throw new DomainError(
      ErrorCode.TemplateNotFound,
      version === undefined ? `No template "${key}".` : `Template "${key}" has no version ${version}.`,
    );
  }
  return { key: row.key, version: row.version, createdAt: row.createdAt, definition: row.definition };
}
