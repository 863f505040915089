import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  assertValidTemplate,
  BUILTIN_TEMPLATES,
  compareTemplates,
  resolveTemplate,
  type ResolvedTemplate,
} from '../../../libs/domain';
import { findTemplateVersion, type TemplateVersion } from '../../../libs/cycles';
import { DB } from '../../../libs/infrastructure';
import {
  allTemplateVersions,
  insertFirstVersions,
  insertTemplateVersion,
  latestVersionNumber,
} from '../../../libs/persistence/cycles';
import type { TemplateEntity } from '../../../libs/persistence/entities';
import { advisoryLock, inTransaction, LockNamespace, type Db } from '../../../libs/persistence/shared';

@Injectable()
export class TemplatesService implements OnModuleInit {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** The built-in templates exist as version 1 of their keys in every database. */
  async onModuleInit(): Promise<void> {
    await insertFirstVersions(this.db, BUILTIN_TEMPLATES);
  }

  async list(): Promise<TemplateVersion[]> {
    const rows = await allTemplateVersions(this.db);
    return rows.map(toVersion);
  }

  get(key: string, version?: number): Promise<TemplateVersion> {
    return findTemplateVersion(this.db, key, version);
  }

  /** What changed from one version to another, field by field. */
  async compare(key: string, from: number, to: number) {
    const [before, after] = await Promise.all([this.get(key, from), this.get(key, to)]);
    return { key, from, to, changes: compareTemplates(before.definition, after.definition) };
  }

  async resolve(key: string, version?: number): Promise<ResolvedTemplate> {
    const found = await this.get(key, version);
    return resolveTemplate(found.definition, found.version);
  }

  /** Validates and stores a new version under the template's key; versions are never edited. */
  async createVersion(input: unknown): Promise<TemplateVersion> {
    const definition = assertValidTemplate(input);
    return inTransaction(this.db, async (tx) => {
      // Serialise concurrent creations of the same key so two requests cannot both take version n+1.
      await advisoryLock(tx, LockNamespace.TemplateKey, definition.key);
      const latest = await latestVersionNumber(tx, definition.key);
      return toVersion(await insertTemplateVersion(tx, definition.key, latest + 1, definition));
    });
  }
}

function toVersion(row: TemplateEntity): TemplateVersion {
  return { key: row.key, version: row.version, createdAt: row.createdAt, definition: row.definition };
}
