import { Module } from '@nestjs/common';
import { EntriesService } from '../entries/entries.service';
import { NoticesService } from '../notify/notices.service';
import { DeskEntriesController } from './desk-entries.controller';
import { DeskScoringService } from './desk-scoring.service';
import { EvaluatorsController } from './evaluators.controller';
import { EvaluatorsService } from './evaluators.service';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';
import { SelectionController } from './selection.controller';
import { SelectionService } from './selection.service';

/**
 * Desk evaluation, selection and uji publik through the API. EntriesService and NoticesService are provided here
 * until the entries and notify features export them from modules of their own (then import those instead).
 */
@Module({
  controllers: [EvaluatorsController, DeskEntriesController, SelectionController, ObjectionsController],
  providers: [
    DeskScoringService,
    EvaluatorsService,
    SelectionService,
    ObjectionsService,
    EntriesService,
    NoticesService,
  ],
})
export class DeskModule {}
