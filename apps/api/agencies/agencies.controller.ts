import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { AgencyEntity, isUniqueViolation } from '../../../libs/persistence';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { agencyVisibleTo } from './agency-access';
import { parseAgencyCsv } from './agency-csv';
import { CreateAgencyRequestDto } from './create-agency.request.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'All agencies (instansi)' })
  list() {
    return this.dataSource.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
  }

  @Get(':code')
  @Allow('admin', 'auditor', 'agency')
  @ApiOperation({ summary: 'One agency; an agency sees only itself' })
  get(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return agencyVisibleTo(this.dataSource, code, principal);
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Register an agency (409 when the code is taken)' })
  async create(@Body() body: CreateAgencyRequestDto) {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AgencyEntity)
      .values({ ...body, contacts: body.contacts ?? [], language: body.language ?? 'id' })
      .orIgnore()
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      throw new DomainError(ErrorCode.AgencyExists, `Agency code "${body.code}" is already registered.`, [
        { path: 'code', message: 'already registered' },
      ]);
    }
    return this.dataSource.getRepository(AgencyEntity).findOneByOrFail({ code: body.code });
  }

  @Post('import')
  @Allow('admin')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language\n',
    },
  })
  @ApiOperation({
    summary: 'Import agencies from CSV: all rows or none; every bad row is reported with its line and reason (422)',
  })
  async import(@Body() body: unknown, @Headers('content-type') contentType?: string) {
    if (typeof body !== 'string' || !contentType?.startsWith('text/csv')) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Send the CSV file itself with Content-Type: text/csv.');
    }
    const { profiles, problems, lineOfCode } = parseAgencyCsv(body);
    const codes = profiles.map((profile) => profile.code);
    const taken = await this.dataSource.getRepository(AgencyEntity).findBy({ code: In(codes) });
    const takenCodes = new Set(taken.map((agency) => agency.code));
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
    await this.dataSource
      .transaction(async (tx) => {
        for (let start = 0; start < profiles.length; start += 500) {
          await tx.getRepository(AgencyEntity).insert(profiles.slice(start, start + 500));
        }
      })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
        throw new DomainError(
          ErrorCode.AgencyExists,
          'Nothing was imported: some of these codes were registered by another request meanwhile; import again to see which.',
        );
      });
    return { imported: profiles.length };
  }
}
