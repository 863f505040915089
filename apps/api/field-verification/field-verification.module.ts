import { Module } from '@nestjs/common';
import { NotifyModule } from '../notify/notify.module';
import { FieldVisitsController } from './field-visits.controller';
import { FieldVisitsService } from './field-visits.service';

/** Field visits: planning them, reading them, recording what they found. */
@Module({
  controllers: [FieldVisitsController],
  imports: [NotifyModule],
  providers: [FieldVisitsService],
})
export class FieldVerificationModule {}
