import { DomainError, ErrorCode, type CompetitionTemplate } from '../domain';
import { templateVersionRow } from '../persistence/cycles';
import type { Db } from '../persistence/shared';

export interface TemplateVersion {
  key: string;
  version: number;
  createdAt: Date;
  definition: CompetitionTemplate;
}

/** The given version of a template, or its latest when none is given. */
export async function findTemplateVersion(db: Db, key: string, version?: number): Promise<TemplateVersion> {
  const row = await templateVersionRow(db, key, version);
  if (!row) {
    throw new DomainError(
      ErrorCode.TemplateNotFound,
      version === undefined ? `No template "${key}".` : `Template "${key}" has no version ${version}.`,
    );
  }
  return { key: row.key, version: row.version, createdAt: row.createdAt, definition: row.definition };
}
