import { ApiProperty } from '@nestjs/swagger';

export class HealthCheckDto {
  @ApiProperty() ok: boolean;
}

export class HealthCheckDetailDto extends HealthCheckDto {
  @ApiProperty({ description: 'What was found, e.g. `PostgreSQL answers; 9 migrations applied`' }) detail: string;
}

/** Whether the API reaches PostgreSQL and Temporal: for anyone, so nothing more than yes or no. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'draining'] }) status: string;
  @ApiProperty({ type: HealthCheckDto }) database: HealthCheckDto;
  @ApiProperty({ type: HealthCheckDto }) temporal: HealthCheckDto;
}

/** The same check for the secretariat, with what each part answered. */
export class HealthDetailDto {
  @ApiProperty({ enum: ['ok', 'degraded', 'draining'] }) status: string;
  @ApiProperty({ type: HealthCheckDetailDto }) database: HealthCheckDetailDto;
  @ApiProperty({ type: HealthCheckDetailDto }) temporal: HealthCheckDetailDto;
}

/** The process answers. */
export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: string;
}
