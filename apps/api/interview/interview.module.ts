import { Module } from '@nestjs/common';
import { EntriesModule } from '../entries/entries.module';
import { InterviewAgendaController } from './interview-agenda.controller';
import { InterviewAgendaService } from './interview-agenda.service';
import { InterviewBookingService } from './interview-booking.service';
import { InterviewEntryController } from './interview-entry.controller';
import { InterviewScheduleController } from './interview-schedule.controller';
import { InterviewScheduleService } from './interview-schedule.service';
import { InterviewSetupService } from './interview-setup.service';

/** Presentation and interview: panels, unavailable days, the schedule, and each entry's booking and scores. */
@Module({
  controllers: [InterviewScheduleController, InterviewEntryController, InterviewAgendaController],
  imports: [EntriesModule],
  providers: [InterviewSetupService, InterviewScheduleService, InterviewBookingService, InterviewAgendaService],
})
export class InterviewModule {}
