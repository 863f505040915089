import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Trimmed } from '../common/trimmed.decorator';

const AGENCY_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class PanelistDto {
  @ApiProperty({ example: 'prof.eko@ugm.ac.id', description: 'The e-mail of a panelist account (POST /users)' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({
    example: ['univ-gadjah-mada', 'prov-diy'],
    description: 'Agency codes the panelist is affiliated with; their entries never come before this panel',
  })
  @ArrayMinSize(1, { message: 'affiliations must name at least the panelist’s own institution' })
  @ArrayMaxSize(50)
  @Matches(AGENCY_CODE, { each: true, message: 'affiliations must be agency codes such as kota-depok' })
  affiliations: string[];

  @ApiPropertyOptional({ example: 'DI Yogyakarta' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  province?: string;
}

export class PanelDto {
  @ApiProperty({ example: '1', description: 'The panel’s number, 1 to the template’s `panels`' })
  @Matches(/^[1-9]\d*$/, { message: 'key must be the panel’s number, such as "1"' })
  key: string;

  @ApiProperty({ example: 'Panel 1 (Kluster Kabupaten)' })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: 'https://zoom.us/j/81234567890',
    description: 'The panel’s meeting link, in every invitation',
  })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'meetingUrl must be an https link' })
  @MaxLength(2000)
  meetingUrl: string;

  @ApiProperty({ type: [PanelistDto], description: 'At least one: a panel nobody sits on hears no one' })
  @ArrayMinSize(1, { message: 'panelists must name at least one panelist' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PanelistDto)
  panelists: PanelistDto[];
}

export class InterviewPanelsRequestDto {
  @ApiProperty({ type: [PanelDto], description: 'Every panel of the interview stage; replaces what was set before' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PanelDto)
  panels: PanelDto[];
}

export class AvailabilityRequestDto {
  @ApiPropertyOptional({ example: 'kota-jayapura', description: 'Admins name the agency; an agency sets its own' })
  @IsOptional()
  @Matches(AGENCY_CODE, { message: 'agencyCode must be an agency code such as kota-jayapura' })
  agencyCode?: string;

  @ApiProperty({
    example: ['2024-07-15'],
    description: 'Local dates (the agency’s zone) with no interview; replaces earlier ones',
  })
  @ArrayMaxSize(60)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'unavailableDays must be dates such as 2024-07-15' })
  unavailableDays: string[];
}

export class MoveInterviewRequestDto {
  @ApiProperty({ description: 'A free slot (GET /cycles/{cycleId}/interview-slots/free)' })
  @IsUUID('all', { message: 'slotId must be the id of a slot' })
  slotId: string;

  @ApiPropertyOptional({ description: 'Required when the secretariat books or moves: why' })
  @ValidateIf((body: MoveInterviewRequestDto) => body.reason !== undefined)
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(2000)
  reason?: string;
}

export class InterviewAttendanceRequestDto {
  @ApiProperty({ enum: ['present', 'absent'] })
  @IsIn(['present', 'absent'], { message: 'attendance must be present or absent' })
  attendance: 'present' | 'absent';
}

export class InterviewScoreRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { kebaruan: 80, efektivitas: 75, kemanfaatan: 90, 'kemudahan-replikasi': 70, keberlanjutan: 85 },
    description: 'A number for every criterion of the interview rubric, within its scale',
  })
  @IsObject({ message: 'scores must be an object with a number for each criterion' })
  scores: Record<string, number>;

  @ApiPropertyOptional({ description: 'Why you scored so' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}
