import { Module } from '@nestjs/common';
import { EntriesModule } from '../entries/entries.module';
import { NotifyModule } from '../notify/notify.module';
import { DeskEntriesController } from './desk-entries.controller';
import { DeskQueueController } from './desk-queue.controller';
import { DeskQueueService } from './desk-queue.service';
import { DeskScoringService } from './desk-scoring.service';
import { EvaluatorsController } from './evaluators.controller';
import { EvaluatorsService } from './evaluators.service';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';
import { SelectionController } from './selection.controller';
import { SelectionService } from './selection.service';

/** Desk evaluation, selection and uji publik through the API. */
@Module({
  imports: [EntriesModule, NotifyModule],
  controllers: [
    EvaluatorsController,
    DeskEntriesController,
    DeskQueueController,
    SelectionController,
    ObjectionsController,
  ],
  providers: [DeskScoringService, DeskQueueService, EvaluatorsService, SelectionService, ObjectionsService],
})
export class DeskModule {}
