import { ApiProperty } from '@nestjs/swagger';

export class AuditLogRowDto {
  @ApiProperty({ description: '1, 2, 3, … without gaps, in the order rows were written' }) seq: number;
  @ApiProperty() workflowId: string;
  @ApiProperty() runId: string;
  @ApiProperty({ description: 'The history event this row mirrors' }) eventId: number;
  @ApiProperty({ enum: ['started', 'signal', 'update-accepted', 'update-completed'] }) eventType: string;
  @ApiProperty({ description: 'The workflow type for `started`, else the signal’s or Update’s name' }) name: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who asked; null for the engine' }) actor: string | null;
  @ApiProperty({ description: 'The arguments, or the outcome of an Update completed' }) payload: unknown;
  @ApiProperty({ type: String, nullable: true }) cycleId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) entryId: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'The previous row’s hash; 64 zeros for the first row' }) prevHash: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the row’s canonical JSON (RFC 8785), hash excluded' }) hash: string;
}

export class AuditChainBreakDto {
  @ApiProperty() seq: number;
  @ApiProperty() reason: string;
}

export class AuditLogVerdictDto {
  @ApiProperty({ description: 'Rows found intact before the first break, or all rows' }) checked: number;
  @ApiProperty({ type: AuditChainBreakDto, nullable: true }) firstBroken: AuditChainBreakDto | null;
}
