import { Module } from '@nestjs/common';
import { EntriesController } from './entries.controller';
import { EntriesService } from './entries.service';
import { EntryListsController } from './entry-lists.controller';
import { EntryListsService } from './entry-lists.service';
import { LineageController } from './lineage.controller';
import { LineageService } from './lineage.service';
import { RegistrationService } from './registration.service';

@Module({
  controllers: [EntriesController, EntryListsController, LineageController],
  providers: [EntriesService, RegistrationService, LineageService, EntryListsService],
  exports: [EntriesService, RegistrationService],
})
export class EntriesModule {}
