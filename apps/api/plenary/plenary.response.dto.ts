import { ApiProperty } from '@nestjs/swagger';

export class PlenaryCorrectionDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty({ description: 'Its status in the decision corrected' }) from: string;
  @ApiProperty({ description: 'Its status in this decision' }) to: string;
}

export class PlenaryDecisionSummaryDto {
  @ApiProperty({ description: '1 for the plenary’s decision, 2, 3, … for its corrections' }) sequence: number;
  @ApiProperty() decisionNumber: string;
  @ApiProperty({ type: String, nullable: true, description: 'The decision number this one corrects' })
  supersedes: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why a correction was made' }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) announcedAt: string | null;
  @ApiProperty({ description: 'SHA-256 of the decision’s canonical JSON export' }) sha256: string;
  @ApiProperty({ type: [PlenaryCorrectionDto] }) corrections: PlenaryCorrectionDto[];
}

export class PlenaryWinnerDto {
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() title: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ type: Number, nullable: true }) final: number | null;
}

export class PlenaryResultGroupDto {
  @ApiProperty() cluster: string;
  @ApiProperty() clusterName: string;
  @ApiProperty() group: string;
  @ApiProperty() groupName: string;
  @ApiProperty({ type: [PlenaryWinnerDto] }) winners: PlenaryWinnerDto[];
}

export class PlenaryResultsDto extends PlenaryDecisionSummaryDto {
  @ApiProperty({ type: [PlenaryResultGroupDto] }) groups: PlenaryResultGroupDto[];
}
