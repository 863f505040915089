import { Module } from '@nestjs/common';
import { EntriesService } from '../entries/entries.service';
import { InterviewBookingService } from './interview-booking.service';
import { InterviewEntryController } from './interview-entry.controller';
import { InterviewScheduleController } from './interview-schedule.controller';
import { InterviewScheduleService } from './interview-schedule.service';
import { InterviewSetupService } from './interview-setup.service';

/** Presentation and interview: panels, unavailable days, the schedule, and each entry's booking and scores. */
@Module({
  controllers: [InterviewScheduleController, InterviewEntryController],
  // EntriesService until the entries feature has a module of its own to import.
  providers: [InterviewSetupService, InterviewScheduleService, InterviewBookingService, EntriesService],
})
export class InterviewModule {}
