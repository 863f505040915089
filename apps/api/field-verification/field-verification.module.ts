import { Module } from '@nestjs/common';
import { NoticesService } from '../notify/notices.service';
import { FieldVisitsController } from './field-visits.controller';
import { FieldVisitsService } from './field-visits.service';

/** Field visits: planning them, reading them, recording what they found. */
@Module({
  controllers: [FieldVisitsController],
  // Until NotifyModule (which exports NoticesService) is merged: then import it instead of providing this.
  providers: [FieldVisitsService, NoticesService],
})
export class FieldVerificationModule {}
