import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ZONES, type Zone } from '../../../libs/domain';
import { DeskQueueRubricDto } from '../desk/desk.response.dto';

export class InterviewPanelistViewDto {
  @ApiProperty() userId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) affiliations: string[];
  @ApiProperty({ type: String, nullable: true }) province: string | null;
}

export class InterviewPanelViewDto {
  @ApiProperty({ example: '1' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() meetingUrl: string;
  @ApiProperty({ type: [InterviewPanelistViewDto] }) panelists: InterviewPanelistViewDto[];
}

export class InterviewAvailabilityDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty({ enum: ZONES, example: 'WIT' }) zone: Zone;
  @ApiProperty({ type: [String], example: ['2024-07-15'], description: 'Local dates in the agency’s zone' })
  unavailableDays: string[];
}

export class InterviewBookingViewDto {
  @ApiProperty() bookingId: string;
  @ApiProperty() entryId: string;
  @ApiProperty() slotId: string;
  @ApiProperty() panelKey: string;
  @ApiProperty() panelName: string;
  @ApiProperty() meetingUrl: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ example: '15 Jul 2024 10:20 WIT' }) startsAtLocal: string;
  @ApiProperty({ description: 'The iCalendar SEQUENCE: raised on every move' }) sequence: number;
  @ApiProperty({ description: '`engine` for the opening’s allocation, else the user who booked or last moved it' })
  bookedBy: string;
  @ApiProperty({ description: 'Why the booking is where it is: the allocation’s reason, or the last move’s' })
  reason: string;
  @ApiProperty({ type: Date, nullable: true }) confirmedAt: Date | null;
  @ApiProperty({ enum: ['present', 'absent', 'no-show'], nullable: true })
  attendance: 'present' | 'absent' | 'no-show' | null;
}

export class InterviewUnplacedDto {
  @ApiProperty() entryId: string;
  @ApiProperty() title: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() reason: string;
}

export class InterviewScheduleDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() stageKey: string;
  @ApiProperty({ enum: ZONES, example: 'WIB' }) zone: Zone;
  @ApiProperty() slots: number;
  @ApiProperty() free: number;
  @ApiProperty({ type: [InterviewBookingViewDto] }) bookings: InterviewBookingViewDto[];
  @ApiProperty({ type: [InterviewUnplacedDto], description: 'Empty for an agency' })
  unplaced: InterviewUnplacedDto[];
}

export class InterviewScheduleDifferenceDto {
  @ApiProperty() entryId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The slot the opening gave (null: unplaced)' })
  made: string | null;
  @ApiProperty({ type: String, nullable: true }) derived: string | null;
}

export class InterviewScheduleVerificationDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() stageKey: string;
  @ApiProperty() entries: number;
  @ApiProperty() identical: boolean;
  @ApiProperty({ type: [InterviewScheduleDifferenceDto] }) differences: InterviewScheduleDifferenceDto[];
}

export class InterviewFreeSlotDto {
  @ApiProperty() slotId: string;
  @ApiProperty() panelKey: string;
  @ApiProperty({ type: Date }) startsAt: Date;
  @ApiProperty({ type: Date }) endsAt: Date;
  @ApiProperty() startsAtLocal: string;
}

export class InterviewBookingEventDto {
  @ApiProperty({ example: 'moved' }) kind: string;
  @ApiProperty() sequence: number;
  @ApiProperty({ type: String, nullable: true }) fromSlotId: string | null;
  @ApiProperty({ type: String, nullable: true }) toSlotId: string | null;
  @ApiProperty() actor: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: Date }) at: Date;
}

export class InterviewScoreSheetDto {
  @ApiProperty() panelistId: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) scores: Record<string, number>;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty() weighted: number;
  @ApiProperty({ type: Date }) submittedAt: Date;
}

export class EntryInterviewDto {
  @ApiProperty() entryId: string;
  @ApiProperty() stageKey: string;
  @ApiProperty({ type: InterviewBookingViewDto, nullable: true }) booking: InterviewBookingViewDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The cut-off: until this instant the agency may confirm or move the booking (null: nothing booked)',
  })
  confirmBy: string | null;
  @ApiProperty({ type: String, nullable: true }) unplacedReason: string | null;
  @ApiProperty({ type: [InterviewBookingEventDto] }) history: InterviewBookingEventDto[];
  @ApiProperty({ type: [InterviewScoreSheetDto], description: 'Empty for an agency; a panelist sees their own' })
  scores: InterviewScoreSheetDto[];
}

/** The booking as the entry's workflow holds it after a confirmation, a move or attendance. */
export class InterviewBookingStateDto {
  @ApiProperty() bookingId: string;
  @ApiProperty() slotId: string;
  @ApiProperty() panelKey: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty() sequence: number;
  @ApiProperty({ description: 'True once the agency confirmed, or moved the interview itself (a move confirms)' })
  confirmed: boolean;
  @ApiPropertyOptional({ enum: ['present', 'absent', 'no-show'], nullable: true })
  attendance: 'present' | 'absent' | 'no-show' | null;
  @ApiProperty({ type: [String] }) panelistIds: string[];
}

export class InterviewScoreReceiptDto {
  @ApiProperty() entryId: string;
  @ApiProperty() stageKey: string;
  @ApiProperty({ description: 'The panelist who scored (named as in the desk receipt)' }) evaluatorId: string;
  @ApiProperty() version: number;
  @ApiProperty() weighted: number;
  @ApiProperty() submittedAt: string;
}

/** One interview on a panel you sit on. */
export class InterviewAgendaItemDto {
  @ApiProperty() entryId: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'keberlanjutan' }) group: string;
  @ApiProperty() agencyName: string;
  @ApiProperty({ enum: ZONES, example: 'WITA' }) agencyZone: Zone;
  @ApiProperty({ example: '15 Jul 2024 10:20 WITA', description: 'The start in the agency’s own zone' })
  startsAtAgencyLocal: string;
  @ApiProperty() panelKey: string;
  @ApiProperty() panelName: string;
  @ApiProperty() meetingUrl: string;
  @ApiProperty() startsAt: string;
  @ApiProperty() endsAt: string;
  @ApiProperty({ enum: ['present', 'absent', 'no-show'], nullable: true })
  attendance: 'present' | 'absent' | 'no-show' | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When you last saved your score sheet; null before' })
  scoredAt: Date | null;
}

/** Your interviews in one open interview stage, with the rubrics they are scored with. */
export class InterviewAgendaStageDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() programme: string;
  @ApiProperty() year: number;
  @ApiProperty() stageKey: string;
  @ApiProperty() stageName: string;
  @ApiProperty({ type: [DeskQueueRubricDto] }) rubrics: DeskQueueRubricDto[];
  @ApiProperty({ type: [InterviewAgendaItemDto], description: 'Earliest first' })
  interviews: InterviewAgendaItemDto[];
}
