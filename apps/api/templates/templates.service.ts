import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  assertValidTemplate,
  BUILTIN_TEMPLATES,
  compareTemplates,
  resolveTemplate,
  type ResolvedTemplate,
} from '../../../libs/domain';
import { findTemplateVersion, type TemplateVersion } from '../../../libs/cycles';
import { TemplateEntity } from '../../../libs/persistence';

@Injectable()
export class TemplatesService implements OnModuleInit {
  constructor(private readonly dataSource: DataSource) {}

  /** The built-in templates exist as version 1 of their keys in every database. */
  async onModuleInit(): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TemplateEntity)
      .values(BUILTIN_TEMPLATES.map((definition) => ({ key: definition.key, version: 1, definition })))
      .orIgnore()
      .execute();
  }

  async list(): Promise<TemplateVersion[]> {
    const rows = await this.dataSource.getRepository(TemplateEntity).find({ order: { key: 'ASC', version: 'ASC' } });
    return rows.map(toVersion);
  }

  get(key: string, version?: number): Promise<TemplateVersion> {
    return findTemplateVersion(this.dataSource, key, version);
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
    return this.dataSource.transaction(async (tx) => {
      // Serialise concurrent creations of the same key so two requests cannot both take version n+1.
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [definition.key]);
      const { max } = await tx
        .getRepository(TemplateEntity)
        .createQueryBuilder('t')
        .select('coalesce(max(t.version), 0)', 'max')
        .where('t.key = :key', { key: definition.key })
        .getRawOne<{ max: number }>()
        .then((row) => row ?? { max: 0 });
      const saved = await tx
        .getRepository(TemplateEntity)
        .save({ key: definition.key, version: Number(max) + 1, definition });
      return toVersion(saved);
    });
  }
}

function toVersion(row: TemplateEntity): TemplateVersion {
  return { key: row.key, version: row.version, createdAt: row.createdAt, definition: row.definition };
}
