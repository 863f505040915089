import { Module, type DynamicModule } from '@nestjs/common';
import type { TahapConfig } from '../../libs/config';
import { InfrastructureModule } from '../../libs/infrastructure';
import { AgenciesController } from './agencies/agencies.controller';
import { CyclesController } from './cycles/cycles.controller';
import { CyclesService } from './cycles/cycles.service';
import { EntriesController } from './entries/entries.controller';
import { EntriesService } from './entries/entries.service';
import { HealthController } from './health/health.controller';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';

@Module({})
export class ApiModule {
  static forRoot(config: TahapConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [InfrastructureModule.forRoot(config)],
      controllers: [HealthController, TemplatesController, CyclesController, AgenciesController, EntriesController],
      providers: [TemplatesService, CyclesService, EntriesService],
    };
  }
}
