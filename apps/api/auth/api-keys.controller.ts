import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from './access.decorator';
import { apiKeyNotFound, ApiKeysService } from './api-keys.service';
import { CreateApiKeyRequestDto } from './create-api-key.request.dto';
import { CurrentPrincipal } from './principal.decorator';
import { AuthApiKeyCreatedDto, AuthApiKeyDto, AuthApiKeyRevokedDto } from './auth.response.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies/:code/api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Get()
  @Allow('admin', 'agency', 'auditor')
  @ApiOperation({ summary: "An agency's API keys (without their secrets)" })
  @ApiOkResponse({ type: [AuthApiKeyDto] })
  list(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.apiKeys.list(code, principal);
  }

  @Post()
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Create an API key; the key is in this response only' })
  @ApiCreatedResponse({ type: AuthApiKeyCreatedDto })
  create(@Param('code') code: string, @Body() body: CreateApiKeyRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.apiKeys.create(code, body.name, principal);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Revoke an API key at once' })
  @ApiOkResponse({ type: AuthApiKeyRevokedDto })
  revoke(
    @Param('code') code: string,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => apiKeyNotFound() })) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.apiKeys.revoke(code, id, principal);
  }
}
