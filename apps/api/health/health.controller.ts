import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorator';
import { HealthDetailDto, HealthDto, LivenessDto } from './health.response.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthService) {}

  @Get()
  @Allow('public')
  @ApiOperation({
    summary: 'Readiness: whether the API reaches PostgreSQL and Temporal; 503 when either is down or it is stopping',
    description:
      'For a load balancer and a Kubernetes readiness probe: from SIGTERM on it answers 503 `draining`, so no new ' +
      'request is sent here while those in flight finish. Only yes or no for each part: what was found, versions ' +
      'and addresses included, is on `GET /health/detail`.',
  })
  @ApiOkResponse({ type: HealthDto, description: 'Both reached' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Either is down: status degraded' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthDto> {
    const { status, database, temporal } = await this.detail(response);
    return { status, database: { ok: database.ok }, temporal: { ok: temporal.ok } };
  }

  @Get('live')
  @Allow('public')
  @ApiOperation({
    summary: 'Liveness: the process answers HTTP; 200 whatever PostgreSQL and Temporal do',
    description:
      'For a Kubernetes liveness probe: a restart helps only a process that no longer answers, not one whose ' +
      'database is down (the readiness check, `GET /health`, takes it out of the load balancer instead).',
  })
  @ApiOkResponse({ type: LivenessDto })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('detail')
  @Allow('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The health check with what was found: versions, addresses, and the errors met' })
  @ApiOkResponse({ type: HealthDetailDto, description: 'Both reached' })
  @ApiServiceUnavailableResponse({ type: HealthDetailDto, description: 'Either is down: status degraded' })
  async detail(@Res({ passthrough: true }) response: Response): Promise<HealthDetailDto> {
    const [database, temporal] = await Promise.all([this.checks.database(), this.checks.temporal()]);
    const ok = database.ok && temporal.ok && !this.checks.draining;
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: this.checks.draining ? 'draining' : ok ? 'ok' : 'degraded', database, temporal };
  }
}
