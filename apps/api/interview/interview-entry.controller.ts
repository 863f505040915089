import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { entryIdParam } from '../common/params';
import { InterviewBookingService } from './interview-booking.service';
import {
  InterviewAttendanceRequestDto,
  InterviewScoreRequestDto,
  MoveInterviewRequestDto,
} from './interview.request.dto';
import { EntryInterviewDto, InterviewBookingStateDto, InterviewScoreReceiptDto } from './interview.response.dto';

/** One entry's interview: its booking, the agency's confirmation or move, the panel's attendance and scores. */
@ApiTags('interview')
@ApiBearerAuth()
@Controller('entries/:entryId/interview')
export class InterviewEntryController {
  constructor(private readonly interview: InterviewBookingService) {}

  @Get()
  @Allow('admin', 'auditor', 'agency', 'agency-unit', 'panelist')
  @ApiOperation({ summary: 'The booking (in the agency’s zone), every change to it, and the interview scores' })
  @ApiOkResponse({ type: EntryInterviewDto })
  booking(@Param('entryId', entryIdParam()) entryId: string, @CurrentPrincipal() principal: Principal) {
    return this.interview.booking(entryId, principal);
  }

  @Get('calendar.ics')
  @Allow('admin', 'auditor', 'agency', 'agency-unit', 'panelist')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'The booking as a calendar file (iCalendar): the same UID, SEQUENCE and time as its latest invitation',
  })
  @ApiOkResponse({ schema: { type: 'string' } })
  async calendar(
    @Param('entryId', entryIdParam()) entryId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const file = await this.interview.calendar(entryId, principal);
    return new StreamableFile(Buffer.from(file.content, 'utf8'), {
      type: file.contentType,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }

  @Post('confirm')
  @HttpCode(200)
  @Allow('agency')
  @ApiOperation({ summary: 'Confirm the slot, before the cut-off (an Update on the entry workflow)' })
  @ApiOkResponse({ type: InterviewBookingStateDto })
  confirm(@Param('entryId', entryIdParam()) entryId: string, @CurrentPrincipal() principal: Principal) {
    return this.interview.confirm(entryId, principal);
  }

  @Post('move')
  @HttpCode(200)
  @Allow('agency', 'admin')
  @ApiOperation({
    summary: 'Move to a free slot (agency, before the cut-off) or book one (admin, with a reason)',
    description:
      'An Update on the entry workflow; the same booking keeps its calendar UID and its SEQUENCE rises. A move by the agency confirms the new slot (the agency chose it: `confirmed` is true and no confirmation is asked again); one by the secretariat awaits the agency’s confirmation unless the slot is already past its cut-off. The schedule (`GET /cycles/{cycleId}/interview-schedule`) then shows who moved it (`bookedBy`) and why (`reason`). A slot taken by someone else answers 409 with `alternatives`.',
  })
  @ApiOkResponse({ type: InterviewBookingStateDto })
  move(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: MoveInterviewRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.interview.move(entryId, body, principal);
  }

  @Post('attendance')
  @HttpCode(200)
  @Allow('panelist')
  @ApiOperation({ summary: 'Record whether the agency attended (a panelist of the booking’s panel, once begun)' })
  @ApiOkResponse({ type: InterviewBookingStateDto })
  attendance(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: InterviewAttendanceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.interview.attendance(entryId, body, principal);
  }

  @Post('scores')
  @Allow('panelist')
  @ApiOperation({ summary: 'Submit or revise your interview score sheet (every version is kept)' })
  @ApiCreatedResponse({ type: InterviewScoreReceiptDto })
  score(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: InterviewScoreRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.interview.score(entryId, body, principal);
  }
}
