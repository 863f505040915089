import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { Allow } from '../auth/access.decorator';
import type { TahapConfig } from '../../../libs/config';

interface Check {
  ok: boolean;
  detail: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  @Get()
  @Allow('public')
  @ApiOperation({ summary: 'Whether the API reaches PostgreSQL and Temporal; 503 when either is down' })
  async health(@Res({ passthrough: true }) response: Response) {
    const [database, temporal] = await Promise.all([this.checkDatabase(), this.checkTemporal()]);
    const ok = database.ok && temporal.ok;
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'degraded', database, temporal };
  }

  private async checkDatabase(): Promise<Check> {
    try {
      const [{ migrations }] = await this.dataSource.query('SELECT count(*)::int AS migrations FROM migrations');
      return { ok: true, detail: `PostgreSQL answers; ${migrations} migrations applied` };
    } catch (error) {
      return { ok: false, detail: `PostgreSQL unreachable: ${String(error)}` };
    }
  }

  private async checkTemporal(): Promise<Check> {
    try {
      const info = await this.client.connection.withDeadline(Date.now() + 2_000, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return {
        ok: true,
        detail: `Temporal ${info.serverVersion ? `${info.serverVersion} ` : ''}at ${this.config.temporalAddress}`,
      };
    } catch (error) {
      return { ok: false, detail: `Temporal unreachable at ${this.config.temporalAddress}: ${String(error)}` };
    }
  }
}
