import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { AvailabilityRequestDto, InterviewPanelsRequestDto } from './interview.request.dto';
import { InterviewService } from './interview.service';

/** A cycle's interview stage: panels and unavailable days before the schedule, then the schedule itself. */
@ApiTags('interview')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class InterviewScheduleController {
  constructor(private readonly interview: InterviewService) {}

  @Put('interview-panels')
  @Allow('admin')
  @ApiOperation({
    summary: 'Set the panels: members with their affiliations, and a meeting link each (until the schedule is made)',
  })
  setPanels(@Param('cycleId') cycleId: string, @Body() body: InterviewPanelsRequestDto) {
    return this.interview.setPanels(cycleId, body);
  }

  @Get('interview-panels')
  @Allow('admin', 'auditor', 'panelist')
  @ApiOperation({ summary: 'The panels, their members and meeting links' })
  panels(@Param('cycleId') cycleId: string) {
    return this.interview.panels(cycleId);
  }

  @Put('interview-availability')
  @Allow('admin', 'agency')
  @ApiOperation({
    summary: 'Declare the days an agency cannot attend (its own zone); respected when the schedule is made',
  })
  setAvailability(
    @Param('cycleId') cycleId: string,
    @Body() body: AvailabilityRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.interview.setAvailability(cycleId, body, principal);
  }

  @Get('interview-schedule')
  @Allow('admin', 'auditor', 'panelist', 'agency')
  @ApiOperation({
    summary: 'The schedule: bookings (an agency sees its own) and the entries that could not be placed, with why',
  })
  schedule(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.interview.schedule(cycleId, principal);
  }

  @Get('interview-schedule/verify')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Derive the opening’s schedule again from the same inputs and compare, booking by booking' })
  verify(@Param('cycleId') cycleId: string) {
    return this.interview.verify(cycleId);
  }

  @Get('interview-slots/free')
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Free slots: for an agency those after its cut-off, shown in its zone' })
  free(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.interview.freeSlotsFor(cycleId, principal);
  }
}
