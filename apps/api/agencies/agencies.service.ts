import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { isUniqueViolation } from '../../../libs/persistence';
import {
  allAgencies,
  existingAgency,
  insertAgencies,
  insertAgencyUnlessTaken,
  registeredAgencyCodes,
} from '../../../libs/persistence/agencies/agency-directory';
import type { AgencyEntity } from '../../../libs/persistence/entities';
import { inTransaction, type Db } from '../../../libs/persistence/shared';
import { agencyVisibleTo } from './agency-access';
import { parseAgencyCsv } from './agency-csv';
import type { CreateAgencyRequestDto } from './create-agency.request.dto';

/** The agencies (instansi) taking part: registered one by one or imported from CSV. */
@Injectable()
export class AgenciesService {
  constructor(@Inject(DB) private readonly db: Db) {}

  list(): Promise<AgencyEntity[]> {
    return allAgencies(this.db);
  }

  get(code: string, principal: Principal): Promise<AgencyEntity> {
    return agencyVisibleTo(this.db, code, principal);
  }

  async create(body: CreateAgencyRequestDto): Promise<AgencyEntity> {
    const inserted = await insertAgencyUnlessTaken(this.db, {
      ...body,
      contacts: body.contacts ?? [],
      language: body.language ?? 'id',
    });
    if (!inserted) {
      throw new DomainError(ErrorCode.AgencyExists, `Agency code "${body.code}" is already registered.`, [
        { path: 'code', message: 'already registered' },
      ]);
    }
    return existingAgency(this.db, body.code);
  }

  /** All rows or none; every bad row is reported with its line and reason. */
  async import(csv: string): Promise<{ imported: number }> {
    const { profiles, problems, lineOfCode } = parseAgencyCsv(csv);
    const takenCodes = await registeredAgencyCodes(
      this.db,
      profiles.map((profile) => profile.code),
    );
    for (const profile of profiles) {
      if (takenCodes.has(profile.code)) {
        problems.push({
          line: lineOfCode.get(profile.code)!,
          field: 'code',
          message: `agency ${profile.code} is already registered`,
        });
      }
    }
    if (problems.length > 0) {
      problems.sort((a, b) => a.line - b.line);
      const first = problems.slice(0, 3).map((problem) => `line ${problem.line}: ${problem.message}`);
      throw new DomainError(
        ErrorCode.AgencyImportInvalid,
        `Nothing was imported: ${problems.length} problem(s), first ${first.join('; ')}.`,
        problems.map((problem) => ({
          path: `line ${problem.line}${problem.field ? ` ${problem.field}` : ''}`,
          message: problem.message,
        })),
      );
    }
    await inTransaction(this.db, (tx) => insertAgencies(tx, profiles)).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(
        ErrorCode.AgencyExists,
        'Nothing was imported: some of these codes were registered by another request meanwhile; import again to see which.',
      );
    });
    return { imported: profiles.length };
  }
}
