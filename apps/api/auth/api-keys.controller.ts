import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from './access.decorator';
import { apiKeyNotFound, ApiKeysService } from './api-keys.service';
import { CreateApiKeyRequestDto } from './create-api-key.request.dto';
import { CurrentPrincipal } from './principal.decorator';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies/:code/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Allow('admin', 'agency', 'auditor')
  @ApiOperation({ summary: "An agency's API keys (without their secrets)" })
  list(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.apiKeys.list(code, principal);
  }

  @Post()
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Create an API key; the key is in this response only' })
  create(@Param('code') code: string, @Body() body: CreateApiKeyRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.apiKeys.create(code, body.name, principal);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Revoke an API key at once' })
  revoke(
    @Param('code') code: string,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => apiKeyNotFound() })) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.apiKeys.revoke(code, id, principal);
  }
}
