import { ApiProperty } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'What was found, e.g. `PostgreSQL answers; 9 migrations applied`' }) detail: string;
}

/** Whether the API reaches PostgreSQL and Temporal. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: string;
  @ApiProperty({ type: HealthCheckDto }) database: HealthCheckDto;
  @ApiProperty({ type: HealthCheckDto }) temporal: HealthCheckDto;
}
