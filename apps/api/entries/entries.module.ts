import { Module } from '@nestjs/common';
import { EntriesController } from './entries.controller';
import { EntriesService } from './entries.service';
import { EntryListsController } from './entry-lists.controller';
import { EntryListsService } from './entry-lists.service';
import { EntryScoresController } from './entry-scores.controller';
import { EntryScoresService } from './entry-scores.service';
import { LineageController } from './lineage.controller';
import { LineageService } from './lineage.service';
import { RegistrationService } from './registration.service';

@Module({
  controllers: [EntriesController, EntryListsController, LineageController, EntryScoresController],
  providers: [EntriesService, RegistrationService, LineageService, EntryListsService, EntryScoresService],
  exports: [EntriesService, RegistrationService],
})
export class EntriesModule {}
