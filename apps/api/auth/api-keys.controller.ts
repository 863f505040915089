import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, IsNull } from 'typeorm';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { ApiKeyEntity } from '../../../libs/persistence';
import { agencyVisibleTo } from '../agencies/agency-access';
import { Allow } from './access.decorator';
import { CreateApiKeyRequestDto } from './create-api-key.request.dto';
import { sha256 } from './credentials.service';
import { CurrentPrincipal } from './principal.decorator';
import { requireSession } from './require-session';

/** Agencies' own systems call the API with a key; the key is shown once and only its digest is stored. */
@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies/:code/api-keys')
export class ApiKeysController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Allow('admin', 'agency', 'auditor')
  @ApiOperation({ summary: "An agency's API keys (without their secrets)" })
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    await agencyVisibleTo(this.dataSource, code, principal);
    return this.dataSource
      .getRepository(ApiKeyEntity)
      .find({ where: { agencyCode: code }, order: { createdAt: 'ASC' } });
  }

  @Post()
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Create an API key; the key is in this response only' })
  async create(
    @Param('code') code: string,
    @Body() body: CreateApiKeyRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    requireSession(principal);
    await agencyVisibleTo(this.dataSource, code, principal);
    const key = `thp_${randomBytes(32).toString('base64url')}`;
    const saved = await this.dataSource.getRepository(ApiKeyEntity).save({
      agencyCode: code,
      name: body.name,
      secretSha256: sha256(key),
      createdBy: principal.userId,
      revokedAt: null,
    });
    return { id: saved.id, name: saved.name, agencyCode: code, key };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Revoke an API key at once' })
  async revoke(
    @Param('code') code: string,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound() })) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    requireSession(principal);
    await agencyVisibleTo(this.dataSource, code, principal);
    const result = await this.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id, agencyCode: code, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw notFound();
    return { id, revoked: true };
  }
}

function notFound(): DomainError {
  return new DomainError(ErrorCode.ApiKeyNotFound, 'No such API key for this agency.');
}
