import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorator';
import { HealthDetailDto, HealthDto } from './health.response.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthService) {}

  @Get()
  @Allow('public')
  @ApiOperation({
    summary: 'Whether the API reaches PostgreSQL and Temporal; 503 when either is down',
    description:
      'Only yes or no for each: what was found, versions and addresses included, is on `GET /health/detail`.',
  })
  @ApiOkResponse({ type: HealthDto, description: 'Both reached' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Either is down: status degraded' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const { status, database, temporal } = await this.detail(response);
    return { status, database: { ok: database.ok }, temporal: { ok: temporal.ok } };
  }

  @Get('detail')
  @Allow('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The health check with what was found: versions, addresses, and the errors met' })
  @ApiOkResponse({ type: HealthDetailDto, description: 'Both reached' })
  @ApiServiceUnavailableResponse({ type: HealthDetailDto, description: 'Either is down: status degraded' })
  async detail(@Res({ passthrough: true }) response: Response): Promise<HealthDetailDto> {
    const [database, temporal] = await Promise.all([this.checks.database(), this.checks.temporal()]);
    const ok = database.ok && temporal.ok;
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }
}
