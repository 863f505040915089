import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow } from '../auth/access.decorator';
import { HealthDto } from './health.response.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthService) {}

  @Get()
  @Allow('public')
  @ApiOperation({ summary: 'Whether the API reaches PostgreSQL and Temporal; 503 when either is down' })
  @ApiOkResponse({ type: HealthDto, description: 'Both reached' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Either is down: status degraded' })
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, temporal] = await Promise.all([this.checks.database(), this.checks.temporal()]);
    const ok = database.ok && temporal.ok;
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }
}
