import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../../libs/domain';
import { AgencyEntity, UserEntity } from '../../../libs/persistence';
import { Allow } from './access.decorator';
import { hashPassword } from './auth.service';
import { CreateUserRequestDto } from './create-user.request.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow('admin')
  @ApiOperation({ summary: 'All accounts' })
  list() {
    return this.dataSource.getRepository(UserEntity).find({ order: { email: 'ASC' } });
  }

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Create an account; an agency account acts for one instansi' })
  async create(@Body() body: CreateUserRequestDto) {
    if (body.role === 'agency' && !body.agencyCode) {
      throw new DomainError(ErrorCode.ValidationFailed, 'An agency account needs agencyCode.', [
        { path: 'agencyCode', message: 'required for the agency role' },
      ]);
    }
    if (body.role !== 'agency' && body.agencyCode) {
      throw new DomainError(ErrorCode.ValidationFailed, `A ${body.role} account acts for no agency; drop agencyCode.`, [
        { path: 'agencyCode', message: 'only for the agency role' },
      ]);
    }
    if (body.agencyCode && !(await this.dataSource.getRepository(AgencyEntity).existsBy({ code: body.agencyCode }))) {
      throw new DomainError(ErrorCode.AgencyNotFound, `No agency with code "${body.agencyCode}".`, [
        { path: 'agencyCode', message: 'unknown agency' },
      ]);
    }
    const rows = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, display_name, role, agency_code, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
      [body.email, body.displayName, body.role, body.agencyCode ?? null, await hashPassword(body.password)],
    );
    if (rows.length === 0) {
      throw new DomainError(ErrorCode.UserExists, `An account for ${body.email} already exists.`, [
        { path: 'email', message: 'already has an account' },
      ]);
    }
    return this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: rows[0].id });
  }
}
