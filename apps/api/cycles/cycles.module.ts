import { Module } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';
import { RepetitionsController } from './repetitions.controller';

/** Cycles and their yearly repetitions. */
@Module({
  imports: [TemplatesModule],
  controllers: [CyclesController, RepetitionsController],
  providers: [CyclesService],
})
export class CyclesModule {}
