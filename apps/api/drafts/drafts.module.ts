import { Module } from '@nestjs/common';
import { EntriesModule } from '../entries/entries.module';
import { DraftsController } from './drafts.controller';
import { DraftsService } from './drafts.service';

@Module({
  imports: [EntriesModule],
  controllers: [DraftsController],
  providers: [DraftsService],
})
export class DraftsModule {}
