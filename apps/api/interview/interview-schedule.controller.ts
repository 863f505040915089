import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { AvailabilityRequestDto, InterviewPanelsRequestDto } from './interview.request.dto';
import { InterviewScheduleService } from './interview-schedule.service';
import { InterviewSetupService } from './interview-setup.service';
import {
  InterviewAvailabilityDto,
  InterviewFreeSlotDto,
  InterviewPanelViewDto,
  InterviewScheduleDto,
  InterviewScheduleVerificationDto,
} from './interview.response.dto';

/** A cycle's interview stage: panels and unavailable days before the schedule, then the schedule itself. */
@ApiTags('interview')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class InterviewScheduleController {
  constructor(
    private readonly setup: InterviewSetupService,
    private readonly interview: InterviewScheduleService,
  ) {}

  @Put('interview-panels')
  @Allow('admin')
  @ApiOperation({
    summary: 'Set the panels: members with their affiliations, and a meeting link each (until the schedule is made)',
  })
  @ApiOkResponse({ type: [InterviewPanelViewDto] })
  setPanels(@Param('cycleId') cycleId: string, @Body() body: InterviewPanelsRequestDto) {
    return this.setup.setPanels(cycleId, body);
  }

  @Get('interview-panels')
  @Allow('admin', 'auditor', 'panelist')
  @ApiOperation({ summary: 'The panels, their members and meeting links (a panelist: the panels they sit on)' })
  @ApiOkResponse({ type: [InterviewPanelViewDto] })
  panels(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.setup.panels(cycleId, principal);
  }

  @Put('interview-availability')
  @Allow('admin', 'agency')
  @ApiOperation({
    summary: 'Declare the days an agency cannot attend (its own zone); respected when the schedule is made',
  })
  @ApiOkResponse({ type: InterviewAvailabilityDto })
  setAvailability(
    @Param('cycleId') cycleId: string,
    @Body() body: AvailabilityRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.setup.setAvailability(cycleId, body, principal);
  }

  @Get('interview-schedule')
  @Allow('admin', 'auditor', 'panelist', 'agency')
  @ApiOperation({
    summary:
      'The schedule: bookings (an agency sees its own, a panelist those on their panels) and the entries that could not be placed, with why',
  })
  @ApiOkResponse({ type: InterviewScheduleDto })
  schedule(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.interview.schedule(cycleId, principal);
  }

  @Get('interview-schedule/verify')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Derive the opening’s schedule again from the same inputs and compare, booking by booking' })
  @ApiOkResponse({ type: InterviewScheduleVerificationDto })
  verify(@Param('cycleId') cycleId: string) {
    return this.interview.verify(cycleId);
  }

  @Get('interview-slots/free')
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Free slots: for an agency those after its cut-off, shown in its zone' })
  @ApiOkResponse({ type: [InterviewFreeSlotDto] })
  free(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.interview.freeSlotsFor(cycleId, principal);
  }
}
