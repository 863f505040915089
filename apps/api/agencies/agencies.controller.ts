import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../../libs/domain';
import { AgencyEntity } from '../../../libs/persistence';
import { CreateAgencyRequestDto } from './create-agency.request.dto';

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'All agencies (instansi)' })
  list() {
    return this.dataSource.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
  }

  @Post()
  @ApiOperation({ summary: 'Register an agency (409 when the code is taken)' })
  async create(@Body() body: CreateAgencyRequestDto) {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AgencyEntity)
      .values(body)
      .orIgnore()
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      throw new DomainError(ErrorCode.RegistrationDuplicate, `Agency code "${body.code}" is already registered.`, [
        { path: 'code', message: 'already registered' },
      ]);
    }
    return this.dataSource.getRepository(AgencyEntity).findOneByOrFail({ code: body.code });
  }
}
