import { Module } from '@nestjs/common';
import { PlenaryController } from './plenary.controller';
import { PlenaryService } from './plenary.service';

/** The plenary, its decisions and their exports, corrections, and the public results. */
@Module({
  controllers: [PlenaryController],
  providers: [PlenaryService],
})
export class PlenaryModule {}
