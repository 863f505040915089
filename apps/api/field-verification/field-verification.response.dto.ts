import { ApiProperty } from '@nestjs/swagger';

export class FieldVerificationVisitorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class FieldVerificationVisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() cycleId: string;
  @ApiProperty() stageKey: string;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() entryTitle: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty({ format: 'date', description: 'The day in the stage’s zone' }) date: string;
  @ApiProperty({ description: 'The day as a person reads it' }) dateLocal: string;
  @ApiProperty({ enum: ['on-site', 'virtual'] }) mode: string;
  @ApiProperty({ type: FieldVerificationVisitorDto, description: 'The panelist (TPI)' })
  panelist: FieldVerificationVisitorDto;
  @ApiProperty({ type: FieldVerificationVisitorDto, description: 'The evaluator (TE)' })
  evaluator: FieldVerificationVisitorDto;
  @ApiProperty({ description: 'Why these two were chosen' }) reason: string;
  @ApiProperty({ format: 'uuid' }) plannedBy: string;
  @ApiProperty() plannedAt: Date;
  @ApiProperty({ type: String, nullable: true, enum: ['verified', 'partly-verified', 'not-verified', 'not-visited'] })
  outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) outcomeBy: string | null;
  @ApiProperty({ type: Date, nullable: true }) outcomeAt: Date | null;
}

export class FieldVerificationPlanDto {
  @ApiProperty({ type: [FieldVerificationVisitDto] }) visits: FieldVerificationVisitDto[];
}
